package dev.tandem.coaching.mentoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.Idempotency;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Role;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mentors for newcomers: who counts as a newcomer, the suggested mentors, choosing one (a line manager of the
 * newcomer) and the mentorships a viewer may see. A mentorship is seen by the newcomer, the mentor, the line of
 * either and admins; anyone else gets a 404, as for any private coaching record.
 */
@Service
public class MentoringManagement {

	static final int MAX_GOALS = 2000;

	private final Mentorships mentorships;
	private final MentorSuggestions suggestions;
	private final Newcomers newcomers;
	private final UserManagement users;
	private final Visibility visibility;
	private final Idempotency idempotency;
	private final ApplicationEventPublisher events;
	private final MentoringSettings settings;
	private final Clock clock;

	MentoringManagement(Mentorships mentorships, MentorSuggestions suggestions, Newcomers newcomers, UserManagement users,
			Visibility visibility, Idempotency idempotency, ApplicationEventPublisher events, MentoringSettings settings, Clock clock) {
		this.mentorships = mentorships;
		this.suggestions = suggestions;
		this.newcomers = newcomers;
		this.users = users;
		this.visibility = visibility;
		this.idempotency = idempotency;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** A newcomer the viewer may see, when they started in sales and their mentorship running today, if any. */
	public record Newcomer(UUID id, String name, LocalDate started, long weeks, @Nullable Mentorship mentorship) {
	}

	/**
	 * The newcomers the viewer is in the line of (and the viewer, when they are one): people whose first day in a sales
	 * team is less than the setting's months ago, newest first.
	 */
	public List<Newcomer> newcomers(CurrentUser viewer) {
		LocalDate today = visibility.today(viewer.orgId());
		LocalDate since = today.minusMonths(settings.newcomerMonths());
		Map<UUID, LocalDate> starts = newcomers.starts(viewer);
		Set<UUID> visible = visibility.visibleUsers(viewer);
		Map<UUID, String> names = users.displayNames(viewer);
		List<UUID> ids = starts.entrySet().stream().filter(e -> visible.contains(e.getKey()) && e.getValue().isAfter(since))
			.map(Map.Entry::getKey).toList();
		Map<UUID, Mentorship> running = new java.util.HashMap<>();
		for (Mentorship m : mentorships.involving(viewer.orgId(), ids)) {
			if (ids.contains(m.newcomerId()) && m.runsOn(today)) {
				running.putIfAbsent(m.newcomerId(), m);
			}
		}
		List<Newcomer> result = new ArrayList<>();
		for (UUID id : ids) {
			LocalDate started = starts.get(id);
			result.add(new Newcomer(id, names.getOrDefault(id, "?"), started, java.time.temporal.ChronoUnit.WEEKS.between(started, today),
					running.get(id)));
		}
		result.sort(Comparator.comparing(Newcomer::started).reversed().thenComparing(Newcomer::name));
		return result;
	}

	/** When the person started in a sales team, if they ever did. */
	public @Nullable LocalDate startOf(CurrentUser viewer, UUID personId) {
		return newcomers.starts(viewer).get(personId);
	}

	/** The mentorships the viewer may see: of the people they see, as newcomer or mentor; latest first. */
	public List<Mentorship> list(CurrentUser viewer) {
		return mentorships.involving(viewer.orgId(), visibility.visibleUsers(viewer));
	}

	/** The mentorships of one person (as newcomer or mentor), when the viewer may see that person's coaching. */
	public List<Mentorship> of(CurrentUser viewer, UUID personId) {
		if (!visibility.canSee(viewer, personId)) {
			throw new RecordNotFoundException("person", personId);
		}
		return mentorships.involving(viewer.orgId(), List.of(personId));
	}

	public Mentorship get(CurrentUser viewer, UUID id) {
		return mentorships.find(viewer.orgId(), id).filter(m -> maySee(viewer, m))
			.orElseThrow(() -> new RecordNotFoundException("mentorship", id));
	}

	boolean maySee(CurrentUser viewer, Mentorship m) {
		return visibility.canSee(viewer, m.newcomerId()) || visibility.canSee(viewer, m.mentorId());
	}

	/** Whether the viewer may choose a mentor for the person: one of their line managers or an admin. */
	public boolean mayChoose(CurrentUser viewer, UUID newcomerId) {
		return visibility.isInLineOf(viewer, newcomerId);
	}

	/** The suggested mentors for a newcomer, best first, for someone who may choose one; 404 for a person they cannot see. */
	public Suggestions suggestions(CurrentUser viewer, UUID newcomerId, Locale locale) {
		requireChooser(viewer, newcomerId, "newcomerId");
		return suggestions.suggest(viewer, newcomerId, locale);
	}

	/** Chooses a mentor; ends the newcomer's running mentorship, if any, the day the new one starts. */
	@Transactional
	public Mentorship assign(CurrentUser viewer, NewMentorship request, @Nullable String idempotencyKey) {
		return idempotency.once(viewer, idempotencyKey, request, "mentorship", id -> insert(viewer, id, request),
				id -> get(viewer, id)).value();
	}

	private Mentorship insert(CurrentUser viewer, UUID id, NewMentorship request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.newcomerId() == null) {
			throw InvalidInputException.of("newcomerId", "jakarta.validation.constraints.NotNull.message");
		}
		requireChooser(viewer, request.newcomerId(), "newcomerId");
		LocalDate today = visibility.today(viewer.orgId());
		if (request.mentorId() == null) {
			problems.add(new FieldProblem("mentorId", "jakarta.validation.constraints.NotNull.message"));
		}
		else if (request.mentorId().equals(request.newcomerId())) {
			problems.add(new FieldProblem("mentorId", "coaching.mentoring.error.self"));
		}
		else {
			User mentor = users.recipient(viewer.orgId(), request.mentorId()).orElse(null);
			if (mentor == null || !mentor.active() || mentor.role() == Role.PARTNER || mentor.role() == Role.ADMIN) {
				problems.add(new FieldProblem("mentorId", "coaching.mentoring.error.mentor"));
			}
		}
		LocalDate starts = request.startsOn() == null ? today : request.startsOn();
		LocalDate ends = request.endsOn() == null ? starts.plusDays(settings.defaultDays()) : request.endsOn();
		if (!ends.isAfter(starts)) {
			problems.add(new FieldProblem("endsOn", "coaching.mentoring.error.ends"));
		}
		if (request.goals() != null && request.goals().length() > MAX_GOALS) {
			problems.add(new FieldProblem("goals", "jakarta.validation.constraints.Size.message", 0, MAX_GOALS));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String goals = request.goals() == null || request.goals().isBlank() ? null : request.goals().strip();
		mentorships.endRunning(viewer.orgId(), request.newcomerId(), starts, clock.instant(), viewer.displayName());
		mentorships.insert(viewer.orgId(), id, request.newcomerId(), request.mentorId(), viewer.id(), starts, ends, goals, null,
				clock.instant(), viewer.displayName());
		events.publishEvent(new MentorAssigned(viewer.orgId(), id, request.newcomerId(), request.mentorId(), viewer.id(), starts));
		return get(viewer, id);
	}

	/** Ends a mentorship today (a line manager of the newcomer); {@code version} as read. */
	@Transactional
	public Mentorship end(CurrentUser viewer, UUID id, int version) {
		Mentorship m = get(viewer, id);
		if (!mayChoose(viewer, m.newcomerId())) {
			throw new AccessDeniedException("Only the newcomer's line ends a mentorship");
		}
		LocalDate today = visibility.today(viewer.orgId());
		if (!mentorships.end(viewer.orgId(), id, version, today, clock.instant(), viewer.displayName())) {
			Mentorship now = get(viewer, id);
			throw new ConcurrentEditException("mentorship", null, now.updatedAt());
		}
		return get(viewer, id);
	}

	/** How many newcomers the person mentored in mentorships that ran in {@code [from, to)}: help they gave. */
	public int mentored(CurrentUser viewer, UUID personId, LocalDate from, LocalDate to) {
		return mentorships.mentoredBy(viewer.orgId(), personId, from, to);
	}

	private void requireChooser(CurrentUser viewer, UUID newcomerId, String field) {
		if (!visibility.canSee(viewer, newcomerId)) {
			throw new RecordNotFoundException("person", newcomerId);
		}
		if (!mayChoose(viewer, newcomerId)) {
			throw new AccessDeniedException("Only the newcomer's line chooses a mentor: " + field);
		}
	}
}
