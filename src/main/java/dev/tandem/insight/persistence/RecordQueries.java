package dev.tandem.insight.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.tandem.goals.Scope;
import dev.tandem.goals.ScopeSql;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The records behind a number, selected by the same rules that counted them: click "win rate 38%" and see
 * the won and lost deals it was computed from. Each query answers one page of the records with the total count (and
 * amount) of all of them, so a long list pages without losing its true total.
 */
@Repository
public class RecordQueries {

	private final JdbcClient jdbc;

	RecordQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Which deals: closed in the period (won, lost or both), or created in it. */
	public enum DealSet {
		WON, LOST, CLOSED, CREATED
	}

	/** Which records of the list: {@code limit} of them from {@code offset}, in the list's order. */
	public record Window(int offset, int limit) {

		/** Every record, for an export. */
		public static final Window ALL = new Window(0, Integer.MAX_VALUE);

		public static Window page(int page, int size) {
			return new Window(Math.max(0, page) * size, size);
		}
	}

	/** One page of records, the number of all records and, for deals, the sum of all their amounts. */
	public record Page<T>(List<T> items, int total, @Nullable BigDecimal amount) {
	}

	public record DealLine(UUID id, String title, @Nullable String accountName, UUID ownerId, String ownerName, String stageName,
			String status, @Nullable BigDecimal amount, @Nullable LocalDate closeDate, Instant createdAt) {
	}

	public record ActivityLine(UUID id, String type, String subject, UUID ownerId, String ownerName, Instant occurredAt,
			@Nullable UUID dealId, @Nullable String dealTitle, @Nullable String accountName) {
	}

	public record LeadLine(UUID id, String personName, String company, String source, String status, UUID ownerId, String ownerName,
			Instant createdAt, @Nullable Instant qualifiedAt) {
	}

	/**
	 * The deals of a set; with {@code only} a member's own, counted while they belonged to the team.
	 */
	public Page<DealLine> deals(UUID orgId, Scope scope, @Nullable UUID only, Period period, ZoneId zone, DealSet set, Window window) {
		String when = switch (set) {
			case WON -> "d.status = 'WON' and d.close_date >= :start and d.close_date < :end";
			case LOST -> "d.status = 'LOST' and d.close_date >= :start and d.close_date < :end";
			case CLOSED -> "d.status in ('WON', 'LOST') and d.close_date >= :start and d.close_date < :end";
			case CREATED -> "d.created_at >= :startAt and d.created_at < :endAt";
		};
		String day = set == DealSet.CREATED ? "cast(d.created_at at time zone :zone as date)" : "d.close_date";
		return page(ScopeSql.MEMBERS + """
				, picked as (
				select d.id, d.title, a.name as account_name, d.owner_id, u.display_name as owner_name, s.name as stage_name, d.status,
				       d.amount, d.close_date, d.created_at
				  from crm_deal_v d
				  left join crm_account_v a on a.org_id = d.org_id and a.id = d.account_id
				  join playbook_stage_v s on s.org_id = d.org_id and s.id = d.stage_id
				  join people_user_v u on u.org_id = d.org_id and u.id = d.owner_id
				 where d.org_id = :org and""" + " " + when + " and " + ScopeSql.owners("d.owner_id") + " and "
				+ ScopeSql.memberOn("d.owner_id", day) + ")", "close_date desc nulls last, created_at desc, id desc", true, orgId, scope,
				only, period, zone, window, statement -> statement,
				(rs, n) -> new DealLine(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("account_name"),
					rs.getObject("owner_id", UUID.class), rs.getString("owner_name"), rs.getString("stage_name"), rs.getString("status"),
					rs.getBigDecimal("amount"), rs.getObject("close_date", LocalDate.class), rs.getTimestamp("created_at").toInstant()));
	}

	/** Activities done in the period, of the given types (all but notes when none). */
	public Page<ActivityLine> activities(UUID orgId, Scope scope, @Nullable UUID only, Period period, ZoneId zone,
			List<ActivityType> types, Window window) {
		String[] names = types.isEmpty() ? new String[] { "CALL", "EMAIL", "MEETING", "DEMO", "PROPOSAL", "SOCIAL", "TASK" }
				: types.stream().map(Enum::name).toArray(String[]::new);
		return page(ScopeSql.MEMBERS + """
				, picked as (
				select a.id, a.type, a.subject, a.owner_id, u.display_name as owner_name, a.occurred_at, a.deal_id, d.title as deal_title,
				       c.name as account_name
				  from crm_activity_v a
				  join people_user_v u on u.org_id = a.org_id and u.id = a.owner_id
				  left join crm_deal_v d on d.org_id = a.org_id and d.id = a.deal_id
				  left join crm_account_v c on c.org_id = a.org_id and c.id = a.account_id
				 where a.org_id = :org and a.done and a.occurred_at >= :startAt and a.occurred_at < :endAt and a.type = any(:types)
				   and """ + ScopeSql.owners("a.owner_id") + " and "
				+ ScopeSql.memberOn("a.owner_id", "cast(a.occurred_at at time zone :zone as date)") + ")", "occurred_at desc, id desc",
				false, orgId, scope, only, period, zone, window, statement -> statement.param("types", names),
				(rs, n) -> new ActivityLine(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("subject"),
					rs.getObject("owner_id", UUID.class), rs.getString("owner_name"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getObject("deal_id", UUID.class), rs.getString("deal_title"), rs.getString("account_name")));
	}

	/** Leads qualified in the period ({@code qualified}), or received in it. */
	public Page<LeadLine> leads(UUID orgId, Scope scope, @Nullable UUID only, Period period, ZoneId zone, boolean qualified,
			Window window) {
		String column = qualified ? "l.qualified_at" : "l.created_at";
		return page(ScopeSql.MEMBERS + """
				, picked as (
				select l.id, l.person_name, l.company, l.source, l.status, l.owner_id, u.display_name as owner_name, l.created_at,
				       l.qualified_at
				  from crm_lead_v l
				  join people_user_v u on u.org_id = l.org_id and u.id = l.owner_id
				 where l.org_id = :org and""" + " " + column + " >= :startAt and " + column + " < :endAt and "
				+ ScopeSql.owners("l.owner_id") + " and " + ScopeSql.memberOn("l.owner_id", "cast(" + column + " at time zone :zone as date)")
				+ ")", (qualified ? "qualified_at" : "created_at") + " desc, id desc", false, orgId, scope, only, period, zone, window,
				statement -> statement,
				(rs, n) -> new LeadLine(rs.getObject("id", UUID.class), rs.getString("person_name"), rs.getString("company"),
					rs.getString("source"), rs.getString("status"), rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("qualified_at") == null ? null : rs.getTimestamp("qualified_at").toInstant()));
	}

	/**
	 * One window of the records {@code picked} (a common table expression after {@link ScopeSql#MEMBERS}), in the given
	 * order, with the count and (when {@code amounts}) the sum of the amounts of all of them. The totals come from a row
	 * of their own, so a window past the end still answers the true total.
	 */
	private <T> Page<T> page(String picked, String order, boolean amounts, UUID orgId, Scope scope, @Nullable UUID only,
			Period period, ZoneId zone, Window window, UnaryOperator<JdbcClient.StatementSpec> more, RowMapper<T> rows) {
		String sql = picked + """

				select t.all_count, t.all_amount, p.*
				  from (select count(*) as all_count, %s as all_amount from picked) t
				  left join lateral (select * from picked order by %s limit :limit offset :offset) p on true
				""".formatted(amounts ? "sum(amount)" : "cast(null as numeric)", order);
		JdbcClient.StatementSpec statement = only != null && scope.isTeam()
				? ScopeSql.bindMembers(jdbc.sql(sql), orgId, scope.id(), List.of(only))
				: ScopeSql.bind(jdbc.sql(sql), orgId, scope);
		return more.apply(statement.param("start", period.start()).param("end", period.end())
			.param("startAt", Timestamp.from(period.startAt(zone))).param("endAt", Timestamp.from(period.endAt(zone)))
			.param("zone", zone.getId()).param("limit", window.limit()).param("offset", window.offset()))
			.query((ResultSet rs) -> {
				List<T> items = new ArrayList<>();
				int total = 0;
				BigDecimal amount = null;
				while (rs.next()) {
					total = rs.getInt("all_count");
					amount = rs.getBigDecimal("all_amount");
					if (rs.getObject("id") != null) {
						items.add(rows.mapRow(rs, items.size()));
					}
				}
				return new Page<>(List.copyOf(items), total, amounts && amount == null ? BigDecimal.ZERO : amount);
			});
	}
}
