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
	 * The stays that began in the window in an open stage of the pipeline, by a deal whose owner belonged to the scope
	 * that day, from the stays the CRM keeps (each with when it ended and how far the deal got afterwards).
	 */
	private static final String ENTRIES = """
			, entries as (
			  select s.deal_id, s.owner_id, s.stage_id, s.entered_at, s.left_at, st.position, s.later_max
			    from found s
			    join playbook_stage_v st on st.org_id = :org and st.id = s.stage_id
			   where st.kind = 'OPEN' and"""
			+ ScopeSql.memberOn("s.owner_id", "cast(s.entered_at at time zone :zone as date)") + """
			)
			""";

	private final JdbcClient jdbc;

	FunnelQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The window's stays: for a scope of a few people, found from their deals; for a large one, from the window's stays
	 * of everyone. The planner cannot tell which is which (it cannot know how many people the scope holds), so the
	 * query says.
	 */
	private static final String FOUND_FEW = ScopeSql.MEMBERS + """
			, found as materialized (
			  select s.*, d.owner_id from crm_deal_v d
			    join crm_deal_stay_v s on s.org_id = d.org_id and s.deal_id = d.id
			   where d.org_id = :org and d.pipeline_id = :pipeline and d.owner_id in (select user_id from members)
			     and s.entered_at >= :from and s.entered_at < :to
			)
			""";

	private static final String FOUND_MANY = ScopeSql.MEMBERS + """
			, found as materialized (
			  select s.*, d.owner_id from crm_deal_stay_v s
			    join crm_deal_v d on d.org_id = s.org_id and d.id = s.deal_id
			   where s.org_id = :org and s.entered_at >= :from and s.entered_at < :to and d.pipeline_id = :pipeline
			)
			""";

	/** Up to this many people, a scope's deals are found from its people. */
	private static final int FEW = 100;

	/** Figures of one stage for one person ({@code ownerId}) or for the whole scope ({@code ownerId} null). */
	public record Row(@Nullable UUID ownerId, UUID stageId, long entered, long advanced, @Nullable Double medianDays) {
	}

	/** The scope's figures per stage, and each person's too when {@code perPerson}. */
	public List<Row> funnel(UUID orgId, Scope scope, UUID pipelineId, Instant from, Instant to, ZoneId zone, boolean perPerson) {
		List<Row> rows = new ArrayList<>();
		bind(found(orgId, scope) + ENTRIES + """
				, marked as (
				  select e.owner_id, e.stage_id, e.left_at,
				         row_number() over (partition by e.deal_id, e.stage_id order by e.entered_at) = 1 as first,
				         coalesce(e.later_max > e.position, false) as advanced,
				         extract(epoch from e.left_at - e.entered_at) / 86400.0 as days
				    from entries e
				)
				select """ + (perPerson ? " owner_id, stage_id, grouping(owner_id) as total," : " cast(null as uuid) as owner_id, stage_id, 1 as total,") + """
				
				       count(*) filter (where first) as entered, count(*) filter (where first and advanced) as advanced,
				       percentile_cont(0.5) within group (order by days) filter (where left_at is not null) as median_days
				  from marked group by grouping sets (""" + (perPerson ? "(owner_id, stage_id), " : "") + """
				(stage_id))
				""", orgId, scope, pipelineId, from, to, zone)
			.query(rs -> {
				rows.add(new Row(rs.getInt("total") == 1 ? null : rs.getObject("owner_id", UUID.class), rs.getObject("stage_id", UUID.class),
						rs.getLong("entered"), rs.getLong("advanced"), rs.getObject("median_days") == null ? null : rs.getDouble("median_days")));
			});
		return rows;
	}

	private String found(UUID orgId, Scope scope) {
		if (!scope.isTeam()) {
			return FOUND_FEW;
		}
		long people = jdbc.sql("select count(distinct user_id) from people_team_member_v where org_id = :org and team_id = :team")
			.param("org", orgId).param("team", scope.id()).query(Long.class).single();
		return people <= FEW ? FOUND_FEW : FOUND_MANY;
	}

	private JdbcClient.StatementSpec bind(String sql, UUID orgId, Scope scope, UUID pipelineId, Instant from, Instant to, ZoneId zone) {
		return ScopeSql.bind(jdbc.sql(sql), orgId, scope).param("pipeline", pipelineId).param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to)).param("zone", zone.getId());
	}
}
