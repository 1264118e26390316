package dev.tandem.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.goals.Measurements;
import dev.tandem.goals.Measures;
import dev.tandem.goals.Scope;
import dev.tandem.insight.persistence.RecordQueries;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insight API on the demo organisation: who may see which dashboard, the shape of the answers, and the
 * records behind a number being exactly the ones it counts.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightApiTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired Measurements measurements;
	@Autowired RecordQueries records;
	@Autowired Visibility visibility;

	UUID inside;
	UUID enterprise;
	UUID sanne;
	UUID daan;
	UUID thomas;
	Map<String, ApiClient> api;

	@BeforeAll
	void signIn() {
		inside = Demo.teamId(jdbc, "Inside Sales");
		enterprise = Demo.teamId(jdbc, "Enterprise");
		sanne = Demo.userId(jdbc, Demo.REP);
		daan = Demo.userId(jdbc, "daan@northwind.demo");
		thomas = Demo.userId(jdbc, "thomas@northwind.demo");
		api = Map.of("sanne", ApiClient.as(port, Demo.REP, Demo.PASSWORD), "brigitte", ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD),
				"suzanne", ApiClient.as(port, Demo.EXECUTIVE, Demo.PASSWORD), "admin", ApiClient.as(port, Demo.ADMIN, Demo.PASSWORD),
				"zuidwind", ApiClient.as(port, Demo.OTHER_TENANT_MANAGER, Demo.PASSWORD));
	}

	@Test
	void aRepSeesHerOwnDashboardAndHerTeamsAggregatesButNoColleaguesDashboard() {
		ApiClient rep = api.get("sanne");
		assertThat(rep.get("/api/v1/insight/users/" + sanne + "/summary").status()).isEqualTo(200);
		assertThat(rep.get("/api/v1/insight/users/" + daan + "/summary").status()).isEqualTo(404);
		assertThat(rep.get("/api/v1/insight/users/" + daan + "/funnel").status()).isEqualTo(404);
		assertThat(rep.get("/api/v1/insight/teams/" + inside + "/summary").status()).isEqualTo(200);
		assertThat(rep.get("/api/v1/insight/teams/" + enterprise + "/summary").status()).isEqualTo(404);
		JsonNode people = rep.get("/api/v1/insight/teams/" + inside + "/people").json().get("items");
		assertThat(people).singleElement().satisfies(p -> assertThat(p.get("userId").asString()).isEqualTo(sanne.toString()));
		String year = Period.containing(visibility.today(Demo.user(jdbc, Demo.MANAGER).orgId()), Period.Kind.YEAR, 1).previous().key();
		JsonNode funnel = rep.get("/api/v1/insight/teams/" + inside + "/funnel?period=" + year).json();
		assertThat(funnel.get("members")).isNotEmpty().allSatisfy(m -> assertThat(m.get("userId").asString()).isEqualTo(sanne.toString()));
		assertThat(rep.get("/api/v1/insight/teams/" + inside + "/coaching").json().get("items")).isEmpty();
	}

	@Test
	void aManagerSeesHerSubtreeAndTheHeadOfSalesEverything() {
		assertThat(api.get("brigitte").get("/api/v1/insight/users/" + sanne + "/summary").status()).isEqualTo(200);
		assertThat(api.get("brigitte").get("/api/v1/insight/users/" + thomas + "/summary").status()).isEqualTo(404);
		assertThat(api.get("brigitte").get("/api/v1/insight/teams/" + enterprise + "/summary").status()).isEqualTo(404);
		assertThat(api.get("brigitte").get("/api/v1/insight/teams/" + inside + "/people").json().get("items").size()).isEqualTo(7);
		for (String who : List.of("suzanne", "admin")) {
			assertThat(api.get(who).get("/api/v1/insight/users/" + thomas + "/summary").status()).as(who).isEqualTo(200);
			assertThat(api.get(who).get("/api/v1/insight/teams/" + enterprise + "/summary").status()).as(who).isEqualTo(200);
		}
		JsonNode overview = api.get("suzanne").get("/api/v1/insight/overview").json().get("items");
		List<String> teams = new ArrayList<>();
		overview.forEach(t -> teams.add(t.get("name").asString()));
		assertThat(teams).containsExactlyInAnyOrder("Inside Sales", "Enterprise", "Mid-Market");
		assertThat(api.get("zuidwind").get("/api/v1/insight/teams/" + inside + "/summary").status()).isEqualTo(404);
		assertThat(api.get("zuidwind").get("/api/v1/insight/users/" + sanne + "/summary").status()).isEqualTo(404);
	}

	@Test
	void theSummaryAndFunnelAnswerWithEveryNumberTheIssueNames() {
		// The last completed quarter, which has goals whatever day the demo was made.
		String quarter = Period.containing(visibility.today(Demo.user(jdbc, Demo.MANAGER).orgId()), Period.Kind.QUARTER, 1).previous().key();
		JsonNode summary = api.get("brigitte").get("/api/v1/insight/teams/" + inside + "/summary?period=" + quarter).json();
		for (String field : List.of("wonRevenue", "wonDeals", "lostDeals", "winRate", "averageDealSize", "salesCycleDays", "activities",
				"hygieneScore", "goals", "previous", "yearEarlier")) {
			assertThat(summary.has(field)).as(field).isTrue();
		}
		assertThat(summary.get("period").asString()).isEqualTo(quarter);
		assertThat(summary.get("goals")).isNotEmpty().allSatisfy(g -> {
			for (String field : List.of("target", "actual", "attainment", "pace", "projection")) {
				assertThat(g.has(field)).as(field).isTrue();
			}
		});
		long won = summary.get("wonDeals").asLong();
		long lost = summary.get("lostDeals").asLong();
		assertThat(summary.get("winRate").asDouble()).isEqualTo((double) won / (won + lost));
		JsonNode funnel = api.get("brigitte").get("/api/v1/insight/teams/" + inside + "/funnel?period=" + quarter).json();
		assertThat(funnel.get("stages")).hasSize(7).allSatisfy(s -> {
			for (String field : List.of("entered", "advanced", "conversion", "medianDaysInStage")) {
				assertThat(s.has(field)).as(field).isTrue();
			}
			assertThat(s.get("advanced").asLong()).isLessThanOrEqualTo(s.get("entered").asLong());
		});
		assertThat(funnel.get("members").size()).isGreaterThanOrEqualTo(6);
	}

	@Test
	void theRecordsBehindANumberAreExactlyTheOnesItCounts() {
		CurrentUser brigitte = Demo.user(jdbc, Demo.MANAGER);
		java.time.ZoneId zone = java.time.ZoneId.of("Europe/Amsterdam");
		Period lastMonth = Period.containing(visibility.today(brigitte.orgId()), Period.Kind.MONTH, 1).previous();
		Measures team = measurements.measure(brigitte.orgId(), Scope.team(inside), lastMonth, zone).total();
		RecordQueries.Window all = RecordQueries.Window.ALL;
		RecordQueries.Page<RecordQueries.DealLine> won = records.deals(brigitte.orgId(), Scope.team(inside), null, lastMonth, zone,
				RecordQueries.DealSet.WON, all);
		assertThat(won.items()).hasSize((int) team.wonDeals());
		assertThat(won.total()).isEqualTo(team.wonDeals());
		assertThat(won.items().stream().map(RecordQueries.DealLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(team.wonRevenue());
		assertThat(won.amount()).isEqualByComparingTo(team.wonRevenue());
		assertThat(records.deals(brigitte.orgId(), Scope.team(inside), null, lastMonth, zone, RecordQueries.DealSet.CLOSED, all).items())
			.hasSize((int) (team.wonDeals() + team.lostDeals()));
		UUID liam = Demo.userId(jdbc, "liam@northwind.demo");
		Measures rep = measurements.measure(brigitte.orgId(), Scope.user(liam), lastMonth, zone).total();
		assertThat(records.activities(brigitte.orgId(), Scope.user(liam), null, lastMonth, zone, List.of(), all).items())
			.hasSize((int) rep.activities());
		assertThat(records.leads(brigitte.orgId(), Scope.user(liam), null, lastMonth, zone, true, all).items())
			.hasSize((int) rep.leadsQualified());
	}

	@Test
	void aPeriodThatIsNoPeriodIsRefusedNamingTheField() {
		ApiClient.Response response = api.get("brigitte").language("nl").get("/api/v1/insight/teams/" + inside + "/summary?period=2026-13");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("period").contains("is geen periode");
	}
}
