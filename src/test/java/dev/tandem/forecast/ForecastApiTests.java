package dev.tandem.forecast;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

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
 * The forecast API on the demo organisation: who sees which forecast as every role, the figures a forecast call
 * needs, a submission and an adjustment over HTTP with a stale adjustment refused, and the demo's history giving
 * accuracy, bias and a backtest on first start.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastApiTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired java.time.Clock clock;

	UUID northwind;
	UUID inside;
	UUID enterprise;
	UUID sanne;
	UUID liam;
	UUID daan;
	Map<String, ApiClient> api = new LinkedHashMap<>();

	@BeforeAll
	void signIn() {
		northwind = Demo.teamId(jdbc, "Northwind Sales");
		inside = Demo.teamId(jdbc, "Inside Sales");
		enterprise = Demo.teamId(jdbc, "Enterprise");
		sanne = Demo.userId(jdbc, Demo.REP);
		liam = Demo.userId(jdbc, "liam@northwind.demo");
		daan = Demo.userId(jdbc, "daan@northwind.demo");
		for (String[] who : new String[][] { { "admin", Demo.ADMIN }, { "suzanne", Demo.EXECUTIVE }, { "brigitte", Demo.MANAGER },
				{ "fatima", "fatima@northwind.demo" }, { "sanne", Demo.REP }, { "liam", "liam@northwind.demo" },
				{ "ahmed", "ahmed@northwind.demo" }, { "zuidwind", Demo.OTHER_TENANT_MANAGER } }) {
			api.put(who[0], ApiClient.as(port, who[1], Demo.PASSWORD));
		}
	}

	@Test
	void everyRoleSeesTheForecastsItMay() {
		String team = "/api/v1/forecast/teams/" + inside;
		String rep = "/api/v1/forecast/users/" + sanne;
		Map<String, int[]> expected = Map.of(
				"admin", new int[] { 200, 200 },
				"suzanne", new int[] { 200, 200 },
				"brigitte", new int[] { 200, 200 },
				"fatima", new int[] { 404, 404 },
				"sanne", new int[] { 404, 200 },
				"liam", new int[] { 404, 404 },
				"ahmed", new int[] { 403, 403 }, // a partner: the role is refused the forecasts before any is looked up
				"zuidwind", new int[] { 404, 404 });
		expected.forEach((who, status) -> {
			assertThat(api.get(who).get(team).status()).as(who + " on the team").isEqualTo(status[0]);
			assertThat(api.get(who).get(rep).status()).as(who + " on Sanne").isEqualTo(status[1]);
		});
		assertThat(api.get("brigitte").get("/api/v1/forecast/teams/" + enterprise).status()).isEqualTo(404);
		assertThat(api.get("suzanne").get("/api/v1/forecast/teams/" + northwind).status()).isEqualTo(200);
		assertThat(api.get("sanne").get("/api/v1/forecast/accuracy?userId=" + liam).status()).isEqualTo(404);
		assertThat(api.get("sanne").get("/api/v1/forecast/backtest").status()).isEqualTo(404);
		assertThat(api.get("liam").get("/api/v1/forecast/change?userId=" + sanne).status()).isEqualTo(404);
		assertThat(api.get("zuidwind").get("/api/v1/forecast/submissions?userId=" + sanne).status()).isEqualTo(404);
	}

	@Test
	void aForecastHoldsWhatTheCallNeedsAndTheTeamAddsUpItsLevels() {
		JsonNode team = api.get("suzanne").get("/api/v1/forecast/teams/" + inside).json();
		for (String field : new String[] { "goal", "won", "commit", "bestCase", "pipeline", "submitted", "adjusted", "statistical",
				"children" }) {
			assertThat(team.has(field)).as(field).isTrue();
		}
		JsonNode statistical = team.get("statistical");
		assertThat(statistical.get("p10").asDouble()).isLessThanOrEqualTo(statistical.get("p50").asDouble());
		assertThat(statistical.get("p50").asDouble()).isLessThanOrEqualTo(statistical.get("p90").asDouble());
		assertThat(statistical.get("p10").asDouble()).isGreaterThanOrEqualTo(team.get("won").asDouble());
		BigDecimal commit = BigDecimal.ZERO;
		BigDecimal won = BigDecimal.ZERO;
		for (JsonNode child : team.get("children")) {
			commit = commit.add(child.get("commit").decimalValue());
			won = won.add(child.get("won").decimalValue());
		}
		// The roll-up adds up what each level counts for; the team counts it until its leader submits.
		assertThat(team.get("rollup").get("commit").decimalValue()).isEqualByComparingTo(commit);
		JsonNode said = team.get("submitted");
		assertThat(team.get("commit").decimalValue()).isEqualByComparingTo(said.isNull() ? commit
				: said.get("adjustment").isNull() ? said.get("commit").decimalValue() : said.get("adjustment").get("commit").decimalValue());
		assertThat(team.get("won").decimalValue()).isEqualByComparingTo(won);
		// Brigitte counts 78% of Sanne's word, with her reason; the original stays.
		JsonNode sanneNode = child(team, sanne);
		assertThat(sanneNode.get("adjusted").get("reason").asString()).contains("78%");
		assertThat(sanneNode.get("adjusted").get("commit").decimalValue())
			.isLessThan(sanneNode.get("submitted").get("commit").decimalValue());
		assertThat(sanneNode.get("commit").decimalValue()).isEqualByComparingTo(sanneNode.get("adjusted").get("commit").decimalValue());

		JsonNode own = api.get("sanne").get("/api/v1/forecast/users/" + sanne).json();
		assertThat(own.get("deals").isArray()).isTrue();
		for (JsonNode deal : own.get("deals")) {
			assertThat(deal.get("probability").asDouble()).isBetween(0.0, 1.0);
		}
	}

	@Test
	void aRepSubmitsTheManagerAdjustsAndAStaleAdjustmentIsRefused() {
		String next = YearMonth.now(clock.withZone(ZoneId.of("Europe/Amsterdam"))).plusMonths(1).toString();
		ApiClient liamApi = api.get("liam");
		ApiClient.Response bad = liamApi.language("nl").post("/api/v1/forecast/submissions",
				"{\"period\":\"" + next + "\",\"commit\":9000,\"bestCase\":8000}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"bestCase\"").contains("minstens de commit");
		assertThat(liamApi.post("/api/v1/forecast/submissions", "{\"teamId\":\"" + inside + "\",\"period\":\"" + next
				+ "\",\"commit\":1,\"bestCase\":1}").status()).isEqualTo(404);

		ApiClient.Response submitted = liamApi.post("/api/v1/forecast/submissions",
				"{\"period\":\"" + next + "\",\"commit\":9000,\"bestCase\":12000,\"note\":\"Two renewals\"}");
		assertThat(submitted.status()).isEqualTo(201);
		String id = submitted.json().get("id").asString();
		assertThat(submitted.json().get("revision").asInt()).isEqualTo(1);

		ApiClient brigitte = api.get("brigitte");
		// Liam sees his own submission but cannot adjust it.
		ApiClient.Response own = liamApi.language("en").post("/api/v1/forecast/submissions/" + id + "/adjustments",
				"{\"commit\":1,\"bestCase\":1,\"reason\":\"mine\"}");
		assertThat(own.status()).isEqualTo(400);
		assertThat(own.body()).contains("\"field\":\"submissionId\"").contains("people and teams you lead");
		ApiClient.Response noReason = brigitte.language("en").post("/api/v1/forecast/submissions/" + id + "/adjustments",
				"{\"commit\":7000,\"bestCase\":10000}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("\"field\":\"reason\"").contains("say why");
		ApiClient.Response adjusted = brigitte.post("/api/v1/forecast/submissions/" + id + "/adjustments",
				"{\"commit\":7000,\"bestCase\":10000,\"reason\":\"One renewal moves to the quarter after\"}");
		assertThat(adjusted.status()).isEqualTo(201);
		String adjustment = adjusted.json().get("adjustment").get("id").asString();
		assertThat(adjusted.json().get("commit").asInt()).isEqualTo(9000);
		assertThat(adjusted.json().get("adjustment").get("commit").asInt()).isEqualTo(7000);

		// Suzanne read the submission before Brigitte's adjustment: hers is refused, naming Brigitte.
		ApiClient.Response stale = api.get("suzanne").post("/api/v1/forecast/submissions/" + id + "/adjustments",
				"{\"commit\":6000,\"bestCase\":9000,\"reason\":\"Careful\"}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("Brigitte Janssens");
		assertThat(api.get("suzanne").post("/api/v1/forecast/submissions/" + id + "/adjustments",
				"{\"commit\":6000,\"bestCase\":9000,\"reason\":\"Careful\",\"seenAdjustmentId\":\"" + adjustment + "\"}").status())
			.isEqualTo(201);
		JsonNode history = brigitte.get("/api/v1/forecast/submissions/" + id + "/adjustments").json().get("items");
		assertThat(history).extracting(a -> a.get("commit").asInt()).containsExactly(6000, 7000);
		JsonNode liamNode = child(brigitte.get("/api/v1/forecast/teams/" + inside + "?period=" + next).json(), liam);
		assertThat(liamNode.get("commit").asInt()).isEqualTo(6000);
		assertThat(liamNode.get("submitted").get("note").asString()).isEqualTo("Two renewals");
	}

	@Test
	void theDemoHistoryGivesAccuracyBiasAndABacktest() {
		// The demo's story: Sanne says too much, Daan too little.
		JsonNode sanneAccuracy = api.get("brigitte").get("/api/v1/forecast/accuracy?userId=" + sanne).json();
		assertThat(sanneAccuracy.get("bias").asDouble()).isGreaterThan(0.15);
		assertThat(sanneAccuracy.get("periods")).hasSize(6);
		assertThat(api.get("brigitte").get("/api/v1/forecast/accuracy?userId=" + daan).json().get("bias").asDouble()).isLessThan(0);
		JsonNode teamAccuracy = api.get("suzanne").get("/api/v1/forecast/accuracy?teamId=" + northwind + "&kind=MONTH&count=3").json();
		assertThat(teamAccuracy.get("periods")).hasSize(3);
		assertThat(teamAccuracy.get("accuracy").asDouble()).isBetween(0.0, 1.0);
		assertThat(api.get("suzanne").get("/api/v1/forecast/accuracy?teamId=" + northwind + "&count=99").status()).isEqualTo(400);

		JsonNode backtest = api.get("suzanne").get("/api/v1/forecast/backtest").json();
		assertThat(backtest.get("months")).hasSize(12);
		// What docs/forecasting.md claims: the statistical forecast is closer than stage weighting, and less biased.
		assertThat(backtest.get("statisticalError").asDouble()).isLessThan(backtest.get("naiveError").asDouble());
		assertThat(Math.abs(backtest.get("statisticalBias").asDouble())).isLessThan(Math.abs(backtest.get("naiveBias").asDouble()));
		for (JsonNode month : backtest.get("months")) {
			assertThat(month.get("statistical").get("p10").asDouble()).isLessThanOrEqualTo(month.get("statistical").get("p90").asDouble());
		}
	}

	@Test
	void snapshotsAreTakenByManagersOnly() {
		assertThat(api.get("sanne").post("/api/v1/forecast/snapshots", "{}").status()).isEqualTo(403);
		ApiClient.Response taken = api.get("brigitte").post("/api/v1/forecast/snapshots", "{}");
		assertThat(taken.status()).isEqualTo(201);
		UUID id = UUID.fromString(taken.json().get("id").asString());
		Integer deals = jdbc.sql("select count(*) from forecast_snapshot_deal where snapshot_id = :id").param("id", id).query(Integer.class)
			.single();
		Integer openInNorthwind = jdbc.sql("""
				select count(*) from crm_deal d where d.status = 'OPEN'
				   and d.org_id = (select org_id from people_user where email = 'brigitte@northwind.demo')
				""").query(Integer.class).single();
		// Every deal open in the organisation now, as it stands.
		assertThat(deals).isEqualTo(openInNorthwind);
	}

	private static JsonNode child(JsonNode team, UUID userId) {
		for (JsonNode child : team.get("children")) {
			if (userId.toString().equals(child.get("userId").asString(null))) {
				return child;
			}
		}
		throw new AssertionError("no " + userId + " in " + team.get("name"));
	}
}
