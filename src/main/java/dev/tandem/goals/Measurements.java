package dev.tandem.goals;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.Channel;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Measures what people and teams achieved in a period, from the views the CRM and people modules publish.
 * <p>
 * A team's figures count what its members did while they were members: a deal won by a rep counts for the
 * team the rep belonged to (directly or through a team below) on its close date, an activity on the day it
 * happened. So a rep who moves mid-period takes their later results along and leaves the earlier ones. Money
 * and close dates are taken as recorded; instants are cut into days in the organisation's time zone.
 */
@Service
public class Measurements {

	private static final String MEMBERS = ScopeSql.MEMBERS;

	private final JdbcClient jdbc;

	Measurements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Who achieved what: the scope as a whole and each person in it. */
	public record Breakdown(Measures total, Map<UUID, Measures> byPerson) {

		public Measures of(UUID personId) {
			return byPerson.getOrDefault(personId, Measures.NONE);
		}
	}

	public Breakdown measure(UUID orgId, Scope scope, Period period, ZoneId zone) {
		Map<UUID, Row> rows = new HashMap<>();
		Double[] teamCycle = { null };
		query(MEMBERS + """
				select d.owner_id, grouping(d.owner_id) as total,
				       coalesce(sum(d.amount) filter (where d.status = 'WON'), 0) as won_revenue,
				       count(*) filter (where d.status = 'WON') as won_deals,
				       count(*) filter (where d.status = 'LOST') as lost_deals,
				       percentile_cont(0.5) within group (
				         order by cast(d.close_date - coalesce(d.engaged_on, cast(d.created_at at time zone :zone as date)) as double precision))
				         filter (where d.status = 'WON') as cycle
				  from crm_deal_v d
				 where d.org_id = :org and d.status in ('WON', 'LOST') and d.close_date >= :start and d.close_date < :end
				   and d.owner_id in (select user_id from members)
				   and """ + member("d.owner_id", "d.close_date") + """
				 group by grouping sets ((d.owner_id), ())
				""", orgId, scope, period, zone).query(rs -> {
			Double cycle = rs.getObject("cycle") == null ? null : rs.getDouble("cycle");
			if (rs.getInt("total") == 1) {
				teamCycle[0] = cycle;
				return;
			}
			Row row = rows.computeIfAbsent(rs.getObject("owner_id", UUID.class), k -> new Row());
			row.wonRevenue = rs.getBigDecimal("won_revenue");
			row.wonDeals = rs.getLong("won_deals");
			row.lostDeals = rs.getLong("lost_deals");
			row.cycle = cycle;
		});
		query(MEMBERS + """
				select d.owner_id, coalesce(sum(d.amount), 0) as amount, count(*) as deals
				  from crm_deal_v d
				 where d.org_id = :org and d.created_at >= :startAt and d.created_at < :endAt
				   and d.owner_id in (select user_id from members)
				   and """ + member("d.owner_id", "cast(d.created_at at time zone :zone as date)") + """
				 group by d.owner_id
				""", orgId, scope, period, zone).query(rs -> {
			Row row = rows.computeIfAbsent(rs.getObject("owner_id", UUID.class), k -> new Row());
			row.newPipeline = rs.getBigDecimal("amount");
			row.newDeals = rs.getLong("deals");
		});
		query(MEMBERS + """
				select a.owner_id, a.type, a.channel, count(*) as activities
				  from crm_activity_v a
				 where a.org_id = :org and a.done and a.occurred_at >= :startAt and a.occurred_at < :endAt
				   and a.owner_id in (select user_id from members)
				   and """ + member("a.owner_id", "cast(a.occurred_at at time zone :zone as date)") + """
				 group by a.owner_id, a.type, a.channel
				""", orgId, scope, period, zone).query(rs -> {
			Row row = rows.computeIfAbsent(rs.getObject("owner_id", UUID.class), k -> new Row());
			long count = rs.getLong("activities");
			row.byType.merge(ActivityType.valueOf(rs.getString("type")), count, Long::sum);
			row.byChannel.merge(Channel.valueOf(rs.getString("channel")), count, Long::sum);
		});
		query(MEMBERS + """
				select l.owner_id, count(*) as leads
				  from crm_lead_v l
				 where l.org_id = :org and l.qualified_at >= :startAt and l.qualified_at < :endAt
				   and l.owner_id in (select user_id from members)
				   and """ + member("l.owner_id", "cast(l.qualified_at at time zone :zone as date)") + """
				 group by l.owner_id
				""", orgId, scope, period, zone).query(rs -> {
			rows.computeIfAbsent(rs.getObject("owner_id", UUID.class), k -> new Row()).leadsQualified = rs.getLong("leads");
		});
		query(MEMBERS + """
				select c.owner_id, count(*) as accounts
				  from crm_account_v c
				 where c.org_id = :org and c.created_at >= :startAt and c.created_at < :endAt
				   and c.owner_id in (select user_id from members)
				   and """ + member("c.owner_id", "cast(c.created_at at time zone :zone as date)") + """
				 group by c.owner_id
				""", orgId, scope, period, zone).query(rs -> {
			rows.computeIfAbsent(rs.getObject("owner_id", UUID.class), k -> new Row()).newAccounts = rs.getLong("accounts");
		});
		Map<UUID, Measures> byPerson = new HashMap<>();
		Measures total = Measures.NONE;
		for (Map.Entry<UUID, Row> entry : rows.entrySet()) {
			Measures measures = entry.getValue().measures();
			byPerson.put(entry.getKey(), measures);
			total = total.plus(measures);
		}
		return new Breakdown(total.withCycle(teamCycle[0]), byPerson);
	}

	private static String member(String owner, String day) {
		return ScopeSql.memberOn(owner, day) + "\n";
	}

	private JdbcClient.StatementSpec query(String sql, UUID orgId, Scope scope, Period period, ZoneId zone) {
		return ScopeSql.bind(jdbc.sql(sql), orgId, scope)
			.param("start", period.start()).param("end", period.end())
			.param("startAt", Timestamp.from(period.startAt(zone))).param("endAt", Timestamp.from(period.endAt(zone)))
			.param("zone", zone.getId());
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
