package dev.tandem.forecast.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.tandem.forecast.ForecastLoad.AdjustmentRow;
import dev.tandem.forecast.ForecastLoad.SnapshotDealRow;
import dev.tandem.forecast.ForecastLoad.SnapshotForecastRow;
import dev.tandem.forecast.ForecastLoad.SnapshotRow;
import dev.tandem.forecast.ForecastLoad.SubmissionRow;
import dev.tandem.goals.Scope;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ForecastCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whole forecast tables of one organisation as load rows (for a full export), and the deletes an import's undo needs.
 */
@Repository
public class ForecastHistory {

	private final JdbcClient jdbc;

	ForecastHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<SubmissionRow> submissions(UUID orgId) {
		return jdbc.sql("""
				select s.*, o.fiscal_year_start_month from forecast_submission s join people_organisation_v o on o.org_id = s.org_id
				 where s.org_id = :org order by s.submitted_at, s.id
				""").param("org", orgId).query(ForecastHistory::submission).list();
	}

	public List<AdjustmentRow> adjustments(UUID orgId) {
		return jdbc.sql("select * from forecast_adjustment where org_id = :org order by adjusted_at, id").param("org", orgId)
			.query((rs, n) -> new AdjustmentRow(id(rs, "id"), id(rs, "submission_id"), rs.getBigDecimal("commit_amount"),
					rs.getBigDecimal("best_case_amount"), rs.getString("reason"), id(rs, "adjusted_by"),
					rs.getTimestamp("adjusted_at").toInstant()))
			.list();
	}

	public List<SnapshotRow> snapshots(UUID orgId) {
		return jdbc.sql("select * from forecast_snapshot where org_id = :org order by taken_at, id").param("org", orgId)
			.query((rs, n) -> new SnapshotRow(id(rs, "id"), rs.getTimestamp("taken_at").toInstant(), rs.getObject("week", LocalDate.class)))
			.list();
	}

	public List<SnapshotForecastRow> snapshotForecasts(UUID orgId) {
		return jdbc.sql("""
				select f.* from forecast_snapshot_submission f join forecast_snapshot s on s.org_id = f.org_id and s.id = f.snapshot_id
				 where f.org_id = :org order by s.taken_at, s.id, f.submission_id
				""").param("org", orgId)
			.query((rs, n) -> new SnapshotForecastRow(id(rs, "snapshot_id"), id(rs, "submission_id"), rs.getBigDecimal("commit_amount"),
					rs.getBigDecimal("best_case_amount"), rs.getBigDecimal("adjusted_commit"), rs.getBigDecimal("adjusted_best_case")))
			.list();
	}

	public List<SnapshotDealRow> snapshotDeals(UUID orgId) {
		return jdbc.sql("""
				select d.* from forecast_snapshot_deal d join forecast_snapshot s on s.org_id = d.org_id and s.id = d.snapshot_id
				 where d.org_id = :org order by s.taken_at, s.id, d.deal_id
				""").param("org", orgId)
			.query((rs, n) -> new SnapshotDealRow(id(rs, "snapshot_id"), id(rs, "deal_id"), id(rs, "owner_id"), id(rs, "stage_id"),
					ForecastCategory.valueOf(rs.getString("category")), rs.getBigDecimal("amount"), rs.getObject("close_date", LocalDate.class)))
			.list();
	}

	/** Deletes snapshots (with what they held), then adjustments, then submissions; what still refers to them makes the database refuse. */
	public void remove(UUID orgId, Collection<UUID> snapshots, Collection<UUID> adjustments, Collection<UUID> submissions) {
		jdbc.sql("delete from forecast_snapshot where org_id = :org and id = any(:ids)").param("org", orgId)
			.param("ids", snapshots.toArray(UUID[]::new)).update();
		jdbc.sql("delete from forecast_adjustment where org_id = :org and id = any(:ids)").param("org", orgId)
			.param("ids", adjustments.toArray(UUID[]::new)).update();
		jdbc.sql("delete from forecast_submission where org_id = :org and id = any(:ids)").param("org", orgId)
			.param("ids", submissions.toArray(UUID[]::new)).update();
	}

	private static SubmissionRow submission(ResultSet rs, int row) throws SQLException {
		UUID user = rs.getObject("user_id", UUID.class);
		Scope scope = user != null ? Scope.user(user) : Scope.team(id(rs, "team_id"));
		Period period = new Period(Period.Kind.valueOf(rs.getString("period_kind")), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), rs.getInt("fiscal_year_start_month"));
		return new SubmissionRow(id(rs, "id"), scope, period, rs.getInt("revision"), rs.getBigDecimal("commit_amount"),
				rs.getBigDecimal("best_case_amount"), rs.getBigDecimal("won_amount"), rs.getBigDecimal("pipeline_amount"),
				rs.getString("note"), id(rs, "submitted_by"), rs.getTimestamp("submitted_at").toInstant());
	}

	private static UUID id(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}
}
