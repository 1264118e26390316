package dev.tandem.insight;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's story on 1 January at half past midnight: the first hour of a month, a quarter and a year, before
 * anyone has worked in them, when every running period is still empty.
 */
@TestPropertySource(properties = "tandem.test.clock=2027-01-01T00:30:00+01:00")
class DemoStoryOnNewYearsDayTests extends DemoStoryTests {

	@Test
	void everyDemoDealPastTheBuyingGroupStageHasItsBudgetOwner() {
		// "Budget owner known" is met by an economic buyer in the buying group, so a deal that went past the stage
		// that asks for it has one; the demo is checked in a context of its own, since other tests change deals in the shared one.
		long past = jdbc.sql("""
				select count(*) from crm_deal d
				  join playbook_stage s on s.org_id = d.org_id and s.id = d.stage_id
				  join playbook_stage mapped on mapped.org_id = s.org_id and mapped.pipeline_id = s.pipeline_id
				                            and mapped.name = 'Buying group mapped'
				 where s.position > mapped.position and d.created_at < :started
				""").param("started", java.sql.Timestamp.from(started())).query(Long.class).single();
		long without = jdbc.sql("""
				select count(*) from crm_deal d
				  join playbook_stage s on s.org_id = d.org_id and s.id = d.stage_id
				  join playbook_stage mapped on mapped.org_id = s.org_id and mapped.pipeline_id = s.pipeline_id
				                            and mapped.name = 'Buying group mapped'
				 where s.position > mapped.position and s.kind = 'OPEN' and d.created_at < :started and d.stage_entered_at < :started
				   and not exists (select 1 from exchange_import_record r where r.org_id = d.org_id and r.record_id = d.id)
				   and not exists (select 1 from crm_stakeholder k where k.org_id = d.org_id and k.deal_id = d.id and k.role = 'ECONOMIC_BUYER')
				""").param("started", java.sql.Timestamp.from(started())).query(Long.class).single();
		assertThat(past).isGreaterThan(100);
		assertThat(without).isZero();
	}
}
