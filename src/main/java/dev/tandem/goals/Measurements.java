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
 * qualified leads, new accounts, units sold). Deals and activities are read from the counts per owner, day and month the CRM
 * keeps exact ({@code crm_deal_month_v}, {@code crm_activity_month_v} and their day and cycle companions): a member who
 * belonged to the scope for a whole month counts with that month's rows, one who joined or left during it day by day.
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

	/**
	 * The months each period covers and, per member of the scope (and group), whether they belonged to it for the
	 * whole of each month ({@code whole}): then the month's counts count; otherwise its days are counted one by one.
	 */
	private static final String COVER = """
			, months as (
			  select p.idx, cast(m as date) as month, greatest(p.start_d, cast(m as date)) as from_d,
			         least(p.end_d, cast(m + interval '1 month' as date)) as to_d
			    from periods p, generate_series(date_trunc('month', p.start_d), p.end_d - 1, interval '1 month') m
			), cover as (
			  select mo.idx, m.grp, mo.month, mo.from_d, mo.to_d, m.user_id,
			         bool_or(mo.from_d = mo.month and mo.to_d = cast(mo.month + interval '1 month' as date)
			                 and m.valid_from <= mo.month and (m.valid_to is null or m.valid_to >= mo.to_d)) as whole
			    from months mo join members m on m.valid_from < mo.to_d and (m.valid_to is null or m.valid_to > mo.from_d)
			   group by mo.idx, m.grp, mo.month, mo.from_d, mo.to_d, m.user_id
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
		return run(periods, zone, statement -> ScopeSql.bindPeople(statement, orgId, people), false);
	}

	/**
	 * Several teams' figures in one pass, each counted as {@link #measure} counts a team; {@link Breakdown#byPerson()}
	 * holds each team's figures by team id (its total is not meaningful: a person may count for more than one team).
	 */
	public Map<Period, Breakdown> measureTeams(UUID orgId, Collection<UUID> teams, List<Period> periods, ZoneId zone) {
		return run(periods, zone, statement -> ScopeSql.bindTeams(statement, orgId, teams), true);
	}

	/**
	 * Some members' figures in a team, each counting what they did while they belonged to it ({@link Breakdown#byPerson()});
	 * the total is theirs together, not the team's.
	 */
	public Map<Period, Breakdown> measureMembers(UUID orgId, UUID teamId, Collection<UUID> members, List<Period> periods,
			ZoneId zone) {
		if (members.isEmpty()) {
			Map<Period, Breakdown> none = new LinkedHashMap<>();
			periods.forEach(p -> none.put(p, Breakdown.NONE));
			return none;
		}
		return run(periods, zone, statement -> ScopeSql.bindMembers(statement, orgId, teamId, members), false);
	}

	private Map<Period, Breakdown> run(List<Period> asked, ZoneId zone, UnaryOperator<JdbcClient.StatementSpec> scope) {
		return run(asked, zone, scope, false);
	}

	/**
	 * The rows of a pair of count tables ({@code VIEW_month_v} and {@code VIEW_day_v}) that count for each period, as
	 * {@code idx, owner_id, columns}: a month the owner belonged to the scope from start to end is one month row; a
	 * month they joined or left (or one the period cuts) is read day by day. Each owner's rows are looked up by key
	 * (lateral, kept apart by offset 0): the planner cannot know how few they are.
	 */
	private static String counted(String view, String key, String columns) {
		return """
				select c.idx, %1$s as owner_id, %2$s
				  from cover c cross join lateral (
				    select * from %3$s_month_v r where r.org_id = :org and r.owner_id = c.user_id and r.month = c.month offset 0) r
				 where c.whole
				union all
				select c.idx, %1$s, %2$s
				  from cover c cross join lateral (
				    select * from %3$s_day_v r
				     where r.org_id = :org and r.owner_id = c.user_id and r.day >= c.from_d and r.day < c.to_d offset 0) r
				 where not c.whole and %4$s
				""".formatted(key, columns, view, ScopeSql.memberOfOn("c.grp", "r.owner_id", "r.day"));
	}

	/**
	 * Every record is matched to the scope's groups ({@code g}: the team, each team asked for, or the person) its
	 * owner belonged to on the record's day, and counted per owner, or per group when {@code byTeam}.
	 */
	private Map<Period, Breakdown> run(List<Period> asked, ZoneId zone, UnaryOperator<JdbcClient.StatementSpec> scope, boolean byTeam) {
		// The keys are padded with spaces: a text block keeps no whitespace at the start or end of its only line.
		String groups = ", groups as (select distinct grp, user_id from members)\n";
		List<Period> periods = asked.stream().distinct().toList();
		Map<Integer, Map<UUID, Row>> rows = new HashMap<>();
		Map<Integer, Map<UUID, Map<Integer, Long>>> cycleCounts = new HashMap<>();
		String key = byTeam ? " c.grp " : " r.owner_id ";
		// Won, lost and new pipeline, from the deal counts the CRM keeps per owner and day and month.
		query(ScopeSql.MEMBERS + PERIODS + COVER + "select idx, owner_id, sum(won_amount) as won_revenue, sum(won_deals) as won_deals,"
				+ " sum(lost_deals) as lost_deals, sum(new_amount) as new_amount, sum(new_deals) as new_deals from ("
				+ counted("crm_deal", key, "r.won_amount, r.won_deals, r.lost_deals, r.new_amount, r.new_deals")
				+ ") counted group by idx, owner_id", periods, zone, scope).query(rs -> {
			Row row = row(rows, rs.getInt("idx"), rs.getObject("owner_id", UUID.class));
			row.wonRevenue = rs.getBigDecimal("won_revenue");
			row.wonDeals = rs.getLong("won_deals");
			row.lostDeals = rs.getLong("lost_deals");
			row.newPipeline = rs.getBigDecimal("new_amount");
			row.newDeals = rs.getLong("new_deals");
		});
		// The sales cycles of the won deals, as counts per length in days: the median is taken from them exactly.
		query(ScopeSql.MEMBERS + PERIODS + COVER + "select idx, owner_id, cycle_days, sum(deals) as deals from ("
				+ counted("crm_deal_cycle", key, "r.cycle_days, r.deals") + ") counted group by idx, owner_id, cycle_days",
				periods, zone, scope).query(rs -> {
			cycleCounts.computeIfAbsent(rs.getInt("idx"), k -> new HashMap<>())
				.computeIfAbsent(rs.getObject("owner_id", UUID.class), k -> new java.util.TreeMap<>())
				.merge(rs.getInt("cycle_days"), rs.getLong("deals"), Long::sum);
		});
		Map<Integer, Double> cycles = new HashMap<>();
		cycleCounts.forEach((idx, byOwner) -> {
			Map<Integer, Long> all = new java.util.TreeMap<>();
			byOwner.forEach((owner, counts) -> {
				row(rows, idx, owner).cycle = median(counts);
				counts.forEach((days, n) -> all.merge(days, n, Long::sum));
			});
			cycles.put(idx, median(all));
		});
		query(ScopeSql.MEMBERS + PERIODS + COVER + "select idx, owner_id, type, channel, sum(activities) as activities from ("
				+ counted("crm_activity", key, "r.type, r.channel, r.activities") + ") counted group by idx, owner_id, type, channel",
				periods, zone, scope).query(rs -> {
			Row row = row(rows, rs.getInt("idx"), rs.getObject("owner_id", UUID.class));
			long count = rs.getLong("activities");
			row.byType.merge(ActivityType.valueOf(rs.getString("type")), count, Long::sum);
			row.byChannel.merge(Channel.valueOf(rs.getString("channel")), count, Long::sum);
		});
		query(ScopeSql.MEMBERS + PERIODS + groups + """
				select p.idx, """ + (byTeam ? " g.grp " : " l.owner_id ") + """
				 as owner_id, count(*) as leads
				  from periods p
				  join crm_lead_v l on l.qualified_at >= p.start_at and l.qualified_at < p.end_at
				  join groups g on g.user_id = l.owner_id
				 where l.org_id = :org and""" + ScopeSql.memberOfOn("g.grp", "l.owner_id", "cast(l.qualified_at at time zone :zone as date)") + """
				 group by 1, 2
				""", periods, zone, scope).query(rs -> {
			row(rows, rs.getInt("idx"), rs.getObject("owner_id", UUID.class)).leadsQualified = rs.getLong("leads");
		});
		query(ScopeSql.MEMBERS + PERIODS + groups + """
				select p.idx, """ + (byTeam ? " g.grp " : " c.owner_id ") + """
				 as owner_id, count(*) as accounts
				  from periods p
				  join crm_account_v c on c.created_at >= p.start_at and c.created_at < p.end_at
				  join groups g on g.user_id = c.owner_id
				 where c.org_id = :org and""" + ScopeSql.memberOfOn("g.grp", "c.owner_id", "cast(c.created_at at time zone :zone as date)") + """
				 group by 1, 2
				""", periods, zone, scope).query(rs -> {
			row(rows, rs.getInt("idx"), rs.getObject("owner_id", UUID.class)).newAccounts = rs.getLong("accounts");
		});
		// Units sold per product, from the lines of won deals by owner and close date.
		query(ScopeSql.MEMBERS + PERIODS + groups + """
				select p.idx, """ + (byTeam ? " g.grp " : " u.owner_id ") + """
				 as owner_id, u.product_id, sum(u.units) as units
				  from periods p
				  join crm_deal_units_v u on u.day >= p.start_d and u.day < p.end_d
				  join groups g on g.user_id = u.owner_id
				 where u.org_id = :org and""" + ScopeSql.memberOfOn("g.grp", "u.owner_id", "u.day") + """
				 group by 1, 2, 3
				""", periods, zone, scope).query(rs -> {
			row(rows, rs.getInt("idx"), rs.getObject("owner_id", UUID.class)).units
				.merge(rs.getObject("product_id", UUID.class), rs.getBigDecimal("units"), BigDecimal::add);
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

	/**
	 * The median of values given as counts per value, as {@code percentile_cont(0.5)} takes it: the middle value, or
	 * halfway between the two middle ones; {@code null} without values.
	 */
	static @Nullable Double median(Map<Integer, Long> counts) {
		long n = counts.values().stream().mapToLong(Long::longValue).sum();
		if (n == 0) {
			return null;
		}
		long lower = (n - 1) / 2;
		long upper = n / 2;
		Integer low = null;
		Integer high = null;
		long seen = 0;
		for (Map.Entry<Integer, Long> entry : new java.util.TreeMap<>(counts).entrySet()) {
			long next = seen + entry.getValue();
			if (low == null && lower < next) {
				low = entry.getKey();
			}
			if (upper < next) {
				high = entry.getKey();
				break;
			}
			seen = next;
		}
		return (low + high) / 2.0;
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
		final Map<UUID, BigDecimal> units = new HashMap<>();

		Measures measures() {
			return new Measures(wonRevenue, wonDeals, lostDeals, newPipeline, newDeals, byType, byChannel, leadsQualified, newAccounts,
					cycle, units);
		}
	}
}
