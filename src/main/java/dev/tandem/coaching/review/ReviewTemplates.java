package dev.tandem.coaching.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The templates reviews are written along. Every organisation has the two shipped ones (a rep's: results, activity and
 * process, collaboration, development; a manager's: managing down, up and sideways), made from the messages the first
 * time they are asked for; admins rename them, rewrite their sections and add templates of their own.
 */
@Service
public class ReviewTemplates {

	/** The shipped templates and how many sections each has in the messages. */
	static final Map<String, Integer> SHIPPED = Map.of("REP", 4, "MANAGER", 3);

	private static final int MAX_SECTIONS = 12;

	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final Clock clock;

	ReviewTemplates(JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	/** The organisation's templates, the shipped ones first. */
	@Transactional
	public List<ReviewTemplate> all(UUID orgId) {
		ensureShipped(orgId);
		List<ReviewTemplate> templates = jdbc.sql("""
				select * from coaching_review_template where org_id = :org
				 order by case code when 'REP' then 0 when 'MANAGER' then 1 else 2 end, name, id
				""").param("org", orgId)
			.query((rs, n) -> new ReviewTemplate(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
					rs.getString("name_nl"), List.of(), rs.getInt("version")))
			.list();
		return templates.stream().map(t -> new ReviewTemplate(t.id(), t.code(), t.name(), t.nameNl(), sections(orgId, t.id()), t.version()))
			.toList();
	}

	public ReviewTemplate get(UUID orgId, UUID id) {
		return all(orgId).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new RecordNotFoundException("review template", id));
	}

	/** A shipped template by its code ({@code REP} or {@code MANAGER}). */
	public ReviewTemplate shipped(UUID orgId, String code) {
		return all(orgId).stream().filter(t -> code.equals(t.code())).findFirst().orElseThrow();
	}

	/** Replaces a template's name and sections (an admin); reviews made earlier keep the sections they were made with. */
	@Transactional
	public ReviewTemplate update(CurrentUser admin, UUID id, int version, String name, String nameNl, List<ReviewTemplate.Section> sections) {
		requireAdmin(admin);
		get(admin.orgId(), id);
		check(name, nameNl, sections);
		int updated = jdbc.sql("""
				update coaching_review_template set name = :name, name_nl = :nameNl, updated_at = :at, updated_by = :by, version = version + 1
				 where org_id = :org and id = :id and version = :version
				""").param("org", admin.orgId()).param("id", id).param("version", version).param("name", name.strip())
			.param("nameNl", nameNl.strip()).param("at", Timestamp.from(clock.instant())).param("by", admin.displayName()).update();
		if (updated == 0) {
			throw conflict(admin.orgId(), id);
		}
		jdbc.sql("delete from coaching_review_template_section where org_id = :org and template_id = :id").param("org", admin.orgId())
			.param("id", id).update();
		insertSections(admin.orgId(), id, sections);
		return get(admin.orgId(), id);
	}

	/** Adds a template of the organisation's own (an admin). */
	@Transactional
	public ReviewTemplate create(CurrentUser admin, String name, String nameNl, List<ReviewTemplate.Section> sections) {
		requireAdmin(admin);
		check(name, nameNl, sections);
		UUID id = Ids.next();
		insert(admin.orgId(), id, null, name.strip(), nameNl.strip(), admin.displayName());
		insertSections(admin.orgId(), id, sections);
		return get(admin.orgId(), id);
	}

	private void check(@Nullable String name, @Nullable String nameNl, List<ReviewTemplate.Section> sections) {
		List<FieldProblem> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.strip().length() > 120) {
			problems.add(new FieldProblem("name", "review.error.text", 120));
		}
		if (nameNl == null || nameNl.isBlank() || nameNl.strip().length() > 120) {
			problems.add(new FieldProblem("nameNl", "review.error.text", 120));
		}
		if (sections.isEmpty() || sections.size() > MAX_SECTIONS) {
			problems.add(new FieldProblem("sections", "review.error.sections", MAX_SECTIONS));
		}
		for (int i = 0; i < sections.size(); i++) {
			ReviewTemplate.Section s = sections.get(i);
			if (s.title() == null || s.title().isBlank() || s.title().strip().length() > 120) {
				problems.add(new FieldProblem("sections[" + i + "].title", "review.error.text", 120));
			}
			if (s.titleNl() == null || s.titleNl().isBlank() || s.titleNl().strip().length() > 120) {
				problems.add(new FieldProblem("sections[" + i + "].titleNl", "review.error.text", 120));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private List<ReviewTemplate.Section> sections(UUID orgId, UUID templateId) {
		return jdbc.sql("select * from coaching_review_template_section where org_id = :org and template_id = :id order by position")
			.param("org", orgId).param("id", templateId)
			.query((rs, n) -> new ReviewTemplate.Section(rs.getString("title"), rs.getString("title_nl"), rs.getString("guidance"),
					rs.getString("guidance_nl")))
			.list();
	}

	private void ensureShipped(UUID orgId) {
		for (Map.Entry<String, Integer> shipped : SHIPPED.entrySet()) {
			String code = shipped.getKey();
			boolean exists = jdbc.sql("select exists (select 1 from coaching_review_template where org_id = :org and code = :code)")
				.param("org", orgId).param("code", code).query(Boolean.class).single();
			if (exists) {
				continue;
			}
			UUID id = Ids.next();
			String prefix = "review.shipped." + code.toLowerCase(Locale.ROOT);
			insert(orgId, id, code, text(prefix + ".name", Locale.ENGLISH), text(prefix + ".name", Locale.forLanguageTag("nl")), null);
			List<ReviewTemplate.Section> sections = new ArrayList<>();
			for (int i = 1; i <= shipped.getValue(); i++) {
				sections.add(new ReviewTemplate.Section(text(prefix + "." + i, Locale.ENGLISH), text(prefix + "." + i, Locale.forLanguageTag("nl")),
						text(prefix + "." + i + ".guidance", Locale.ENGLISH), text(prefix + "." + i + ".guidance", Locale.forLanguageTag("nl"))));
			}
			insertSections(orgId, id, sections);
		}
	}

	private void insert(UUID orgId, UUID id, @Nullable String code, String name, String nameNl, @Nullable String by) {
		jdbc.sql("""
				insert into coaching_review_template (org_id, id, code, name, name_nl, created_at, updated_at, updated_by)
				values (:org, :id, :code, :name, :nameNl, :at, :at, :by)
				on conflict do nothing
				""").param("org", orgId).param("id", id).param("code", code).param("name", name).param("nameNl", nameNl)
			.param("at", Timestamp.from(clock.instant())).param("by", by).update();
	}

	private void insertSections(UUID orgId, UUID templateId, List<ReviewTemplate.Section> sections) {
		int position = 1;
		for (ReviewTemplate.Section s : sections) {
			jdbc.sql("""
					insert into coaching_review_template_section (org_id, template_id, position, title, title_nl, guidance, guidance_nl)
					values (:org, :id, :position, :title, :titleNl, :guidance, :guidanceNl)
					on conflict do nothing
					""").param("org", orgId).param("id", templateId).param("position", position++).param("title", s.title().strip())
				.param("titleNl", s.titleNl().strip()).param("guidance", s.guidance() == null ? "" : s.guidance().strip())
				.param("guidanceNl", s.guidanceNl() == null ? "" : s.guidanceNl().strip()).update();
		}
	}

	private ConcurrentEditException conflict(UUID orgId, UUID id) {
		return jdbc.sql("select updated_by, updated_at from coaching_review_template where org_id = :org and id = :id").param("org", orgId)
			.param("id", id).query((rs, n) -> new ConcurrentEditException("review template", rs.getString("updated_by"),
					rs.getTimestamp("updated_at").toInstant()))
			.single();
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("review templates are edited by admins");
		}
	}
}
