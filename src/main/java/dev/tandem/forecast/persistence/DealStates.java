package dev.tandem.forecast.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deals as they stood at a moment in the past, rebuilt from the stage and field history the CRM keeps: the stage
 * (and so whether the deal was open), amount, close date, forecast category and owner at that moment. Snapshots,
 * the pipeline change between two dates and the backtest all read the past this way.
 */
@Repository
public class DealStates {

	private final JdbcClient jdbc;

	DealStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A deal at a moment: {@code kind} is the kind of its stage then (OPEN, WON, LOST). */
	public record DealState(UUID dealId, UUID ownerId, Instant createdAt, UUID stageId, String stageName, String kind, int position,
			int stageProbability, @Nullable BigDecimal amount, @Nullable LocalDate closeDate, String category,
			@Nullable Instant stageEnteredAt, @Nullable Instant closedAt) {

		public boolean open() {
			return "OPEN".equals(kind);
		}
	}

	/** Every deal that was open at {@code at}, as it stood then. */
	public List<DealState> openAt(UUID orgId, Instant at) {
		return at(orgId, at, at).stream().filter(DealState::open).toList();
	}

	/**
	 * Every deal that existed at {@code at} and had not closed before {@code closedAfter}, as it stood at {@code at}:
	 * with {@code closedAfter} earlier than {@code at}, also the deals that closed in between (won or lost at {@code at}).
	 */
	public List<DealState> at(UUID orgId, Instant at, Instant closedAfter) {
		String sql = """
				with candidates as (
				  select d.* from crm_deal_v d
				   where d.org_id = :org and d.created_at <= :at and (d.closed_at is null or d.closed_at > :closedAfter)
				), states as (
				  select c.id, c.created_at, c.closed_at,
				         (select h.to_stage_id from crm_deal_stage_change_v h where h.org_id = c.org_id and h.deal_id = c.id
				           and h.changed_at <= :at order by h.changed_at desc, h.id desc limit 1) as stage_id,
				         (select h.changed_at from crm_deal_stage_change_v h where h.org_id = c.org_id and h.deal_id = c.id
				           and h.changed_at <= :at order by h.changed_at desc, h.id desc limit 1) as stage_entered_at,
				""" + field("amount", "cast(c.amount as text)") + " as amount,\n"
				+ field("closeDate", "cast(c.close_date as text)") + " as close_date,\n"
				+ field("forecastCategory", "c.forecast_category") + " as category,\n"
				+ field("owner", "cast(c.owner_id as text)") + """
				 as owner_id
				    from candidates c
				)
				select s.id, s.created_at, s.closed_at, s.stage_id, s.stage_entered_at, st.name as stage_name, st.kind, st.position,
				       st.win_probability, cast(s.amount as numeric) as amount, cast(s.close_date as date) as close_date, s.category,
				       cast(s.owner_id as uuid) as owner_id
				  from states s join playbook_stage_v st on st.org_id = :org and st.id = s.stage_id
				""";
		return jdbc.sql(sql)
			.param("org", orgId).param("at", Timestamp.from(at)).param("closedAfter", Timestamp.from(closedAfter))
			.query((rs, n) -> new DealState(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
					rs.getTimestamp("created_at").toInstant(), rs.getObject("stage_id", UUID.class), rs.getString("stage_name"),
					rs.getString("kind"), rs.getInt("position"), rs.getInt("win_probability"), rs.getBigDecimal("amount"),
					rs.getObject("close_date", LocalDate.class), rs.getString("category"),
					rs.getTimestamp("stage_entered_at") == null ? null : rs.getTimestamp("stage_entered_at").toInstant(),
					rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant()))
			.list();
	}

	/**
	 * A field's value at {@code :at}: the new value of its last change up to then; before its first change, the old
	 * value of that change; without any change, the value the deal has now.
	 */
	private static String field(String name, String current) {
		String change = "from crm_deal_field_change_v f where f.org_id = c.org_id and f.deal_id = c.id and f.field = '" + name + "'";
		return "case when exists (select 1 " + change + " and f.changed_at <= :at) "
				+ "then (select f.new_value " + change + " and f.changed_at <= :at order by f.changed_at desc, f.id desc limit 1) "
				+ "when exists (select 1 " + change + " and f.changed_at > :at) "
				+ "then (select f.old_value " + change + " and f.changed_at > :at order by f.changed_at, f.id limit 1) "
				+ "else " + current + " end";
	}
}
