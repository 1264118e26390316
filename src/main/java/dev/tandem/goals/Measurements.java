package dev.tandem.goals;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.tandem.crm.Channel;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Measures what people and teams achieved in periods, from the views the CRM and people modules publish.
 * <p>
 * A team's figures count what its members did while they were members: a deal won by a rep counts for the
 * team the rep belonged to (directly or through a team below) on its close date, an activity on the day it
 * happened. So a rep who moves mid-period takes their later results along and leaves the earlier ones. Money
 * and close dates are taken as recorded; instants are cut into days in the organisation's time zone.
 * <p>
 * Any number of periods is measured in one pass over each source (closed deals, created deals, activities,
 * qualified leads, new accounts), so a dashboard with comparisons and a trend costs five queries.
 */
@Service
public class Measurements {

	private static final String PERIODS = """
			, periods as (
			  select * from unnest(cast(:idx as int[]), cast(:starts as date[]), cast(:ends as date[]),
			                       cast(:startsAt as timestamptz[]), cast(:endsAt as timestamptz[]))
			         as p(idx, start_d, end_d, start_at, end_at)
			)
			""";

	private final JdbcClient jdbc;

	Measurements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Who achieved what: the scope as a whole and each person in it. */
	public record Breakdown(Measures total, Map<UUID, Measures> byPerson) {

		public static final Breakdown NONE = new Breakdown(Measures.NONE, Map.of());

		public Measures of(UUID personId) {
			return byPerson.getOrDefault(personId, Measures.NONE);
		}
	}

	public Breakdown measure(UUID orgId, Scope scope, Period period, ZoneId zone) {
		return measure(orgId, scope, List.of(period), zone).get(period);
	}

	/** A scope's figures for each of the periods. */
	public Map<Period, Breakdown> measure(UUID orgId, Scope scope, List<Period> periods, ZoneId zone) {
		return run(periods, zone, statement -> ScopeSql.bind(statement, orgId, scope));
	}

	/** Each person's own figures (everything they own, whatever team they were in) for each of the periods. */
	public Map<Period, Breakdown> measurePeople(UUID orgId, Collection<UUID> people, List<Period> periods, ZoneId zone) {
		return run(periods, zone, statement -> ScopeSql.bindPeople(statement, orgId, people));
	}

	private Map<Period, Breakdown> run(List<Period> asked, ZoneId zone, UnaryOperator<JdbcClient.StatementSpec> scope) {
		List<Period> periods = asked.stream().distinct().toList();
		Map<Integer, Map<UUID, Row>> rows = new HashMap<>();
		Map<Integer, Double> cycles = new HashMap<>();
		query(ScopeSql.MEMBERS + PERIODS + """
				select p.idx, d.owner_id, grouping(d.owner_id) as total,
				       coalesce(sum(d.amount) filter (where d.status = 'WON'), 0) as won_revenue,
				       count(*) filter (where d.status = 'WON') as won_deals,
				       count(*) filter (where d.status = 'LOST') as lost_deals,
				       percentile_cont(0.5) within group (order by cast(d.close_date
				         - coalesce(d.engaged_on, cast(d.created_at at time zone :zone as date)) as double precision))
				         filter (where d.status = 'WON') as cycle
				  from periods p
				  join crm_deal_v d on d.close_date >= p.start_d and d.close_date < p.end_d
				 where d.org_id = :org and d.status in ('WON', 'LOST') and""" + ScopeSql.owners("d.owner_id") + "and"
				+ ScopeSql.memberOn("d.owner_id", "d.close_date") + """
				 group by grouping sets ((p.idx, d.owner_id), (p.idx))
				""", periods, zone, scope).query(rs -> {
			int idx = rs.getInt("idx");
			Double cycle = rs.getObject("cycle") == null ? null : rs.getDouble("cycle");
			if (rs.getInt("total") == 1) {
				cycles.put(idx, cycle);
				return;
			}
			Row row = row(rows, idx, rs.getObject("owner_id", UUID.class));
			row.wonRevenue = rs.getBigDecimal("won_revenue");
			row.wonDeals = rs.getLong("won_deals");
			row.lostDeals = rs.getLong("lost_deals");
			row.cycle = cycle;
		});
		query(ScopeSql.MEMBERS + PERIODS + """
				select p.idx, d.owner_id, coalesce(sum(d.amount), 0) as amount, count(*) as deals
				  from periods p
				  join crm_deal_v d on d.created_at >= p.start_at and d.created_at < p.end_at
				 where d.org_id = :org and""" + ScopeSql.owners("d.owner_id") + "and"
				+ ScopeSql.memberOn("d.owner_id", "cast(d.created_at at time zone :zone as date)") + """
				 group by p.idx, d.owner_id
				""", periods, zone, scope).query(rs -> {
			Row row = row(rows, rs.getInt("idx"), rs.getObject("owner_id", UUID.class));
			row.newPipeline = rs.getBigDecimal("amount");
			row.newDeals = rs.getLong("deals");
		});
		query(ScopeSql.MEMBERS + PERIODS + """
				select p.idx, a.owner_id, a.type, a.channel, count(*) as activities
				  from periods p
				  join crm_activity_v a on a.occurred_at >= p.start_at and a.occurred_at < p.end_at
				 where a.org_id = :org and a.done and""" + ScopeSql.owners("a.owner_id") + "and"
				+ ScopeSql.memberOn("a.owner_id", "cast(a.occurred_at at time zone :zone as date)") + """
				 group by p.idx, a.owner_id, a.type, a.channel
				""", periods, zone, scope).query(rs -> {
			Row row = row(rows, rs.getInt("idx"), rs.getObject("owner_id", UUID.class));
			long count = rs.getLong("activities");
			row.byType.merge(ActivityType.valueOf(rs.getString("type")), count, Long::sum);
			row.byChannel.merge(Channel.valueOf(rs.getString("channel")), count, Long::sum);
		});
		query(ScopeSql.MEMBERS + PERIODS + """
				select p.idx, l.owner_id, count(*) as leads
				  from periods p
				  join crm_lead_v l on l.qualified_at >= p.start_at and l.qualified_at < p.end_at
				 where l.org_id = :org and""" + ScopeSql.owners("l.owner_id") + "and"
				+ ScopeSql.memberOn("l.owner_id", "cast(l.qualified_at at time zone :zone as date)") + """
				 group by p.idx, l.owner_id
				""", periods, zone, scope).query(rs -> {
			row(rows, rs.getInt("idx"), rs.getObject("owner_id", UUID.class)).leadsQualified = rs.getLong("leads");
		});
		query(ScopeSql.MEMBERS + PERIODS + """
				select p.idx, c.owner_id, count(*) as accounts
				  from periods p
				  join crm_account_v c on c.created_at >= p.start_at and c.created_at < p.end_at
				 where c.org_id = :org and""" + ScopeSql.owners("c.owner_id") + "and"
				+ ScopeSql.memberOn("c.owner_id", "cast(c.created_at at time zone :zone as date)") + """
				 group by p.idx, c.owner_id
				""", periods, zone, scope).query(rs -> {
			row(rows, rs.getInt("idx"), rs.getObject("owner_id", UUID.class)).newAccounts = rs.getLong("accounts");
		});
		Map<Period, Breakdown> result = new LinkedHashMap<>();
		for (int i = 0; i < periods.size(); i++) {
			Map<UUID, Measures> byPerson = new HashMap<>();
			Measures total = Measures.NONE;
			for (Map.Entry<UUID, Row> entry : rows.getOrDefault(i, Map.of()).entrySet()) {
				Measures measures = entry.getValue().measures();
				byPerson.put(entry.getKey(), measures);
				total = total.plus(measures);
			}
			result.put(periods.get(i), new Breakdown(total.withCycle(cycles.get(i)), byPerson));
		}
		return result;
	}

	private static Row row(Map<Integer, Map<UUID, Row>> rows, int idx, UUID owner) {
		return rows.computeIfAbsent(idx, k -> new HashMap<>()).computeIfAbsent(owner, k -> new Row());
	}

	private JdbcClient.StatementSpec query(String sql, List<Period> periods, ZoneId zone, UnaryOperator<JdbcClient.StatementSpec> scope) {
		List<Integer> idx = new ArrayList<>();
		List<String> starts = new ArrayList<>();
		List<String> ends = new ArrayList<>();
		List<String> startsAt = new ArrayList<>();
		List<String> endsAt = new ArrayList<>();
		for (int i = 0; i < periods.size(); i++) {
			Period period = periods.get(i);
			idx.add(i);
			starts.add(period.start().toString());
			ends.add(period.end().toString());
			startsAt.add(period.startAt(zone).toString());
			endsAt.add(period.endAt(zone).toString());
		}
		return scope.apply(jdbc.sql(sql)).param("idx", idx.toArray(Integer[]::new)).param("starts", starts.toArray(String[]::new))
			.param("ends", ends.toArray(String[]::new)).param("startsAt", startsAt.toArray(String[]::new))
			.param("endsAt", endsAt.toArray(String[]::new)).param("zone", zone.getId());
	}

	private static final class Row {

		BigDecimal wonRevenue = BigDecimal.ZERO;
		long wonDeals;
		long lostDeals;
		BigDecimal newPipeline = BigDecimal.ZERO;
		long newDeals;
		final Map<ActivityType, Long> byType = new EnumMap<>(ActivityType.class);
		final Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
		long leadsQualified;
		long newAccounts;
		@Nullable Double cycle;

		Measures measures() {
			return new Measures(wonRevenue, wonDeals, lostDeals, newPipeline, newDeals, byType, byChannel, leadsQualified, newAccounts,
					cycle);
		}
	}
}
