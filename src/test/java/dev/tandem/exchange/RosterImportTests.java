package dev.tandem.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.exchange.ExchangeTestData.Org;
import dev.tandem.goals.Measurements;
import dev.tandem.goals.Scope;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.platform.Period;
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
 * A roster as real companies bring it: managers only named in a column, people without an e-mail, no start dates
 * and the deals in a later file, imported again after an undo.
 */
@TandemIntegrationTest
class RosterImportTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired Measurements measurements;
	@Autowired JdbcClient jdbc;
	@Autowired Clock clock;

	Org org;
	String s;

	@BeforeEach
	void emptyOrganisation() {
		org = ExchangeTestData.emptyOrganisation(organisations, port);
		s = org.suffix();
	}

	@Test
	void managersNamedOnlyInTheManagerColumnAreRefusedWithoutAnEmailByDefault() {
		JsonNode job = org.upload("sales_teams.csv", csv("sales_agent,email,manager",
				"Sanne Rep,sanne@" + s + ".import.test,Mia Lead",
				"Daan Rep,daan@" + s + ".import.test,Mia Lead"));
		JsonNode report = org.check(id(job)).get("report");
		assertThat(report.get("ready").asBoolean()).isFalse();
		assertThat(report.get("problems").valueStream().map(p -> tuple(p.get("row").asInt(), p.get("column").asString(), p.get("rule").asString())))
			.containsExactly(tuple(2, "manager", "exchange.rule.manager-no-email"), tuple(3, "manager", "exchange.rule.manager-no-email"));
	}

	@Test
	void placeholderLoginsMakeManagersAndPeopleWithoutAnEmailInAnyRowOrder() {
		// Row 2 names Lars as manager before his own row (4); Mia has no row at all; Eva has no e-mail.
		JsonNode job = org.upload("sales_teams.csv", csv("sales_agent,email,manager,team",
				"Sanne Rep,sanne@" + s + ".import.test,Lars Lead,North",
				"Eva Rep,,Mia Lead,South",
				"Lars Lead,lars@" + s + ".import.test,,",
				"Daan Rep,daan@" + s + ".import.test,Mia Lead,South"));
		JsonNode mapped = org.mapValues(job, Map.of("roster", Map.of("missingEmail", "PLACEHOLDER")));
		JsonNode report = org.check(id(mapped)).get("report");
		assertThat(report.get("ready").asBoolean()).as(report.toString()).isTrue();
		assertThat(notes(report)).contains(tuple("managers", "Mia Lead", 1), tuple("placeholders", "", 2));
		// The new teams with the rows they stand on.
		assertThat(report.get("newValues").valueStream().filter(n -> n.get("category").asString().equals("team"))
			.map(n -> tuple(n.get("value").asString(), n.get("rows").asInt())))
			.containsExactlyInAnyOrder(tuple("North", 1), tuple("South", 2));
		assertThat(org.run(id(job)).get("status").asString()).isEqualTo("DONE");

		assertThat(jdbc.sql("select display_name, email, role from people_user where org_id = :org and id <> :admin order by display_name")
			.param("org", org.admin().orgId()).param("admin", org.admin().id())
			.query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3))).list())
			.containsExactly(tuple("Daan Rep", "daan@" + s + ".import.test", "REP"),
					tuple("Eva Rep", "eva.rep@placeholder.invalid", "REP"),
					tuple("Lars Lead", "lars@" + s + ".import.test", "MANAGER"),
					tuple("Mia Lead", "mia.lead@placeholder.invalid", "MANAGER"),
					tuple("Sanne Rep", "sanne@" + s + ".import.test", "REP"));
		assertThat(jdbc.sql("select t.name, u.display_name from people_team t join people_user u on u.org_id = t.org_id and u.id = t.leader_id where t.org_id = :org order by t.name")
			.param("org", org.admin().orgId()).query((rs, n) -> tuple(rs.getString(1), rs.getString(2))).list())
			.containsExactly(tuple("North", "Lars Lead"), tuple("South", "Mia Lead"));
		// Their invitations wait for the real e-mail.
		assertThat(jdbc.sql("select count(*) from people_password_link l join people_user u on u.org_id = l.org_id and u.id = l.user_id where l.org_id = :org and u.email like '%@placeholder.invalid' and l.purpose = 'INVITE'")
			.param("org", org.admin().orgId()).query(Integer.class).single()).isEqualTo(2);

		// The same file again adds nobody: Eva is found by her name.
		JsonNode again = org.mapValues(org.upload("sales_teams.csv", csv("sales_agent,email,manager,team",
				"Sanne Rep,sanne@" + s + ".import.test,Lars Lead,North", "Eva Rep,,Mia Lead,South",
				"Lars Lead,lars@" + s + ".import.test,,", "Daan Rep,daan@" + s + ".import.test,Mia Lead,South")),
				Map.of("roster", Map.of("missingEmail", "PLACEHOLDER")));
		JsonNode second = org.check(id(again)).get("report");
		assertThat(second.get("ready").asBoolean()).as(second.toString()).isTrue();
		assertThat(second.get("created").asInt()).as(second.toString()).isZero();
		assertThat(notes(second)).isEmpty();

		// The admin enters Eva's real e-mail; another person's is refused, naming the field.
		JsonNode eva = org.api().get("/api/v1/users?q=Eva").json().get("items").get(0);
		String path = "/api/v1/users/" + eva.get("id").asString();
		dev.tandem.support.ApiClient.Response taken = org.api().patch(path,
				"{\"version\":" + eva.get("version").asInt() + ",\"email\":\"daan@" + s + ".import.test\"}");
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
		dev.tandem.support.ApiClient.Response changed = org.api().patch(path,
				"{\"version\":" + eva.get("version").asInt() + ",\"email\":\"Eva@" + s + ".import.test\"}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("email").asString()).isEqualTo("eva@" + s + ".import.test");
	}

	@Test
	void aChosenStartDatesMembershipsWithoutOne() {
		JsonNode job = org.upload("roster.csv", csv("name,email,team", "Sanne Chosen,sanne@" + s + ".import.test,Inside",
				"Daan Chosen,daan@" + s + ".import.test,Inside"));
		JsonNode report = org.check(id(org.mapValues(job, Map.of("roster", Map.of("memberFrom", "2015-01-01"))))).get("report");
		assertThat(notes(report)).containsExactly(tuple("memberChosen", "2015-01-01", 2));
		assertThat(report.get("notes").get(0).get("message").asString())
			.isEqualTo("Memberships of 2 people without a start date start on 2015-01-01, the date you chose.");
		org.run(id(job));
		assertThat(jdbc.sql("select distinct valid_from from people_membership where org_id = :org").param("org", org.admin().orgId())
			.query(LocalDate.class).list()).containsExactly(LocalDate.of(2015, 1, 1));
	}

	@Test
	void dealsOfALaterImportStartTheRostersMembershipsEarlierAndUndoMovesThemBack() {
		checkAndRun(org.upload("roster.csv", csv("name,email,team", "Sanne Later,sanne@" + s + ".import.test,Inside",
				"Daan Later,daan@" + s + ".import.test,Inside", "Eva Later,eva@" + s + ".import.test,")));
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
		assertThat(starts()).containsOnly(today);

		JsonNode deals = org.upload("deals.csv", csv("title,account,owner,amount,closeDate,stage,status,createdAt",
				"Alpha,Acme,sanne@" + s + ".import.test,1000,2019-03-10,Won,WON,2019-02-01",
				"Beta,Acme,Sanne Later,500,2019-05-01,Won,WON,2019-04-01",
				"Gamma,Globex,daan@" + s + ".import.test,2000,2019-06-15,Won,WON,2019-06-01",
				// Eva is in no team: her deal counts for none, and the dry run says so.
				"Delta,Globex,eva@" + s + ".import.test,300,2019-06-20,Lost,LOST,2019-06-02"));
		JsonNode report = org.check(id(deals)).get("report");
		assertThat(report.get("ready").asBoolean()).as(report.toString()).isTrue();
		assertThat(notes(report)).containsExactlyInAnyOrder(tuple("membersMoved", "2019-02-01", 2),
				tuple("outsideTeams", "", 1));
		assertThat(report.get("newValues").valueStream().filter(n -> n.get("category").asString().equals("account"))
			.map(n -> tuple(n.get("value").asString(), n.get("rows").asInt())))
			.containsExactlyInAnyOrder(tuple("Acme", 2), tuple("Globex", 2));
		assertThat(org.run(id(deals)).get("status").asString()).isEqualTo("DONE");
		assertThat(starts()).containsExactlyInAnyOrder(LocalDate.of(2019, 2, 1), LocalDate.of(2019, 6, 1));

		UUID inside = jdbc.sql("select id from people_team where org_id = :org and name = 'Inside'").param("org", org.admin().orgId())
			.query(UUID.class).single();
		// 2019: Alpha 1000 + Beta 500 + Gamma 2000.
		Period year = Period.containing(LocalDate.of(2019, 6, 1), Period.Kind.YEAR, 1);
		assertThat(measurements.measure(org.admin().orgId(), Scope.team(inside), year, ZoneId.of("Europe/Amsterdam")).total().wonRevenue())
			.isEqualByComparingTo(new BigDecimal("3500"));

		JsonNode undone = org.api().post("/api/v1/imports/" + id(deals) + "/undo", "").json();
		assertThat(undone.get("undone").get("membershipsMoved").asInt()).isEqualTo(2);
		assertThat(undone.get("undone").get("removed").asInt()).isEqualTo(6); // 2 accounts and 4 deals
		assertThat(starts()).containsOnly(today);
	}

	@Test
	void importingAgainAfterAnUndoReactivatesThePeopleItDeactivated() {
		byte[] roster = csv("name,email,manager,team", "Mia Again,mia@" + s + ".import.test,,",
				"Sanne Again,sanne@" + s + ".import.test,Mia Again,");
		JsonNode first = org.upload("roster.csv", roster);
		checkAndRun(first);
		assertThat(active()).containsOnly(true);
		JsonNode undone = org.api().post("/api/v1/imports/" + id(first) + "/undo", "").json();
		assertThat(undone.get("undone").get("deactivated").asInt()).isEqualTo(2);
		assertThat(undone.get("undone").get("membershipsRemoved").asInt()).isEqualTo(1);
		assertThat(undone.get("undoneMessage").asString()).isEqualTo("Undone: no records removed and none set back as they were; "
				+ "1 membership removed and none moved back; 2 people deactivated (people are never deleted: their names stay on history; "
				+ "teams stay too).");
		assertThat(active()).containsOnly(false);

		JsonNode again = org.upload("roster.csv", roster);
		JsonNode report = org.check(id(again)).get("report");
		assertThat(notes(report)).containsExactlyInAnyOrder(tuple("reactivated", "", 2), tuple("membershipsAdded", "", 1));
		assertThat(org.run(id(again)).get("status").asString()).isEqualTo("DONE");
		assertThat(active()).containsOnly(true);
		assertThat(jdbc.sql("select count(*) from people_membership where org_id = :org").param("org", org.admin().orgId())
			.query(Integer.class).single()).isEqualTo(1);
		// Undoing the second import deactivates them again: it was what made them active.
		org.api().post("/api/v1/imports/" + id(again) + "/undo", "");
		assertThat(active()).containsOnly(false);
	}

	@Test
	void aZipOfPlainlyNamedFilesIsReadByItsColumnsAndDealsWithoutATitleAreNamedAfterTheirAccount() throws java.io.IOException {
		Map<String, String> files = new java.util.LinkedHashMap<>();
		files.put("sales_teams.csv", "sales_agent,email,manager,regional_office\n"
				+ "Anna Zip,anna@" + s + ".import.test,Mia Zip,Central\n"
				+ "Mia Zip,mia@" + s + ".import.test,,Central\n");
		files.put("sales_pipeline.csv", "opportunity_id,sales_agent,account,deal_stage,engage_date,close_date,close_value\n"
				+ "Z1,Anna Zip,Acme,Won,2017-01-05,2017-02-01,1200\n"
				+ "Z2,anna@" + s + ".import.test,Acme,Lost,2017-01-10,2017-03-01,0\n");
		JsonNode job = org.upload("crm-export.zip", ExchangeTestData.zip(files));
		JsonNode report = org.check(id(job)).get("report");
		assertThat(report.get("ready").asBoolean()).as(report.toString()).isTrue();
		assertThat(report.get("counts").valueStream().map(c -> tuple(c.get("kind").asString(), c.get("created").asInt())))
			.contains(tuple("USERS", 2), tuple("TEAMS", 2), tuple("ACCOUNTS", 1), tuple("DEALS", 2));
		assertThat(org.run(id(job)).get("status").asString()).isEqualTo("DONE");
		// The regional office is the parent of the manager's team; Anna's membership starts with her first deal.
		assertThat(jdbc.sql("select t.name, p.name from people_team t left join people_team p on p.org_id = t.org_id and p.id = t.parent_id where t.org_id = :org order by t.name")
			.param("org", org.admin().orgId()).query((rs, n) -> tuple(rs.getString(1), rs.getString(2))).list())
			.containsExactly(tuple("Central", null), tuple("Team Mia Zip", "Central"));
		assertThat(starts()).containsExactly(LocalDate.of(2017, 1, 5));
		assertThat(jdbc.sql("select title from crm_deal where org_id = :org order by title").param("org", org.admin().orgId())
			.query(String.class).list()).containsExactly("Acme – Z1", "Acme – Z2");
	}

	private void checkAndRun(JsonNode job) {
		assertThat(org.check(id(job)).get("report").get("ready").asBoolean()).isTrue();
		assertThat(org.run(id(job)).get("status").asString()).isEqualTo("DONE");
	}

	private List<Boolean> active() {
		return jdbc.sql("select active from people_user where org_id = :org and id <> :admin").param("org", org.admin().orgId())
			.param("admin", org.admin().id()).query(Boolean.class).list();
	}

	private List<LocalDate> starts() {
		return jdbc.sql("select valid_from from people_membership where org_id = :org").param("org", org.admin().orgId())
			.query(LocalDate.class).list();
	}

	private static List<org.assertj.core.groups.Tuple> notes(JsonNode report) {
		return report.get("notes").valueStream().map(n -> tuple(n.get("category").asString(), n.get("value").asString(), n.get("rows").asInt()))
			.toList();
	}

	private static String id(JsonNode job) {
		return job.get("id").asString();
	}

	private static byte[] csv(String header, String... rows) {
		return (header + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
	}
}
