package dev.tandem.insight.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.tandem.goals.Scope;
import dev.tandem.goals.ScopeSql;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The data-hygiene flags of open deals (DESIGN.md section 5), for the people who belong to a scope today.
 * The same rules as {@code crm.Deal#hygiene}, which the deal pages show; a test holds them equal. Deals come
 * with the most flags first, then the largest amounts.
 */
@Repository
public class HygieneQueries {

	private final JdbcClient jdbc;

	HygieneQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An open deal with its flags. */
	public record DealFlags(UUID dealId, UUID ownerId, String ownerName, String title, @Nullable String accountName, String stageName,
			@Nullable BigDecimal amount, @Nullable LocalDate closeDate, boolean closeDatePast, boolean noCloseDate, boolean noRecentActivity,
			boolean noNextStep, boolean noAmount, boolean reviewOverdue) {

		public boolean clean() {
			return !(closeDatePast || noCloseDate || noRecentActivity || noNextStep || noAmount || reviewOverdue);
		}

		public int count() {
			return (closeDatePast ? 1 : 0) + (noCloseDate ? 1 : 0) + (noRecentActivity ? 1 : 0) + (noNextStep ? 1 : 0) + (noAmount ? 1 : 0)
					+ (reviewOverdue ? 1 : 0);
		}
	}

	public List<DealFlags> openDeals(UUID orgId, Scope scope, LocalDate today, ZoneId zone, int staleAfterDays) {
		return ScopeSql.bind(jdbc.sql(ScopeSql.MEMBERS + """
				select d.id, d.owner_id, u.display_name as owner_name, d.title, a.name as account_name, s.name as stage_name, d.amount, d.close_date,
				       coalesce(d.close_date < :today, false) as close_date_past, d.close_date is null as no_close_date,
				       cast(coalesce(d.last_activity_at, d.created_at) at time zone :zone as date) <= :today - :stale as no_recent_activity,
				       (d.next_step is null or btrim(d.next_step) = '') as no_next_step,
				       d.amount is null as no_amount,
				       cast(coalesce(d.last_reviewed_at, d.created_at) at time zone :zone as date) < :today - p.review_cadence_days as review_overdue
				  from crm_deal_v d
				  left join crm_account_v a on a.org_id = d.org_id and a.id = d.account_id
				  join playbook_stage_v s on s.org_id = d.org_id and s.id = d.stage_id
				  join playbook_pipeline_v p on p.org_id = d.org_id and p.id = d.pipeline_id
				  join people_user_v u on u.org_id = d.org_id and u.id = d.owner_id
				 where d.org_id = :org and d.status = 'OPEN' and """ + ScopeSql.owners("d.owner_id") + """
				   and """ + ScopeSql.memberOn("d.owner_id", "cast(:today as date)") + """
				 order by (coalesce(d.close_date < :today, false))::int + (d.close_date is null)::int
				          + (cast(coalesce(d.last_activity_at, d.created_at) at time zone :zone as date) <= :today - :stale)::int
				          + (d.next_step is null or btrim(d.next_step) = '')::int + (d.amount is null)::int
				          + (cast(coalesce(d.last_reviewed_at, d.created_at) at time zone :zone as date) < :today - p.review_cadence_days)::int desc,
				          d.amount desc nulls last, d.id
				"""), orgId, scope)
			.param("today", today).param("zone", zone.getId()).param("stale", staleAfterDays)
			.query((rs, n) -> new DealFlags(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
					rs.getString("owner_name"), rs.getString("title"),
					rs.getString("account_name"), rs.getString("stage_name"), rs.getBigDecimal("amount"),
					rs.getObject("close_date", LocalDate.class), rs.getBoolean("close_date_past"), rs.getBoolean("no_close_date"), rs.getBoolean("no_recent_activity"),
					rs.getBoolean("no_next_step"), rs.getBoolean("no_amount"), rs.getBoolean("review_overdue")))
			.list();
	}
}
