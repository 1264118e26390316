package dev.tandem.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.tandem.exchange.ExchangeTestData.Org;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each preset on a small export written the way that CRM writes it, through the API into an empty
 * organisation: the roster first (so owners exist), then the deals, with the stages the source names
 * differently mapped by hand; closed deals keep their status, dates and a stage history.
 */
@TandemIntegrationTest
class ImportPresetsTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired PlaybookManagement playbook;
	@Autowired JdbcClient jdbc;

	Org org;

	@BeforeEach
	void organisationWithRoster() {
		org = ExchangeTestData.emptyOrganisation(organisations, port);
		JsonNode roster = org.upload("roster.csv", org.fixture("roster.csv"));
		assertThat(roster.get("kind").asString()).isEqualTo("USERS");
		JsonNode checked = org.check(roster.get("id").asString());
		assertThat(checked.get("report").get("ready").asBoolean()).as(checked.toString()).isTrue();
		assertThat(org.run(roster.get("id").asString()).get("status").asString()).isEqualTo("DONE");
	}

	@Test
	void aRosterBuildsRegionTeamAndDatedMemberships() {
		assertThat(jdbc.sql("""
				select u.display_name, u.role, t.name, p.name as region, l.display_name as leader, m.valid_from
				  from people_membership m join people_user u on u.org_id = m.org_id and u.id = m.user_id
				  join people_team t on t.org_id = m.org_id and t.id = m.team_id
				  left join people_team p on p.org_id = t.org_id and p.id = t.parent_id
				  left join people_user l on l.org_id = t.org_id and l.id = t.leader_id
				 where m.org_id = :org order by u.display_name
				""").param("org", org.admin().orgId())
			.query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, LocalDate.class)))
			.list())
			.containsExactly(tuple("Daan Imported", "REP", "Benelux Inside", "Benelux", "Marleen Import", LocalDate.of(2024, 2, 15)),
					tuple("Sanne Imported", "REP", "Benelux Inside", "Benelux", "Marleen Import", LocalDate.of(2024, 2, 1)));
		assertThat(jdbc.sql("select role from people_user where org_id = :org and email = 'marleen@' || :suffix || '.import.test'")
			.param("org", org.admin().orgId()).param("suffix", org.suffix()).query(String.class).single()).isEqualTo("MANAGER");
	}

	@Test
	void salesforceOpportunitiesKeepWonAndLostWithTheirDatesAndHistory() {
		JsonNode job = org.upload("salesforce-opportunities.csv", org.fixture("salesforce-opportunities.csv"));
		assertThat(job.get("settings").get("preset").asString()).isEqualTo("SALESFORCE");
		assertThat(job.get("settings").get("columns").get("title").asString()).isEqualTo("Opportunity Name");
		JsonNode checked = org.check(job.get("id").asString());
		assertThat(unmatched(checked)).containsExactlyInAnyOrder("stage:Negotiation/Review", "stage:Prospecting");
		JsonNode mapped = org.mapValues(checked, Map.of("stage", Map.of("Negotiation/Review", stage("Negotiation"),
				"Prospecting", stage("New lead"))));
		JsonNode ready = org.check(mapped.get("id").asString());
		assertThat(ready.get("report").get("ready").asBoolean()).as(ready.toString()).isTrue();
		assertThat(ready.get("report").get("created").asInt()).isEqualTo(6);
		JsonNode done = org.run(job.get("id").asString());
		assertThat(done.get("status").asString()).isEqualTo("DONE");
		assertThat(deals()).containsExactly(
				tuple("Fleet tracking", "Brouwer Transport", "Sanne Imported", new BigDecimal("52000.00"), LocalDate.of(2024, 9, 30), "Negotiation", "OPEN", "OUTBOUND"),
				tuple("Pilot extension", "Acme Logistics", "Daan Imported", new BigDecimal("8000.00"), LocalDate.of(2024, 4, 30), "Lost", "LOST", "PARTNER"),
				tuple("Rollout 2024", "Acme Logistics", "Sanne Imported", new BigDecimal("24500.00"), LocalDate.of(2024, 3, 28), "Won", "WON", "INBOUND"),
				tuple("Warehouse scanners", "Brouwer Transport", "Daan Imported", null, LocalDate.of(2024, 10, 15), "New lead", "OPEN", "INBOUND"));
		assertThat(history("Rollout 2024")).containsExactly("New lead@2024-01-15", "New lead>Won@2024-03-28");
		assertThat(history("Fleet tracking")).containsExactly("Negotiation@2024-06-10");
	}

	@Test
	void hubspotDealsWithSemicolonsCommaDecimalsAndQuotedFields() {
		JsonNode job = org.upload("hubspot-deals.csv", org.fixture("hubspot-deals.csv"));
		assertThat(job.get("settings").get("preset").asString()).isEqualTo("HUBSPOT");
		JsonNode checked = org.check(job.get("id").asString());
		assertThat(unmatched(checked)).containsExactly("stage:Presentation Scheduled");
		org.check(org.mapValues(checked, Map.of("stage", Map.of("Presentation Scheduled", stage("Demo")))).get("id").asString());
		assertThat(org.run(job.get("id").asString()).get("status").asString()).isEqualTo("DONE");
		assertThat(deals()).containsExactly(
				tuple("Cloud migration; phase 1", "De Vries Bouw", "Sanne Imported", new BigDecimal("12500.50"), LocalDate.of(2024, 5, 31), "Won", "WON", "INBOUND"),
				tuple("Helpdesk", "Jansen Zorg", "Sanne Imported", new BigDecimal("7250.00"), LocalDate.of(2024, 6, 15), "Lost", "LOST", "INBOUND"),
				tuple("Support contract", "De Vries Bouw", "Daan Imported", new BigDecimal("3000.00"), LocalDate.of(2024, 11, 30), "Demo", "OPEN", "INBOUND"));
	}

	@Test
	void pipedriveDealsTakeStatusAndWonAndLostTimesBesideTheStage() {
		JsonNode job = org.upload("pipedrive-deals.csv", org.fixture("pipedrive-deals.csv"));
		assertThat(job.get("settings").get("preset").asString()).isEqualTo("PIPEDRIVE");
		JsonNode checked = org.check(job.get("id").asString());
		assertThat(unmatched(checked)).containsExactlyInAnyOrder("stage:Proposal Made", "stage:Qualified", "stage:Negotiations Started");
		org.check(org.mapValues(checked, Map.of("stage", Map.of("Proposal Made", stage("Proposal"), "Qualified", stage("Needs analysis"),
				"Negotiations Started", "create"))).get("id").asString());
		assertThat(org.run(job.get("id").asString()).get("status").asString()).isEqualTo("DONE");
		assertThat(deals()).containsExactly(
				tuple("Battery storage", "Zon & Co", "Daan Imported", new BigDecimal("9500.00"), LocalDate.of(2024, 5, 31), "Lost", "LOST", "INBOUND"),
				tuple("Heat pumps", "Warmte BV", "Sanne Imported", new BigDecimal("30500.00"), LocalDate.of(2024, 12, 15), "Negotiations Started", "OPEN", "INBOUND"),
				tuple("Solar panels", "Zon & Co", "Sanne Imported", new BigDecimal("18000.00"), LocalDate.of(2024, 4, 30), "Won", "WON", "INBOUND"));
		assertThat(history("Solar panels")).containsExactly("Proposal@2024-01-20", "Proposal>Won@2024-04-22");
		assertThat(history("Battery storage")).containsExactly("Needs analysis@2024-02-02", "Needs analysis>Lost@2024-05-10");
		assertThat(jdbc.sql("select lost_reason from crm_deal where org_id = :org and title = 'Battery storage'")
			.param("org", org.admin().orgId()).query(String.class).single()).isEqualTo("Price too high");
	}

	private List<String> unmatched(JsonNode job) {
		return job.get("report").get("unmatched").valueStream()
			.map(u -> u.get("category").asString() + ":" + u.get("value").asString()).toList();
	}

	private String stage(String name) {
		return playbook.defaultPipeline(org.admin().orgId()).stages().stream().filter(s -> s.name().equals(name)).findFirst()
			.orElseThrow().id().toString();
	}

	private List<org.assertj.core.groups.Tuple> deals() {
		return jdbc.sql("""
				select d.title, a.name as account, u.display_name as owner, d.amount, d.close_date, s.name as stage, d.status, d.source
				  from crm_deal d join crm_account a on a.org_id = d.org_id and a.id = d.account_id
				  join people_user u on u.org_id = d.org_id and u.id = d.owner_id
				  join playbook_stage s on s.org_id = d.org_id and s.id = d.stage_id
				 where d.org_id = :org order by d.title
				""").param("org", org.admin().orgId())
			.query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
					rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	/** The deal's stage history as {@code from>to@day} (day in Amsterdam), oldest first. */
	private List<String> history(String title) {
		return jdbc.sql("""
				select f.name as from_stage, t.name as to_stage, (h.changed_at at time zone 'Europe/Amsterdam')::date as day
				  from crm_deal_stage_history h join crm_deal d on d.org_id = h.org_id and d.id = h.deal_id
				  left join playbook_stage f on f.org_id = h.org_id and f.id = h.from_stage_id
				  join playbook_stage t on t.org_id = h.org_id and t.id = h.to_stage_id
				 where h.org_id = :org and d.title = :title order by h.changed_at
				""").param("org", org.admin().orgId()).param("title", title)
			.query((rs, n) -> (rs.getString(1) == null ? "" : rs.getString(1) + ">") + rs.getString(2) + "@" + rs.getObject(3, LocalDate.class))
			.list();
	}

}
