package dev.tandem.forecast.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.forecast.WinModel;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ForecastCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the forecast reads from the CRM's published views: the open deals that should close in a period, and
 * the closed history the win model learns from.
 */
@Repository
public class ForecastQueries {

	private final JdbcClient jdbc;

	ForecastQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An open deal expected to close in the period. */
	public record OpenDeal(UUID id, String title, @Nullable String accountName, UUID ownerId, String ownerName, UUID stageId, String stageName,
			int stageProbability, ForecastCategory category, BigDecimal amount, LocalDate closeDate, Instant stageEnteredAt) {
	}

	/** The open deals of these owners whose close date falls in the period (a past close date in the period included). */
	public List<OpenDeal> openIn(UUID orgId, Collection<UUID> owners, Period period) {
		return jdbc.sql("""
				select d.id, d.title, a.name as account_name, d.owner_id, u.display_name as owner_name, d.stage_id, s.name as stage_name,
				       s.win_probability, d.forecast_category, coalesce(d.amount, 0) as amount, d.close_date, d.stage_entered_at
				  from crm_deal_v d
				  left join crm_account_v a on a.org_id = d.org_id and a.id = d.account_id
				  join playbook_stage_v s on s.org_id = d.org_id and s.id = d.stage_id
				  join people_user_v u on u.org_id = d.org_id and u.id = d.owner_id
				 where d.org_id = :org and d.status = 'OPEN' and d.owner_id = any(:owners)
				   and d.close_date >= :start and d.close_date < :end
				 order by d.close_date, d.amount desc nulls last
				""")
			.param("org", orgId).param("owners", owners.toArray(UUID[]::new)).param("start", period.start()).param("end", period.end())
			.query((rs, n) -> new OpenDeal(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("account_name"),
					rs.getObject("owner_id", UUID.class), rs.getString("owner_name"), rs.getObject("stage_id", UUID.class),
					rs.getString("stage_name"), rs.getInt("win_probability"), ForecastCategory.valueOf(rs.getString("forecast_category")),
					rs.getBigDecimal("amount"), rs.getObject("close_date", LocalDate.class), rs.getTimestamp("stage_entered_at").toInstant()))
			.list();
	}

	/** An open deal the forecast cannot count: it has no amount, no close date, or neither. */
	public record UncountedDeal(UUID id, String title, @Nullable String accountName, String ownerName, String stageName,
			@Nullable BigDecimal amount, @Nullable LocalDate closeDate) {
	}

	/** How many open deals of these owners lack an amount or a close date, and the first {@code limit} of them. */
	public Uncounted uncounted(UUID orgId, Collection<UUID> owners, int limit) {
		List<UncountedDeal> rows = jdbc.sql("""
				select d.id, d.title, a.name as account_name, u.display_name as owner_name, s.name as stage_name, d.amount, d.close_date
								  from crm_deal_v d
				  left join crm_account_v a on a.org_id = d.org_id and a.id = d.account_id
				  join playbook_stage_v s on s.org_id = d.org_id and s.id = d.stage_id
				  join people_user_v u on u.org_id = d.org_id and u.id = d.owner_id
				 where d.org_id = :org and d.status = 'OPEN' and d.owner_id = any(:owners)
				   and (d.amount is null or d.close_date is null)
				 order by u.display_name, d.title, d.id
				 limit :limit
				""")
			.param("org", orgId).param("owners", owners.toArray(UUID[]::new)).param("limit", limit)
			.query((rs, n) -> new UncountedDeal(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("account_name"),
					rs.getString("owner_name"), rs.getString("stage_name"), rs.getBigDecimal("amount"), rs.getObject("close_date", LocalDate.class)))
			.list();
		long total = rows.size() < limit ? rows.size() : jdbc.sql("""
				select count(*) from crm_deal_v d
				 where d.org_id = :org and d.status = 'OPEN' and d.owner_id = any(:owners) and (d.amount is null or d.close_date is null)
				""").param("org", orgId).param("owners", owners.toArray(UUID[]::new)).query(Long.class).single();
		return new Uncounted(total, rows);
	}

	/** The open deals missing from a forecast: how many, and the first of them. */
	public record Uncounted(long count, List<UncountedDeal> first) {

		public static final Uncounted NONE = new Uncounted(0, List.of());
	}

	/** A deal won with its close date in a period. */
	public record WonDeal(UUID id, UUID ownerId, BigDecimal amount) {
	}

	/** Every deal won with its close date in the period, by anyone in the organisation. */
	public List<WonDeal> wonIn(UUID orgId, Period period) {
		return jdbc.sql("""
				select d.id, d.owner_id, coalesce(d.amount, 0) as amount from crm_deal_v d
				 where d.org_id = :org and d.status = 'WON' and d.close_date >= :start and d.close_date < :end
				""")
			.param("org", orgId).param("start", period.start()).param("end", period.end())
			.query((rs, n) -> new WonDeal(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getBigDecimal("amount")))
			.list();
	}

	/** What names a deal in a list: its title, account and owner. */
	public record DealName(UUID id, String title, @Nullable String accountName, String ownerName) {
	}

	public Map<UUID, DealName> names(UUID orgId, Collection<UUID> ids) {
		Map<UUID, DealName> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("""
				select d.id, d.title, a.name as account_name, u.display_name as owner_name
				  from crm_deal_v d
				  left join crm_account_v a on a.org_id = d.org_id and a.id = d.account_id
				  join people_user_v u on u.org_id = d.org_id and u.id = d.owner_id
				 where d.org_id = :org and d.id = any(:ids)
				""")
			.param("org", orgId).param("ids", ids.toArray(UUID[]::new))
			.query(rs -> {
				UUID id = rs.getObject("id", UUID.class);
				names.put(id, new DealName(id, rs.getString("title"), rs.getString("account_name"), rs.getString("owner_name")));
			});
		return names;
	}

	/** The deals closed in {@code [since, before)} with the open stages each was once in. */
	public List<WinModel.ClosedDeal> closed(UUID orgId, Instant since, Instant before) {
		return jdbc.sql("""
				select d.owner_id, d.status, array_agg(distinct h.to_stage_id) as stages
				  from crm_deal_v d
				  join crm_deal_stage_change_v h on h.org_id = d.org_id and h.deal_id = d.id
				  join playbook_stage_v s on s.org_id = h.org_id and s.id = h.to_stage_id and s.kind = 'OPEN'
				 where d.org_id = :org and d.status in ('WON', 'LOST') and d.closed_at >= :since and d.closed_at < :before
				 group by d.id, d.owner_id, d.status
				""")
			.param("org", orgId).param("since", Timestamp.from(since)).param("before", Timestamp.from(before))
			.query((rs, n) -> new WinModel.ClosedDeal(rs.getObject("owner_id", UUID.class),
					new HashSet<>(Arrays.asList((UUID[]) rs.getArray("stages").getArray())), "WON".equals(rs.getString("status"))))
			.list();
	}

	/** The stays in each open stage that began in {@code [since, before)} and ended before {@code before}. */
	public Map<UUID, List<Duration>> stays(UUID orgId, Instant since, Instant before) {
		Map<UUID, List<Duration>> stays = new HashMap<>();
		jdbc.sql("""
				select to_stage_id, extract(epoch from left_at - changed_at) as seconds from (
				  select h.to_stage_id, h.changed_at,
				         lead(h.changed_at) over (partition by h.deal_id order by h.changed_at, h.id) as left_at
				    from crm_deal_stage_change_v h where h.org_id = :org and h.changed_at < :before
				) s
				 where changed_at >= :since and left_at is not null and left_at < :before
				""")
			.param("org", orgId).param("since", Timestamp.from(since)).param("before", Timestamp.from(before))
			.query(rs -> {
				stays.computeIfAbsent(rs.getObject("to_stage_id", UUID.class), k -> new java.util.ArrayList<>())
					.add(Duration.ofSeconds(rs.getLong("seconds")));
			});
		return stays;
	}
}
