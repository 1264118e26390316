package dev.tandem.coaching.mentoring;

import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mentoring over HTTP on the demo organisation: Noah's mentorship and suggestions as every role, choosing a mentor with
 * bad input, and the ramp page.
 */
@TandemIntegrationTest
class MentoringApiTests {

	@LocalServerPort int port;

	private ApiClient as(String login) {
		return ApiClient.as(port, login + "@northwind.demo", Demo.PASSWORD);
	}

	private String noah() {
		JsonNode items = as("brigitte").get("/api/v1/mentorships").json().get("items");
		for (JsonNode m : items) {
			if ("Noah Jansen".equals(m.get("newcomerName").asString())) {
				return m.get("newcomerId").asString();
			}
		}
		throw new AssertionError("The demo has no mentorship of Noah: " + items);
	}

	@Test
	void noahsMentorshipIsSeenByHimHisMentorAndTheirLineOnly() {
		JsonNode mine = as("noah").get("/api/v1/mentorships").json().get("items");
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("mentorName").asString()).isEqualTo("Sanne Bakker");
		String id = mine.get(0).get("id").asString();

		for (String login : new String[] { "noah", "sanne", "brigitte", "suzanne", "admin" }) {
			assertThat(as(login).get("/api/v1/mentorships/" + id).status()).as(login).isEqualTo(200);
		}
		for (String login : new String[] { "daan", "mark", "fatima", "thomas" }) {
			assertThat(as(login).get("/api/v1/mentorships/" + id).status()).as(login).isEqualTo(404);
			assertThat(as(login).get("/api/v1/mentorships").body()).as(login).doesNotContain(id);
		}
		assertThat(as("kim").get("/api/v1/mentorships/" + id).status()).as("a partner").isEqualTo(403);
	}

	@Test
	void suggestionsAreForTheNewcomersLineWithAScoreAndReasons() {
		String noah = noah();
		ApiClient.Response suggestions = as("brigitte").language("en").get("/api/v1/mentorships/suggestions?newcomerId=" + noah);
		assertThat(suggestions.status()).isEqualTo(200);
		JsonNode items = suggestions.json().get("items");
		assertThat(items).isNotEmpty();
		double previous = Double.MAX_VALUE;
		for (JsonNode s : items) {
			assertThat(s.get("mentorName").asString()).isNotEqualTo("Noah Jansen").isNotEqualTo("Brigitte Janssens");
			assertThat(s.get("score").asDouble()).isLessThanOrEqualTo(previous)
				.isCloseTo(s.get("stagePoints").asDouble() + s.get("activityPoints").asDouble(), org.assertj.core.data.Offset.offset(0.11));
			previous = s.get("score").asDouble();
		}
		assertThat(items.get(0).get("reasons")).isNotEmpty();

		assertThat(as("suzanne").get("/api/v1/mentorships/suggestions?newcomerId=" + noah).status()).isEqualTo(200);
		assertThat(as("admin").get("/api/v1/mentorships/suggestions?newcomerId=" + noah).status()).isEqualTo(200);
		assertThat(as("noah").get("/api/v1/mentorships/suggestions?newcomerId=" + noah).status()).as("not for himself").isEqualTo(403);
		assertThat(as("sanne").get("/api/v1/mentorships/suggestions?newcomerId=" + noah).status()).isEqualTo(404);
		assertThat(as("mark").get("/api/v1/mentorships/suggestions?newcomerId=" + noah).status()).isEqualTo(404);
		assertThat(as("kim").get("/api/v1/mentorships/suggestions?newcomerId=" + noah).status()).isEqualTo(403);
	}

	@Test
	void aMentorMustBeSomeoneElseAndOnlyTheLineChooses() {
		String noah = noah();
		ApiClient.Response self = as("brigitte").language("en").post("/api/v1/mentorships",
				"{\"newcomerId\":\"" + noah + "\",\"mentorId\":\"" + noah + "\"}");
		assertThat(self.status()).isEqualTo(400);
		assertThat(self.body()).contains("mentorId").contains("someone else than the newcomer");

		String sanne = as("sanne").get("/api/v1/me").json().get("id").asString();
		ApiClient.Response dates = as("brigitte").language("nl").post("/api/v1/mentorships",
				"{\"newcomerId\":\"" + noah + "\",\"mentorId\":\"" + sanne + "\",\"startsOn\":\"2026-12-01\",\"endsOn\":\"2026-11-01\"}");
		assertThat(dates.status()).isEqualTo(400);
		assertThat(dates.body()).contains("endsOn").contains("na de start");

		assertThat(as("mark").post("/api/v1/mentorships", "{\"newcomerId\":\"" + noah + "\",\"mentorId\":\"" + sanne + "\"}").status())
			.isEqualTo(404);
		assertThat(as("noah").get("/api/v1/mentorships").json().get("items")).as("nothing written").hasSize(1);
	}

	@Test
	void aMentorshipEndsWithTheVersionAsReadAndAStaleOneIsRefused() {
		String lotte = as("lotte").get("/api/v1/me").json().get("id").asString();
		String emma = as("emma").get("/api/v1/me").json().get("id").asString();
		ApiClient brigitte = as("brigitte");
		ApiClient.Response created = brigitte.post("/api/v1/mentorships",
				"{\"newcomerId\":\"" + lotte + "\",\"mentorId\":\"" + emma + "\",\"goals\":\"Inside sales rhythm\"}", "Idempotency-Key",
				"lotte-emma");
		assertThat(created.status()).isEqualTo(201);
		JsonNode m = created.json();
		assertThat(m.get("endsOn").asString()).as("90 days by default")
			.isEqualTo(java.time.LocalDate.parse(m.get("startsOn").asString()).plusDays(90).toString());
		String id = m.get("id").asString();
		assertThat(as("lotte").post("/api/v1/mentorships/" + id + "/end", "{\"version\":0}").status()).as("not hers to end").isEqualTo(403);
		assertThat(brigitte.post("/api/v1/mentorships/" + id + "/end", "{\"version\":0}").status()).isEqualTo(200);
		assertThat(brigitte.post("/api/v1/mentorships/" + id + "/end", "{\"version\":0}").status()).as("stale").isEqualTo(409);
	}

	@Test
	void theRampPageShowsTheTenureMonthsAgainstEarlierStarters() {
		String noah = noah();
		JsonNode ramp = as("brigitte").get("/api/v1/mentorships/ramp?personId=" + noah).json();
		// Noah started six weeks ago: his second tenure month runs.
		assertThat(ramp.get("months")).hasSize(2);
		assertThat(ramp.get("months").get(0).get("complete").asBoolean()).isTrue();
		assertThat(ramp.get("months").get(1).get("complete").asBoolean()).isFalse();
		assertThat(ramp.get("cohortSize").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(ramp.get("cohort").get(0).get("activities").isNull()).isFalse();

		WebSession brigitte = WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD).language("en");
		var page = brigitte.get("/coaching/mentoring/" + noah);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Ramp of Noah Jansen").contains("Suggested mentors").contains("data-chart=\"ramp\"");
		var asSanne = WebSession.signedIn(port, Demo.REP, Demo.PASSWORD).language("en").get("/coaching/mentoring/" + noah);
		assertThat(asSanne.statusCode()).as("his mentor sees no ramp of his").isEqualTo(404);
		var asNoah = WebSession.signedIn(port, "noah@northwind.demo", Demo.PASSWORD).language("en").get("/coaching/mentoring/" + noah);
		assertThat(asNoah.statusCode()).isEqualTo(200);
		assertThat(asNoah.body()).contains("Ramp of Noah Jansen").doesNotContain("Suggested mentors");
	}
}
