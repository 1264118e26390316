package dev.tandem.coaching.mentoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Readiness assessments, their raters and the raters' scores; every statement is bound to one organisation. */
@Repository
class ReadinessAssessments {

	private static final String SELECT = """
			select a.*, c.display_name as candidate_name, s.display_name as started_by_name
			  from coaching_readiness_assessment a
			  join people_user_v c on c.org_id = a.org_id and c.id = a.candidate_id
			  join people_user_v s on s.org_id = a.org_id and s.id = a.started_by
			""";

	private final JdbcClient jdbc;

	ReadinessAssessments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ReadinessAssessment> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where a.org_id = :org and a.id = :id").param("org", orgId).param("id", id)
			.query(ReadinessAssessments::map).optional();
	}

	/** The assessments of these candidates, newest first. */
	List<ReadinessAssessment> ofCandidates(UUID orgId, Collection<UUID> candidates) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where a.org_id = :org and a.candidate_id in (:ids) order by a.started_at desc, a.id desc")
			.param("org", orgId).param("ids", candidates).query(ReadinessAssessments::map).list();
	}

	void insert(UUID orgId, UUID id, UUID candidateId, UUID startedBy, int scale, Instant now, String by) {
		jdbc.sql("""
				insert into coaching_readiness_assessment (org_id, id, candidate_id, started_by, scale, status, started_at, updated_at, updated_by)
				values (:org, :id, :candidate, :startedBy, :scale, 'OPEN', :now, :now, :by)
				""").param("org", orgId).param("id", id).param("candidate", candidateId).param("startedBy", startedBy)
			.param("scale", scale).param("now", Timestamp.from(now)).param("by", by).update();
	}

	boolean conclude(UUID orgId, UUID id, int version, ReadinessSummary summary, List<Competency> areas, @Nullable String note,
			Instant now, String by) {
		return jdbc.sql("""
				update coaching_readiness_assessment set status = 'CONCLUDED', summary = :summary, development_areas = :areas, summary_note = :note,
				       concluded_at = :now, version = version + 1, updated_at = :now, updated_by = :by
				 where org_id = :org and id = :id and version = :version
				""").param("org", orgId).param("id", id).param("version", version).param("summary", summary.name())
			.param("areas", areas.stream().map(Enum::name).toArray(String[]::new)).param("note", note)
			.param("now", Timestamp.from(now)).param("by", by).update() == 1;
	}

	/** Marks the assessment changed (an invitation added), if the version is still the one read. */
	boolean touch(UUID orgId, UUID id, int version, Instant now, String by) {
		return jdbc.sql("""
				update coaching_readiness_assessment set version = version + 1, updated_at = :now, updated_by = :by
				 where org_id = :org and id = :id and version = :version
				""").param("org", orgId).param("id", id).param("version", version).param("now", Timestamp.from(now)).param("by", by)
			.update() == 1;
	}

	List<Invitation> invitations(UUID orgId, UUID assessmentId) {
		return jdbc.sql("""
				select r.*, u.display_name as rater_name from coaching_readiness_rater r
				  join people_user_v u on u.org_id = r.org_id and u.id = r.rater_id
				 where r.org_id = :org and r.assessment_id = :id order by r.invited_at, r.id
				""").param("org", orgId).param("id", assessmentId).query(ReadinessAssessments::invitation).list();
	}

	/** The invitations of a rater, open ones first, newest first. */
	List<Invitation> invitationsOf(UUID orgId, UUID raterId) {
		return jdbc.sql("""
				select r.*, u.display_name as rater_name from coaching_readiness_rater r
				  join people_user_v u on u.org_id = r.org_id and u.id = r.rater_id
				 where r.org_id = :org and r.rater_id = :rater order by r.answered_at is not null, r.invited_at desc, r.id
				""").param("org", orgId).param("rater", raterId).query(ReadinessAssessments::invitation).list();
	}

	/** Invites a rater; false when they were invited already. */
	boolean invite(UUID orgId, UUID id, UUID assessmentId, UUID raterId, RaterRelation relation, UUID invitedBy, Instant now) {
		return jdbc.sql("""
				insert into coaching_readiness_rater (org_id, id, assessment_id, rater_id, relation, invited_by, invited_at)
				values (:org, :id, :assessment, :rater, :relation, :by, :now)
				on conflict (org_id, assessment_id, rater_id) do nothing
				""").param("org", orgId).param("id", id).param("assessment", assessmentId).param("rater", raterId)
			.param("relation", relation.name()).param("by", invitedBy).param("now", Timestamp.from(now)).update() == 1;
	}

	/** Marks the invitation answered; false when it was answered already (answering twice writes nothing). */
	boolean markAnswered(UUID orgId, UUID invitationId, Instant now) {
		return jdbc.sql("""
				update coaching_readiness_rater set answered_at = :now where org_id = :org and id = :id and answered_at is null
				""").param("org", orgId).param("id", invitationId).param("now", Timestamp.from(now)).update() == 1;
	}

	void insertScore(UUID orgId, UUID invitationId, Competency competency, int score, @Nullable String comment) {
		jdbc.sql("""
				insert into coaching_readiness_score (org_id, rater_row, competency, score, comment)
				values (:org, :rater, :competency, :score, :comment)
				""").param("org", orgId).param("rater", invitationId).param("competency", competency.name()).param("score", score)
			.param("comment", comment).update();
	}

	/** The answers given to an assessment, each with its rater's relation; never who the rater was. */
	List<RatingAggregate.Answer> answers(UUID orgId, UUID assessmentId) {
		Map<UUID, RaterRelation> relations = new LinkedHashMap<>();
		Map<UUID, Map<Competency, Integer>> scores = new LinkedHashMap<>();
		Map<UUID, Map<Competency, String>> comments = new LinkedHashMap<>();
		jdbc.sql("""
				select r.id, r.relation, s.competency, s.score, s.comment from coaching_readiness_rater r
				  join coaching_readiness_score s on s.org_id = r.org_id and s.rater_row = r.id
				 where r.org_id = :org and r.assessment_id = :id and r.answered_at is not null
				 order by r.id
				""").param("org", orgId).param("id", assessmentId).query((rs, row) -> {
			UUID rater = rs.getObject("id", UUID.class);
			Competency c = Competency.valueOf(rs.getString("competency"));
			relations.put(rater, RaterRelation.valueOf(rs.getString("relation")));
			scores.computeIfAbsent(rater, k -> new EnumMap<>(Competency.class)).put(c, rs.getInt("score"));
			String comment = rs.getString("comment");
			if (comment != null) {
				comments.computeIfAbsent(rater, k -> new EnumMap<>(Competency.class)).put(c, comment);
			}
			return rater;
		}).list();
		List<RatingAggregate.Answer> answers = new ArrayList<>();
		relations.forEach((rater, relation) -> answers.add(new RatingAggregate.Answer(relation, scores.get(rater),
				comments.getOrDefault(rater, Map.of()))));
		return answers;
	}

	/** One rater's own answer (for their form after answering). */
	RatingAggregate.Answer answerOf(UUID orgId, Invitation invitation) {
		Map<Competency, Integer> scores = new EnumMap<>(Competency.class);
		Map<Competency, String> comments = new EnumMap<>(Competency.class);
		jdbc.sql("select competency, score, comment from coaching_readiness_score where org_id = :org and rater_row = :id")
			.param("org", orgId).param("id", invitation.id()).query((rs, row) -> {
				Competency c = Competency.valueOf(rs.getString("competency"));
				scores.put(c, rs.getInt("score"));
				if (rs.getString("comment") != null) {
					comments.put(c, rs.getString("comment"));
				}
				return c;
			}).list();
		return new RatingAggregate.Answer(invitation.relation(), scores, comments);
	}

	private static ReadinessAssessment map(ResultSet rs, int row) throws SQLException {
		String summary = rs.getString("summary");
		String[] areas = (String[]) rs.getArray("development_areas").getArray();
		Timestamp concluded = rs.getTimestamp("concluded_at");
		return new ReadinessAssessment(rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class),
				rs.getObject("candidate_id", UUID.class), rs.getString("candidate_name"), rs.getObject("started_by", UUID.class),
				rs.getString("started_by_name"), rs.getInt("scale"), ReadinessAssessment.Status.valueOf(rs.getString("status")),
				summary == null ? null : ReadinessSummary.valueOf(summary), Arrays.stream(areas).map(Competency::valueOf).toList(),
				rs.getString("summary_note"), rs.getTimestamp("started_at").toInstant(), concluded == null ? null : concluded.toInstant(),
				rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

	private static Invitation invitation(ResultSet rs, int row) throws SQLException {
		Timestamp answered = rs.getTimestamp("answered_at");
		return new Invitation(rs.getObject("id", UUID.class), rs.getObject("assessment_id", UUID.class), rs.getObject("rater_id", UUID.class),
				rs.getString("rater_name"), RaterRelation.valueOf(rs.getString("relation")), rs.getTimestamp("invited_at").toInstant(),
				answered == null ? null : answered.toInstant());
	}
}
