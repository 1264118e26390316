package dev.tandem.forecast.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.forecast.Adjustment;
import dev.tandem.forecast.Submission;
import dev.tandem.goals.Scope;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Forecast submissions and adjustments; every statement is bound to one organisation.
 */
@Repository
public class Submissions {

	/** Submissions with their subject's name and the latest adjustment made up to {@code :asOf}. */
	private static final String SELECT = """
			select s.*, coalesce(u.display_name, t.name) as scope_name, b.display_name as submitted_by_name,
			       o.fiscal_year_start_month,
			       a.id as adjustment_id, a.commit_amount as adjusted_commit, a.best_case_amount as adjusted_best_case, a.reason,
			       a.adjusted_by, a.adjusted_at, ab.display_name as adjusted_by_name
			  from forecast_submission s
			  join people_organisation_v o on o.org_id = s.org_id
			  join people_user_v b on b.org_id = s.org_id and b.id = s.submitted_by
			  left join people_user_v u on u.org_id = s.org_id and u.id = s.user_id
			  left join people_team_v t on t.org_id = s.org_id and t.id = s.team_id
			  left join lateral (
			    select * from forecast_adjustment x where x.org_id = s.org_id and x.submission_id = s.id and x.adjusted_at <= :asOf
			     order by x.adjusted_at desc, x.id desc limit 1) a on true
			  left join people_user_v ab on ab.org_id = s.org_id and ab.id = a.adjusted_by
			""";

	/** "As it stands now", whichever clock the caller runs on: every adjustment counts. */
	private static final Timestamp LATEST = Timestamp.from(Instant.parse("9999-12-31T00:00:00Z"));

	private final JdbcClient jdbc;

	Submissions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Submission> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where s.org_id = :org and s.id = :id").param("org", orgId).param("id", id)
			.param("asOf", LATEST).query(Submissions::map).optional();
	}

	/** The latest revision for each of the people and teams for the period, as it stood at {@code asOf}. */
	public List<Submission> latest(UUID orgId, Collection<UUID> scopes, Period period, Instant asOf) {
		return jdbc.sql(SELECT + """
				 where s.org_id = :org and (s.user_id = any(:scopes) or s.team_id = any(:scopes))
				   and s.period_kind = :kind and s.period_start = :start and s.submitted_at <= :asOf
				   and s.revision = (select max(r.revision) from forecast_submission r
				                      where r.org_id = s.org_id and r.period_kind = s.period_kind and r.period_start = s.period_start
				                        and r.submitted_at <= :asOf
				                        and (r.user_id = s.user_id or r.team_id = s.team_id))
				""")
			.param("org", orgId).param("scopes", scopes.toArray(UUID[]::new)).param("kind", period.kind().name())
			.param("start", period.start()).param("asOf", Timestamp.from(asOf))
			.query(Submissions::map).list();
	}

	/** The latest revision of every person's and team's forecast for the period, as it stood at {@code asOf}. */
	public List<Submission> latestOfAll(UUID orgId, Period period, Instant asOf) {
		return jdbc.sql(SELECT + """
				 where s.org_id = :org and s.period_kind = :kind and s.period_start = :start and s.submitted_at <= :asOf
				   and s.revision = (select max(r.revision) from forecast_submission r
				                      where r.org_id = s.org_id and r.period_kind = s.period_kind and r.period_start = s.period_start
				                        and r.submitted_at <= :asOf
				                        and (r.user_id = s.user_id or r.team_id = s.team_id))
				""")
			.param("org", orgId).param("kind", period.kind().name()).param("start", period.start()).param("asOf", Timestamp.from(asOf))
			.query(Submissions::map).list();
	}

	/** Every revision of one person's or team's forecast for the period, newest first. */
	public List<Submission> history(UUID orgId, Scope scope, Period period) {
		return jdbc.sql(SELECT + """
				 where s.org_id = :org and (s.user_id = :scope or s.team_id = :scope)
				   and s.period_kind = :kind and s.period_start = :start
				 order by s.revision desc
				""")
			.param("org", orgId).param("scope", scope.id()).param("kind", period.kind().name()).param("start", period.start())
			.param("asOf", LATEST).query(Submissions::map).list();
	}

	/** Every adjustment of one submission, newest first. */
	public List<Adjustment> adjustments(UUID orgId, UUID submissionId) {
		return jdbc.sql("""
				select a.*, u.display_name from forecast_adjustment a join people_user_v u on u.org_id = a.org_id and u.id = a.adjusted_by
				 where a.org_id = :org and a.submission_id = :submission order by a.adjusted_at desc, a.id desc
				""")
			.param("org", orgId).param("submission", submissionId)
			.query((rs, n) -> new Adjustment(rs.getObject("id", UUID.class), submissionId, rs.getBigDecimal("commit_amount"),
					rs.getBigDecimal("best_case_amount"), rs.getString("reason"), rs.getObject("adjusted_by", UUID.class),
					rs.getString("display_name"), rs.getTimestamp("adjusted_at").toInstant()))
			.list();
	}

	/** Locks a submission for the rest of the transaction, so adjustments of it are made one after the other. */
	public boolean lock(UUID orgId, UUID id) {
		return jdbc.sql("select id from forecast_submission where org_id = :org and id = :id for update").param("org", orgId)
			.param("id", id).query(UUID.class).optional().isPresent();
	}

	public int nextRevision(UUID orgId, Scope scope, Period period) {
		return jdbc.sql("""
				select coalesce(max(revision), 0) + 1 from forecast_submission
				 where org_id = :org and (user_id = :scope or team_id = :scope) and period_kind = :kind and period_start = :start
				""")
			.param("org", orgId).param("scope", scope.id()).param("kind", period.kind().name()).param("start", period.start())
			.query(Integer.class).single();
	}

	public void insert(UUID orgId, UUID id, Scope scope, Period period, int revision, BigDecimal commit, BigDecimal bestCase,
			BigDecimal won, BigDecimal pipeline, @Nullable String note, UUID by, Instant at) {
		jdbc.sql("""
				insert into forecast_submission (org_id, id, user_id, team_id, period_kind, period_start, period_end, revision,
				       commit_amount, best_case_amount, won_amount, pipeline_amount, note, submitted_by, submitted_at)
				values (:org, :id, :user, :team, :kind, :start, :end, :revision, :commit, :bestCase, :won, :pipeline, :note, :by, :at)
				""")
			.param("org", orgId).param("id", id).param("user", scope.isTeam() ? null : scope.id())
			.param("team", scope.isTeam() ? scope.id() : null).param("kind", period.kind().name()).param("start", period.start())
			.param("end", period.end()).param("revision", revision).param("commit", commit).param("bestCase", bestCase)
			.param("won", won).param("pipeline", pipeline).param("note", note).param("by", by).param("at", Timestamp.from(at))
			.update();
	}

	public void adjust(UUID orgId, UUID id, UUID submissionId, BigDecimal commit, BigDecimal bestCase, String reason, UUID by,
			Instant at) {
		jdbc.sql("""
				insert into forecast_adjustment (org_id, id, submission_id, commit_amount, best_case_amount, reason, adjusted_by, adjusted_at)
				values (:org, :id, :submission, :commit, :bestCase, :reason, :by, :at)
				""")
			.param("org", orgId).param("id", id).param("submission", submissionId).param("commit", commit).param("bestCase", bestCase)
			.param("reason", reason).param("by", by).param("at", Timestamp.from(at)).update();
	}

	private static Submission map(ResultSet rs, int row) throws SQLException {
		UUID user = rs.getObject("user_id", UUID.class);
		Scope scope = user != null ? Scope.user(user) : Scope.team(rs.getObject("team_id", UUID.class));
		Period period = new Period(Period.Kind.valueOf(rs.getString("period_kind")), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), rs.getInt("fiscal_year_start_month"));
		UUID submissionId = rs.getObject("id", UUID.class);
		UUID adjustmentId = rs.getObject("adjustment_id", UUID.class);
		Adjustment adjustment = adjustmentId == null ? null
				: new Adjustment(adjustmentId, submissionId, rs.getBigDecimal("adjusted_commit"), rs.getBigDecimal("adjusted_best_case"),
						rs.getString("reason"), rs.getObject("adjusted_by", UUID.class), rs.getString("adjusted_by_name"),
						rs.getTimestamp("adjusted_at").toInstant());
		return new Submission(submissionId, scope, rs.getString("scope_name"), period, rs.getInt("revision"),
				rs.getBigDecimal("commit_amount"), rs.getBigDecimal("best_case_amount"), rs.getBigDecimal("won_amount"),
				rs.getBigDecimal("pipeline_amount"), rs.getString("note"), rs.getObject("submitted_by", UUID.class),
				rs.getString("submitted_by_name"), rs.getTimestamp("submitted_at").toInstant(), adjustment);
	}
}
