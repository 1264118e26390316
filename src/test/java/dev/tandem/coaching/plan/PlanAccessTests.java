package dev.tandem.coaching.plan;

import java.util.Map;

import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coaching and growth plans of the demo as every role, through the API and the pages: the person, their line (Brigitte,
 * Suzanne above her) and the admin see them; a colleague, another team's manager and a partner do not, not even their
 * number in a list.
 */
@TandemIntegrationTest
class PlanAccessTests {

	@LocalServerPort int port;

	@Test
	void liamsCoachingPlanIsForLiamHisLineAndAdminsOnly() {
		String id = planOf(ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD), "/api/v1/coaching-plans", "Liam Mulder");
		String path = "/api/v1/coaching-plans/" + id;
		for (String email : new String[] { "liam@northwind.demo", Demo.MANAGER, Demo.EXECUTIVE, Demo.ADMIN }) {
			ApiClient.Response response = ApiClient.as(port, email, Demo.PASSWORD).get(path);
			assertThat(response.status()).as(email).isEqualTo(200);
			assertThat(response.json().get("metric").asString()).isEqualTo("ATTAINMENT");
			assertThat(response.json().get("checkIns").size()).as(email).isEqualTo(2);
		}
		for (String email : new String[] { "daan@northwind.demo", "mark@northwind.demo", Demo.OTHER_TENANT_ADMIN }) {
			ApiClient client = ApiClient.as(port, email, Demo.PASSWORD);
			assertThat(client.get(path).status()).as(email).isEqualTo(404);
			assertThat(client.post(path + "/check-ins", "{\"note\":\"Peek\"}").status()).as(email).isEqualTo(404);
			assertThat(client.get("/api/v1/coaching-plans").body()).as(email).doesNotContain(id).doesNotContain("Liam");
		}
		assertThat(ApiClient.as(port, "kim@northwind.demo", Demo.PASSWORD).get(path).status()).isEqualTo(403);
		WebSession daan = WebSession.signedIn(port, "daan@northwind.demo", Demo.PASSWORD);
		assertThat(daan.get("/coaching/plans/" + id).statusCode()).isEqualTo(404);
		assertThat(daan.get("/coaching/plans").body()).doesNotContain("Liam Mulder");
		WebSession suzanne = WebSession.signedIn(port, Demo.EXECUTIVE, Demo.PASSWORD);
		assertThat(suzanne.get("/coaching/plans/" + id).body()).contains("Back to target: sliding");
	}

	@Test
	void brigittesGrowthPlanIsForHerSuzanneAndAdminsOnly() {
		String id = planOf(ApiClient.as(port, Demo.EXECUTIVE, Demo.PASSWORD), "/api/v1/growth-plans", "Brigitte Janssens");
		String path = "/api/v1/growth-plans/" + id;
		for (String email : new String[] { Demo.MANAGER, Demo.EXECUTIVE, Demo.ADMIN }) {
			ApiClient.Response response = ApiClient.as(port, email, Demo.PASSWORD).get(path);
			assertThat(response.status()).as(email).isEqualTo(200);
			assertThat(response.json().get("title").asString()).isEqualTo("Managing sideways");
			assertThat(response.json().get("goals").size()).isEqualTo(5);
		}
		for (String email : new String[] { Demo.REP, "mark@northwind.demo", "fatima@northwind.demo" }) {
			ApiClient client = ApiClient.as(port, email, Demo.PASSWORD);
			assertThat(client.get(path).status()).as(email).isEqualTo(404);
			assertThat(client.get("/api/v1/growth-plans").body()).as(email).doesNotContain(id);
		}
		assertThat(ApiClient.as(port, "kim@northwind.demo", Demo.PASSWORD).get(path).status()).isEqualTo(403);
		WebSession sanne = WebSession.signedIn(port, Demo.REP, Demo.PASSWORD);
		assertThat(sanne.get("/coaching/growth-plans/" + id).statusCode()).isEqualTo(404);
		WebSession brigitte = WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD);
		assertThat(brigitte.get("/coaching/growth-plans/" + id).body()).contains("Managing sideways").contains("Marketing");
	}

	@Test
	void aRepCannotStartAPlanForAColleagueAndAManagerStartsOneOnceWithAnIdempotencyKey() {
		ApiClient brigitte = ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD);
		String emma = idOf(brigitte, "Emma de Boer");
		String body = "{\"personId\":\"" + emma + "\",\"focus\":\"More demos\",\"metric\":\"ACTIVITIES_PER_WEEK\","
				+ "\"activityType\":\"DEMO\",\"target\":3,\"startsOn\":\"2026-11-01\",\"endsOn\":\"2027-01-31\"}";
		ApiClient.Response refused = ApiClient.as(port, Demo.REP, Demo.PASSWORD).language("en").post("/api/v1/coaching-plans", body);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("personId").contains("in your line");
		ApiClient.Response first = brigitte.post("/api/v1/coaching-plans", body, "Idempotency-Key", "emma-demos");
		assertThat(first.status()).isEqualTo(201);
		ApiClient.Response again = brigitte.post("/api/v1/coaching-plans", body, "Idempotency-Key", "emma-demos");
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		// 1 November to 31 January is 92 days; the baseline is the 92 days before: from 1 August.
		assertThat(first.json().get("baselineFrom").asString()).isEqualTo("2026-08-01");
		ApiClient.Response bad = brigitte.language("nl").post("/api/v1/coaching-plans",
				body.replace("2027-01-31", "2026-10-01").replace("\"target\":3,", ""));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("endsOn").contains("moet na de start liggen").contains("target");
	}

	@Test
	void aCheckInThroughHtmxAnswersTheCheckInsFragment() {
		WebSession brigitte = WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD);
		String id = planOf(ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD), "/api/v1/coaching-plans", "Sanne Bakker");
		var response = brigitte.post("/coaching/plans/" + id + "/check-ins", Map.of("note", "Asked for the decision twice this week"),
				Map.of("HX-Request", "true"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("id=\"check-ins\"").contains("Asked for the decision twice this week")
			.doesNotContain("<html");
		var refused = brigitte.post("/coaching/plans/" + id + "/check-ins", Map.of("note", " "), Map.of("HX-Request", "true"));
		assertThat(refused.body()).contains("field-error");
	}

	private static String planOf(ApiClient client, String path, String name) {
		for (JsonNode plan : client.get(path).json().get("items")) {
			if (plan.get("personName").asString().equals(name)) {
				return plan.get("id").asString();
			}
		}
		throw new AssertionError("no plan of " + name);
	}

	private static String idOf(ApiClient client, String name) {
		for (JsonNode user : client.get("/api/v1/users?limit=200").json().get("items")) {
			if (user.get("displayName").asString().equals(name)) {
				return user.get("id").asString();
			}
		}
		throw new AssertionError("no user " + name);
	}
}
