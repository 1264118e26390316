package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count tables dashboards read (activities and deals per owner and day or month, won-deal cycle histograms, stage
 * stays) always equal what a fresh aggregate of the CRM tables gives, whatever writes the CRM tables: the demo seed,
 * the other tests' API calls, the single-row and set-based changes below, and records going into the recycle bin,
 * coming back and being purged. The changes run in a transaction that is rolled back, so no other test sees them.
 */
@TandemIntegrationTest
class CountTablesTests {

	/** Each count table (through its view) next to the same numbers computed from scratch, as "key: numbers" lines. */
	static final Map<String, String[]> TABLES = Map.of(
			"activity days", new String[] {
					"select org_id || ' ' || owner_id || ' ' || day || ' ' || type || ' ' || channel || ': ' || activities from crm_activity_day_v where activities <> 0",
					"""
					select a.org_id || ' ' || a.owner_id || ' ' || cast(a.occurred_at at time zone o.time_zone as date) || ' ' || a.type
					       || ' ' || a.channel || ': ' || count(*)
					  from crm_activity a join people_organisation o on o.org_id = a.org_id
					 where a.done and a.occurred_at is not null and a.deleted_at is null
					 group by a.org_id, a.owner_id, cast(a.occurred_at at time zone o.time_zone as date), a.type, a.channel""" },
			"activity months", new String[] {
					"select org_id || ' ' || owner_id || ' ' || month || ' ' || type || ' ' || channel || ': ' || activities from crm_activity_month_v where activities <> 0",
					"""
					select a.org_id || ' ' || a.owner_id || ' ' || cast(date_trunc('month', a.occurred_at at time zone o.time_zone) as date)
					       || ' ' || a.type || ' ' || a.channel || ': ' || count(*)
					  from crm_activity a join people_organisation o on o.org_id = a.org_id
					 where a.done and a.occurred_at is not null and a.deleted_at is null
					 group by a.org_id, a.owner_id, cast(date_trunc('month', a.occurred_at at time zone o.time_zone) as date), a.type, a.channel""" },
			"deal months", new String[] {
					"""
					select org_id || ' ' || owner_id || ' ' || month || ': ' || won_amount || ' ' || won_deals || ' ' || lost_deals
					       || ' ' || new_amount || ' ' || new_deals
					  from crm_deal_month_v where won_deals <> 0 or lost_deals <> 0 or new_deals <> 0 or won_amount <> 0 or new_amount <> 0""",
					"""
					select org_id || ' ' || owner_id || ' ' || month || ': ' || cast(sum(won_amount) as numeric(18, 2)) || ' ' || sum(won) || ' ' || sum(lost)
					       || ' ' || cast(sum(new_amount) as numeric(18, 2)) || ' ' || sum(new)
					  from (select d.org_id, d.owner_id, cast(date_trunc('month', d.close_date) as date) as month,
					               case when d.status = 'WON' then coalesce(d.amount, 0) else 0 end as won_amount,
					               case when d.status = 'WON' then 1 else 0 end as won, case when d.status = 'LOST' then 1 else 0 end as lost,
					               0 as new_amount, 0 as new
					          from crm_deal d where d.status in ('WON', 'LOST') and d.close_date is not null and d.deleted_at is null
					        union all
					        select d.org_id, d.owner_id, cast(date_trunc('month', d.created_at at time zone o.time_zone) as date), 0, 0, 0,
					               coalesce(d.amount, 0), 1
					          from crm_deal d join people_organisation o on o.org_id = d.org_id where d.deleted_at is null) c
					 group by org_id, owner_id, month""" },
			"deal days", new String[] {
					"""
					select org_id || ' ' || owner_id || ' ' || day || ': ' || won_amount || ' ' || won_deals || ' ' || lost_deals
					       || ' ' || new_amount || ' ' || new_deals
					  from crm_deal_day_v where won_deals <> 0 or lost_deals <> 0 or new_deals <> 0 or won_amount <> 0 or new_amount <> 0""",
					"""
					select org_id || ' ' || owner_id || ' ' || day || ': ' || cast(sum(won_amount) as numeric(18, 2)) || ' ' || sum(won) || ' ' || sum(lost)
					       || ' ' || cast(sum(new_amount) as numeric(18, 2)) || ' ' || sum(new)
					  from (select d.org_id, d.owner_id, d.close_date as day,
					               case when d.status = 'WON' then coalesce(d.amount, 0) else 0 end as won_amount,
					               case when d.status = 'WON' then 1 else 0 end as won, case when d.status = 'LOST' then 1 else 0 end as lost,
					               0 as new_amount, 0 as new
					          from crm_deal d where d.status in ('WON', 'LOST') and d.close_date is not null and d.deleted_at is null
					        union all
					        select d.org_id, d.owner_id, cast(d.created_at at time zone o.time_zone as date), 0, 0, 0, coalesce(d.amount, 0), 1
					          from crm_deal d join people_organisation o on o.org_id = d.org_id where d.deleted_at is null) c
					 group by org_id, owner_id, day""" },
			"cycle months", new String[] {
					"select org_id || ' ' || owner_id || ' ' || month || ' ' || cycle_days || ': ' || deals from crm_deal_cycle_month_v where deals <> 0",
					"""
					select d.org_id || ' ' || d.owner_id || ' ' || cast(date_trunc('month', d.close_date) as date) || ' '
					       || (d.close_date - coalesce(d.engaged_on, cast(d.created_at at time zone o.time_zone as date))) || ': ' || count(*)
					  from crm_deal d join people_organisation o on o.org_id = d.org_id
					 where d.status = 'WON' and d.close_date is not null and d.deleted_at is null
					 group by d.org_id, d.owner_id, cast(date_trunc('month', d.close_date) as date),
					          d.close_date - coalesce(d.engaged_on, cast(d.created_at at time zone o.time_zone as date))""" },
			"stays", new String[] {
					"select deal_id || ' ' || stage_id || ' ' || entered_at || ' ' || coalesce(left_at::text, '-') || ' ' || coalesce(later_max::text, '-') from crm_deal_stay_v",
					"""
					select h.deal_id || ' ' || h.to_stage_id || ' ' || h.changed_at || ' ' || coalesce((lead(h.changed_at) over w)::text, '-') || ' '
					       || coalesce((max(case when st.kind = 'WON' then 1000 when st.kind = 'OPEN' then st.position end)
					                    over (w rows between 1 following and unbounded following))::text, '-')
					  from crm_deal_stage_history h join playbook_stage st on st.org_id = h.org_id and st.id = h.to_stage_id
					  join crm_deal d on d.org_id = h.org_id and d.id = h.deal_id and d.deleted_at is null
					window w as (partition by h.org_id, h.deal_id order by h.changed_at, h.id)""" });

	@Autowired JdbcClient jdbc;
	@Autowired TransactionTemplate transactions;
	@Autowired DealManagement deals;
	@Autowired AccountManagement accounts;
	@Autowired RecycleBin bin;
	@Autowired Clock clock;

	@Test
	void countTablesMatchTheCrmTablesAfterEverythingTheAppWrote() {
		assertConsistent();
	}

	@Test
	void countTablesFollowEveryKindOfChange() {
		UUID org = jdbc.sql("select org_id from people_user where email = :email").param("email", Demo.OTHER_TENANT_MANAGER)
			.query(UUID.class).single();
		UUID owner = Demo.userId(jdbc, Demo.OTHER_TENANT_MANAGER);
		transactions.executeWithoutResult(status -> {
			// Three done calls and one planned call on a day nobody worked: hand-counted 3 for the day and the month.
			for (int i = 0; i < 4; i++) {
				jdbc.sql("""
						insert into crm_activity (org_id, id, type, channel, subject, occurred_at, done, owner_id, logged_by)
						values (:org, gen_random_uuid(), 'CALL', 'PHONE', 'count check', timestamptz '2019-06-14 09:00+02' + :i * interval '1 hour',
						        :done, :owner, :owner)""")
					.param("org", org).param("i", i).param("done", i < 3).param("owner", owner).update();
			}
			assertThat(jdbc.sql("select activities from crm_activity_day_v where org_id = :org and owner_id = :owner and day = date '2019-06-14'")
				.param("org", org).param("owner", owner).query(Integer.class).single()).isEqualTo(3);
			assertThat(jdbc.sql("select sum(activities) from crm_activity_month_v where org_id = :org and owner_id = :owner and month = date '2019-06-01'")
				.param("org", org).param("owner", owner).query(Integer.class).single()).isEqualTo(3);

			// Set-based changes of every column the counts read.
			jdbc.sql("update crm_activity set done = not done where org_id = :org and subject = 'count check'").param("org", org).update();
			jdbc.sql("update crm_activity set occurred_at = occurred_at - interval '40 days' where org_id = :org and id in (select id from crm_activity where org_id = :org order by id limit 50)")
				.param("org", org).update();
			jdbc.sql("update crm_activity set channel = 'EMAIL', type = 'EMAIL' where org_id = :org and id in (select id from crm_activity where org_id = :org order by id desc limit 20)")
				.param("org", org).update();
			jdbc.sql("delete from crm_activity where org_id = :org and id in (select id from crm_activity where org_id = :org order by occurred_at limit 30)")
				.param("org", org).update();
			jdbc.sql("update crm_deal set amount = coalesce(amount, 0) + 100, close_date = close_date + 3 where org_id = :org and status = 'WON'")
				.param("org", org).update();
			jdbc.sql("update crm_deal set status = 'LOST' where org_id = :org and id in (select id from crm_deal where org_id = :org and status = 'WON' order by id limit 2)")
				.param("org", org).update();
			jdbc.sql("update crm_deal set engaged_on = close_date - 17 where org_id = :org and status = 'WON'").param("org", org).update();
			jdbc.sql("delete from crm_deal where org_id = :org and id in (select id from crm_deal d where org_id = :org and not exists (select from crm_lead l where l.org_id = d.org_id and l.deal_id = d.id) order by id desc limit 3)")
				.param("org", org).update();
			jdbc.sql("delete from crm_deal_stage_history where org_id = :org and id in (select distinct on (deal_id) id from crm_deal_stage_history where org_id = :org order by deal_id, changed_at desc limit 5)")
				.param("org", org).update();
			assertConsistent();

			// The organisation moves to another time zone, and two open stages swap places.
			jdbc.sql("update people_organisation set time_zone = 'Pacific/Auckland' where org_id = :org").param("org", org).update();
			List<UUID> stages = jdbc.sql("select id from playbook_stage where org_id = :org and kind = 'OPEN' order by position limit 2")
				.param("org", org).query(UUID.class).list();
			jdbc.sql("update playbook_stage set position = case when id = :a then (select position from playbook_stage where org_id = :org and id = :b) else (select position from playbook_stage where org_id = :org and id = :a) end where org_id = :org and id in (:a, :b)")
				.param("org", org).param("a", stages.get(0)).param("b", stages.get(1)).update();
			assertConsistent();
			status.setRollbackOnly();
		});
		assertConsistent();
	}

	@Test
	void countTablesFollowTheRecycleBin() {
		CurrentUser admin = Demo.user(jdbc, Demo.OTHER_TENANT_ADMIN);
		transactions.executeWithoutResult(status -> {
			// A won deal, and an account of other deals with their activities and stage history.
			Map<String, Object> won = jdbc.sql("""
					select id, account_id, owner_id, amount, cast(date_trunc('month', close_date) as date) as month from crm_deal
					 where org_id = :org and status = 'WON' and amount > 0 order by id limit 1""")
				.param("org", admin.orgId()).query().singleRow();
			UUID account = jdbc.sql("""
					select d.account_id from crm_deal d where d.org_id = :org and d.account_id <> :won
					   and exists (select from crm_activity a where a.org_id = d.org_id and a.deal_id = d.id and a.done)
					   and not exists (select from crm_lead l where l.org_id = d.org_id and l.account_id = d.account_id)
					 order by d.id limit 1""")
				.param("org", admin.orgId()).param("won", won.get("account_id")).query(UUID.class).single();
			String month = "select won_amount || ' ' || won_deals from crm_deal_month_v where org_id = :org and owner_id = :owner and month = :month";
			BigDecimal amount = (BigDecimal) won.get("amount");
			String[] wonBefore = jdbc.sql(month).param("org", admin.orgId()).param("owner", won.get("owner_id"))
				.param("month", won.get("month")).query(String.class).single().split(" ");
			Map<String, List<String>> before = counts();

			deals.delete(admin, (UUID) won.get("id"));
			accounts.delete(admin, account);
			assertConsistent();
			Map<String, List<String>> binned = counts();
			assertThat(binned).isNotEqualTo(before);
			// The won deal's month lost exactly its amount and one won deal.
			assertThat(jdbc.sql(month).param("org", admin.orgId()).param("owner", won.get("owner_id")).param("month", won.get("month"))
				.query(String.class).single())
				.isEqualTo(new BigDecimal(wonBefore[0]).subtract(amount) + " " + (Integer.parseInt(wonBefore[1]) - 1));

			bin.restore(admin, BinKind.DEAL, (UUID) won.get("id"));
			bin.restore(admin, BinKind.ACCOUNT, account);
			assertConsistent();
			assertThat(counts()).isEqualTo(before);

			deals.delete(admin, (UUID) won.get("id"));
			accounts.delete(admin, account);
			assertThat(bin.purgeExpired(admin.orgId(), clock.instant().plus(bin.retention()).plus(Duration.ofMinutes(1))))
				.isGreaterThanOrEqualTo(2);
			assertConsistent();
			assertThat(counts()).isEqualTo(binned);
			assertThat(jdbc.sql("select count(*) from crm_deal where org_id = :org and (id = :won or account_id = :account)")
				.param("org", admin.orgId()).param("won", won.get("id")).param("account", account).query(Long.class).single()).isZero();
			status.setRollbackOnly();
		});
		assertConsistent();
	}

	/** Every count table's rows, by table. */
	private Map<String, List<String>> counts() {
		Map<String, List<String>> counts = new java.util.TreeMap<>();
		TABLES.forEach((name, queries) -> counts.put(name, jdbc.sql(queries[0]).query(String.class).list().stream().sorted().toList()));
		return counts;
	}

	private void assertConsistent() {
		TABLES.forEach((name, queries) -> {
			List<String> kept = jdbc.sql(queries[0]).query(String.class).list();
			List<String> fresh = jdbc.sql(queries[1]).query(String.class).list();
			assertThat(kept).as(name).isNotEmpty().containsExactlyInAnyOrderElementsOf(fresh);
		});
	}
}
