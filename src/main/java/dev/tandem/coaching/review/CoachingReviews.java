package dev.tandem.coaching.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Review cycles, reviews with their sections, and the earlier versions of corrected reviews; every statement is bound to one organisation. */
@Repository
class CoachingReviews {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SELECT = """
			select r.*, c.name as cycle_name, c.period_start, c.period_end, ee.display_name as reviewee_name,
			       er.display_name as reviewer_name, ab.display_name as assessed_by_name, hb.display_name as held_by_name,
			       cb.display_name as corrected_by_name
			  from coaching_review r
			  join coaching_review_cycle c on c.org_id = r.org_id and c.id = r.cycle_id
			  join people_user_v ee on ee.org_id = r.org_id and ee.id = r.reviewee_id
			  join people_user_v er on er.org_id = r.org_id and er.id = r.reviewer_id
			  left join people_user_v ab on ab.org_id = r.org_id and ab.id = r.assessed_by
			  left join people_user_v hb on hb.org_id = r.org_id and hb.id = r.held_by
			  left join people_user_v cb on cb.org_id = r.org_id and cb.id = r.corrected_by
			""";

	private final JdbcClient jdbc;

	CoachingReviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Review> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where r.org_id = :org and r.id = :id").param("org", orgId).param("id", id)
			.query((rs, n) -> map(rs, items(orgId, id))).optional();
	}

	/** Locks the review's row for the rest of the transaction, so two steps on it run one after the other. */
	void lock(UUID orgId, UUID id) {
		jdbc.sql("select id from coaching_review where org_id = :org and id = :id for update").param("org", orgId).param("id", id)
			.query(UUID.class).optional();
	}

	/** The reviews of these people, or written by this reviewer, newest period first; without their sections' texts. */
	List<Review> of(UUID orgId, Collection<UUID> reviewees, UUID reviewer) {
		return jdbc.sql(SELECT + """
				 where r.org_id = :org and (r.reviewee_id in (:people) or r.reviewer_id = :reviewer)
				 order by c.period_start desc, ee.display_name, r.id
				""").param("org", orgId).param("people", reviewees.isEmpty() ? List.of(reviewer) : reviewees).param("reviewer", reviewer)
			.query((rs, n) -> map(rs, List.of())).list();
	}

	/** CoachingReviews that wait for a step of one of these people's, or of this reviewer, for Home. */
	List<Review> waiting(UUID orgId, UUID person) {
		return jdbc.sql(SELECT + """
				 where r.org_id = :org and ((r.reviewee_id = :person and r.status in ('SELF_ASSESSMENT', 'ACKNOWLEDGEMENT'))
				    or (r.reviewer_id = :person and r.status in ('ASSESSMENT', 'CONVERSATION')))
				 order by r.updated_at desc
				""").param("org", orgId).param("person", person).query((rs, n) -> map(rs, List.of())).list();
	}

	List<ReviewItem> items(UUID orgId, UUID reviewId) {
		return jdbc.sql("select * from coaching_review_item where org_id = :org and review_id = :id order by position")
			.param("org", orgId).param("id", reviewId)
			.query((rs, n) -> new ReviewItem(rs.getInt("position"), rs.getString("title"), rs.getString("title_nl"), rs.getString("guidance"),
					rs.getString("guidance_nl"), (Integer) rs.getObject("self_score"), rs.getString("self_comment"),
					(Integer) rs.getObject("manager_score"), rs.getString("manager_comment")))
			.list();
	}

	List<ReviewCycle> cycles(UUID orgId) {
		return jdbc.sql("""
				select c.*, (select count(*) from coaching_review r where r.org_id = c.org_id and r.cycle_id = c.id) as reviews,
				       (select count(*) from coaching_review r where r.org_id = c.org_id and r.cycle_id = c.id and r.status = 'SIGNED') as signed
				  from coaching_review_cycle c where c.org_id = :org order by c.period_start desc, c.created_at desc
				""").param("org", orgId).query(CoachingReviews::cycle).list();
	}

	Optional<ReviewCycle> cycle(UUID orgId, UUID id) {
		return jdbc.sql("""
				select c.*, (select count(*) from coaching_review r where r.org_id = c.org_id and r.cycle_id = c.id) as reviews,
				       (select count(*) from coaching_review r where r.org_id = c.org_id and r.cycle_id = c.id and r.status = 'SIGNED') as signed
				  from coaching_review_cycle c where c.org_id = :org and c.id = :id
				""").param("org", orgId).param("id", id).query(CoachingReviews::cycle).optional();
	}

	void insertCycle(UUID orgId, UUID id, String name, LocalDate start, LocalDate end, UUID createdBy, Instant at) {
		jdbc.sql("""
				insert into coaching_review_cycle (org_id, id, name, period_start, period_end, created_by, created_at)
				values (:org, :id, :name, :start, :end, :by, :at)
				""").param("org", orgId).param("id", id).param("name", name).param("start", start).param("end", end)
			.param("by", createdBy).param("at", Timestamp.from(at)).update();
	}

	/** Whether the person already has a review in the cycle. */
	boolean hasReview(UUID orgId, UUID cycleId, UUID personId) {
		return jdbc.sql("select exists (select 1 from coaching_review where org_id = :org and cycle_id = :cycle and reviewee_id = :p)")
			.param("org", orgId).param("cycle", cycleId).param("p", personId).query(Boolean.class).single();
	}

	void insertReview(UUID orgId, UUID id, UUID cycleId, UUID reviewee, UUID reviewer, ReviewTemplate template, Instant at, String by) {
		jdbc.sql("""
				insert into coaching_review (org_id, id, cycle_id, reviewee_id, reviewer_id, template_id, status, created_at, updated_at, updated_by)
				values (:org, :id, :cycle, :reviewee, :reviewer, :template, 'SELF_ASSESSMENT', :at, :at, :by)
				""").param("org", orgId).param("id", id).param("cycle", cycleId).param("reviewee", reviewee).param("reviewer", reviewer)
			.param("template", template.id()).param("at", Timestamp.from(at)).param("by", by).update();
		int position = 1;
		for (ReviewTemplate.Section s : template.sections()) {
			jdbc.sql("""
					insert into coaching_review_item (org_id, review_id, position, title, title_nl, guidance, guidance_nl)
					values (:org, :id, :position, :title, :titleNl, :guidance, :guidanceNl)
					""").param("org", orgId).param("id", id).param("position", position++).param("title", s.title())
				.param("titleNl", s.titleNl()).param("guidance", s.guidance()).param("guidanceNl", s.guidanceNl()).update();
		}
	}

	void selfScore(UUID orgId, UUID reviewId, int position, int score, @Nullable String comment) {
		jdbc.sql("""
				update coaching_review_item set self_score = :score, self_comment = :comment
				 where org_id = :org and review_id = :id and position = :position
				""").param("org", orgId).param("id", reviewId).param("position", position).param("score", score).param("comment", comment)
			.update();
	}

	void managerScore(UUID orgId, UUID reviewId, int position, int score, @Nullable String comment) {
		jdbc.sql("""
				update coaching_review_item set manager_score = :score, manager_comment = :comment
				 where org_id = :org and review_id = :id and position = :position
				""").param("org", orgId).param("id", reviewId).param("position", position).param("score", score).param("comment", comment)
			.update();
	}

	/** Moves the review on with the columns of the step; {@code false} when its version is not {@code version} any more. */
	boolean step(UUID orgId, UUID id, int version, ReviewStatus next, Map<String, @Nullable Object> columns, Instant at, String by) {
		StringBuilder set = new StringBuilder("status = :status, updated_at = :at, updated_by = :by, version = version + 1");
		columns.keySet().forEach(column -> set.append(", ").append(column).append(" = :").append(column));
		var statement = jdbc.sql("update coaching_review set " + set + " where org_id = :org and id = :id and version = :version")
			.param("org", orgId).param("id", id).param("version", version).param("status", next.name()).param("at", Timestamp.from(at))
			.param("by", by);
		for (Map.Entry<String, @Nullable Object> column : columns.entrySet()) {
			Object value = column.getValue() instanceof Instant instant ? Timestamp.from(instant) : column.getValue();
			statement = statement.param(column.getKey(), value);
		}
		return statement.update() == 1;
	}

	void snapshot(UUID orgId, UUID id, ReviewFacts facts) {
		jdbc.sql("update coaching_review set snapshot = cast(:json as jsonb) where org_id = :org and id = :id").param("org", orgId)
			.param("id", id).param("json", JSON.writeValueAsString(facts)).update();
	}

	/** Keeps the review as it was signed, before a correction replaces it. */
	void archive(UUID orgId, Review review, UUID by, Instant at) {
		jdbc.sql("""
				insert into coaching_review_version (org_id, review_id, revision, content, replaced_at, replaced_by)
				values (:org, :id, :revision, cast(:content as jsonb), :at, :by)
				""").param("org", orgId).param("id", review.id()).param("revision", review.revision())
			.param("content", JSON.writeValueAsString(review)).param("at", Timestamp.from(at)).param("by", by).update();
	}

	/** The earlier versions of a corrected review, oldest first. */
	List<Review> versions(UUID orgId, UUID reviewId) {
		return jdbc.sql("select content from coaching_review_version where org_id = :org and review_id = :id order by revision")
			.param("org", orgId).param("id", reviewId).query((rs, n) -> JSON.readValue(rs.getString("content"), Review.class)).list();
	}

	private static ReviewCycle cycle(ResultSet rs, int n) throws SQLException {
		return new ReviewCycle(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(),
				rs.getInt("reviews"), rs.getInt("signed"));
	}

	private static Review map(ResultSet rs, List<ReviewItem> items) throws SQLException {
		String snapshot = rs.getString("snapshot");
		return new Review(rs.getObject("id", UUID.class), rs.getObject("cycle_id", UUID.class), rs.getString("cycle_name"),
				rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class), rs.getObject("reviewee_id", UUID.class),
				rs.getString("reviewee_name"), rs.getObject("reviewer_id", UUID.class), rs.getString("reviewer_name"),
				rs.getObject("template_id", UUID.class), ReviewStatus.valueOf(rs.getString("status")), items, rs.getString("self_comment"),
				instant(rs, "self_at"), (Integer) rs.getObject("overall"), rs.getString("manager_comment"), rs.getString("coaching_topics"),
				instant(rs, "assessed_at"), rs.getString("assessed_by_name"), rs.getObject("held_on", LocalDate.class), rs.getString("held_by_name"),
				instant(rs, "acknowledged_at"), rs.getString("acknowledge_comment"),
				snapshot == null ? null : JSON.readValue(snapshot, ReviewFacts.class), rs.getInt("revision"), instant(rs, "corrected_at"),
				rs.getString("corrected_by_name"), rs.getString("correction_reason"), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("updated_by"), rs.getInt("version"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}
