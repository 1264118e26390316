package dev.tandem.insight.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.goals.Scope;
import dev.tandem.goals.ScopeSql;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stage conversion and time in stage from the stage history (DESIGN.md section 5).
 * <p>
 * A deal entered a stage in the window when a stage change into it happened in the window, by someone who
 * belonged to the scope that day; a deal counts once per stage even when it went back and entered again.
 * It advanced when it later reached an open stage further on, or was won. Time in stage is the median of
 * the stays that began in the window and have ended, each stay counted on its own.
 */
@Repository
public class FunnelQueries {

	/**
	 * Every stay of a deal in a stage, with when it ended and the furthest point the deal reached afterwards
	 * (a later open stage's position, or 1000 once won), for the deals that changed stage in the window.
	 */
	private static final String STAYS = ScopeSql.MEMBERS + """
			, windowed as materialized (
			  select distinct w.deal_id from crm_deal_stage_change_v w
			   where w.org_id = :org and w.changed_at >= :from and w.changed_at < :to
			), raw as materialized (
			  select h.id, h.deal_id, d.owner_id, h.to_stage_id, h.changed_at
			    from windowed x
			    join crm_deal_v d on d.org_id = :org and d.id = x.deal_id
			    join crm_deal_stage_change_v h on h.org_id = :org and h.deal_id = x.deal_id
			   where d.pipeline_id = :pipeline and""" + ScopeSql.owners("d.owner_id") + """
			), stays as (
			  select r.deal_id, r.owner_id, r.to_stage_id as stage_id, r.changed_at as entered_at, st.position, st.kind,
			         lead(r.changed_at) over w as left_at,
			         max(case when st.kind = 'WON' then 1000 when st.kind = 'OPEN' then st.position end)
			           over (w rows between 1 following and unbounded following) as later_max
			    from raw r
			    join playbook_stage_v st on st.org_id = :org and st.id = r.to_stage_id
			  window w as (partition by r.deal_id order by r.changed_at, r.id)
			), entries as (
			  select s.* from stays s
			   where s.kind = 'OPEN' and s.entered_at >= :from and s.entered_at < :to
			     and""" + ScopeSql.memberOn("s.owner_id", "cast(s.entered_at at time zone :zone as date)") + """
			)
			""";

	private final JdbcClient jdbc;

	FunnelQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Figures of one stage for one person ({@code ownerId}) or for the whole scope ({@code ownerId} null). */
	public record Row(@Nullable UUID ownerId, UUID stageId, long entered, long advanced, @Nullable Double medianDays) {
	}

	public List<Row> funnel(UUID orgId, Scope scope, UUID pipelineId, Instant from, Instant to, ZoneId zone) {
		List<Row> rows = new ArrayList<>();
		bind(STAYS + """
				, firsts as (
				  select distinct on (deal_id, stage_id) deal_id, owner_id, stage_id, entered_at, position, later_max
				    from entries order by deal_id, stage_id, entered_at
				), judged as (
				  select owner_id, stage_id, coalesce(later_max > position, false) as advanced from firsts
				), counted as (
				  select owner_id, stage_id, grouping(owner_id) as total, count(*) as entered,
				         count(*) filter (where advanced) as advanced
				    from judged group by grouping sets ((owner_id, stage_id), (stage_id))
				), timed as (
				  select owner_id, stage_id, grouping(owner_id) as total,
				         percentile_cont(0.5) within group (order by extract(epoch from left_at - entered_at) / 86400.0) as median_days
				    from entries where left_at is not null group by grouping sets ((owner_id, stage_id), (stage_id))
				)
				select c.owner_id, c.stage_id, c.total, c.entered, c.advanced, t.median_days
				  from counted c left join timed t
				    on t.stage_id = c.stage_id and t.total = c.total and t.owner_id is not distinct from c.owner_id
				""", orgId, scope, pipelineId, from, to, zone)
			.query(rs -> {
				rows.add(new Row(rs.getInt("total") == 1 ? null : rs.getObject("owner_id", UUID.class), rs.getObject("stage_id", UUID.class),
						rs.getLong("entered"), rs.getLong("advanced"), rs.getObject("median_days") == null ? null : rs.getDouble("median_days")));
			});
		return rows;
	}

	private JdbcClient.StatementSpec bind(String sql, UUID orgId, Scope scope, UUID pipelineId, Instant from, Instant to, ZoneId zone) {
		return ScopeSql.bind(jdbc.sql(sql), orgId, scope).param("pipeline", pipelineId).param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to)).param("zone", zone.getId());
	}
}
