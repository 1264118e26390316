package dev.tandem.goals;

import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goal agreement over HTTP: a rep proposes, the manager counter-proposes, a stale answer is refused with
 * 409 and the rep accepts; each side may only answer in turn, and nobody else sees the goal.
 */
@TandemIntegrationTest
class GoalApiTests {

	@LocalServerPort int port;

	@Test
	void aRepProposesTheManagerCountersAndTheRepAccepts() {
		ApiClient lotte = ApiClient.as(port, "lotte@northwind.demo", Demo.PASSWORD);
		ApiClient brigitte = ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD);
		ApiClient daan = ApiClient.as(port, "daan@northwind.demo", Demo.PASSWORD);

		ApiClient.Response proposed = lotte.post("/api/v1/goals",
				"{\"metric\":\"NEW_ACCOUNTS\",\"period\":\"2027-03\",\"target\":6,\"note\":\"Trade fair month\"}");
		assertThat(proposed.status()).isEqualTo(201);
		JsonNode goal = proposed.json();
		String id = goal.get("id").asString();
		assertThat(goal.get("status").asString()).isEqualTo("AWAITING_MANAGER");
		assertThat(goal.get("period").asString()).isEqualTo("2027-03");

		assertThat(lotte.post("/api/v1/goals/" + id + "/accept", "{\"version\":0}").status()).as("not her turn").isEqualTo(400);
		assertThat(daan.get("/api/v1/goals/" + id).status()).isEqualTo(404);

		ApiClient.Response countered = brigitte.post("/api/v1/goals/" + id + "/counter",
				"{\"target\":8,\"note\":\"Two stands this time\",\"version\":0}");
		assertThat(countered.status()).isEqualTo(200);
		assertThat(countered.json().get("status").asString()).isEqualTo("AWAITING_OWNER");
		int version = countered.json().get("version").asInt();

		assertThat(lotte.post("/api/v1/goals/" + id + "/accept", "{\"version\":" + (version - 1) + "}").status()).isEqualTo(409);
		ApiClient.Response accepted = lotte.post("/api/v1/goals/" + id + "/accept", "{\"version\":" + version + "}");
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.json().get("status").asString()).isEqualTo("AGREED");
		assertThat(accepted.json().get("agreedTarget").asDouble()).isEqualTo(8.0);
		assertThat(accepted.json().get("proposals")).extracting(p -> p.get("kind").asString())
			.containsExactly("PROPOSED", "COUNTERED", "ACCEPTED");
	}

	@Test
	void badInputNamesTheFieldAndTheRule() {
		ApiClient lotte = ApiClient.as(port, "lotte@northwind.demo", Demo.PASSWORD);
		ApiClient.Response response = lotte.language("en").post("/api/v1/goals", "{\"metric\":\"WON_DEALS\",\"period\":\"2027-04\",\"target\":2.5}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("target").contains("whole number");
		assertThat(lotte.post("/api/v1/goals", "{\"metric\":\"WON_DEALS\",\"period\":\"2027-04\"}").body()).contains("target");
		assertThat(lotte.post("/api/v1/goals", "{\"metric\":\"WON_DEALS\",\"period\":\"April\",\"target\":3}").body()).contains("period");
	}
}
