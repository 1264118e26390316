package dev.tandem.coaching.mentoring;

import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A readiness assessment over HTTP: Fatima assesses Nina on a scale of 5 with Milan, Jesse and Kim of marketing; the
 * aggregate appears at the third answer besides Nina's own with the mean computed by hand, Nina never sees who said
 * what, and bad input (a score outside the scale, answering twice, an uninvited rater) writes nothing.
 */
@TandemIntegrationTest
class ReadinessApiTests {

	@LocalServerPort int port;

	private ApiClient as(String login) {
		return ApiClient.as(port, login + "@northwind.demo", Demo.PASSWORD).language("en");
	}

	private String id(String login) {
		return as(login).get("/api/v1/me").json().get("id").asString();
	}

	/** Every competency the same score but one. */
	private static String answer(int score, String competency, int other, String comment) {
		StringBuilder json = new StringBuilder("{\"scores\":{");
		for (Competency c : Competency.values()) {
			json.append('"').append(c.name()).append("\":").append(c.name().equals(competency) ? other : score).append(',');
		}
		json.setLength(json.length() - 1);
		return json.append("},\"comments\":{\"GIVING_ROOM\":\"").append(comment).append("\"}}").toString();
	}

	@Test
	void theAggregateAppearsAtTheThirdRaterAndNeverNamesThem() {
		ApiClient fatima = as("fatima");
		ApiClient.Response started = fatima.post("/api/v1/readiness-assessments",
				"{\"candidateId\":\"" + id("nina") + "\",\"scale\":5}", "Idempotency-Key", "nina-readiness-1");
		assertThat(started.status()).isEqualTo(201);
		String id = started.json().get("id").asString();
		assertThat(fatima.post("/api/v1/readiness-assessments", "{\"candidateId\":\"" + id("nina") + "\",\"scale\":5}", "Idempotency-Key",
				"nina-readiness-1").json().get("id").asString()).as("the same key makes no second one").isEqualTo(id);
		assertThat(fatima.post("/api/v1/readiness-assessments/" + id + "/raters",
				"{\"raterIds\":[\"" + id("milan") + "\",\"" + id("jesse") + "\",\"" + id("kim") + "\"]}").status()).isEqualTo(200);

		assertThat(as("nina").post("/api/v1/readiness-assessments/" + id + "/answers", answer(5, "GIVING_ROOM", 5, "I let them lead"))
			.status()).isEqualTo(201);
		assertThat(fatima.post("/api/v1/readiness-assessments/" + id + "/answers", answer(3, "COLLABORATION", 2, "Takes over at the close"))
			.status()).isEqualTo(201);
		assertThat(as("milan").post("/api/v1/readiness-assessments/" + id + "/answers", answer(4, "COLLABORATION", 4, "Coaches me on demos"))
			.status()).isEqualTo(201);

		JsonNode two = fatima.get("/api/v1/readiness-assessments/" + id).json().get("ratings");
		assertThat(two.get("answered").asInt()).isEqualTo(2);
		assertThat(two.get("shown").asBoolean()).isFalse();
		assertThat(two.get("means").isEmpty()).isTrue();
		assertThat(two.get("comments").isEmpty()).isTrue();
		assertThat(two.get("self").get("GIVING_ROOM").asInt()).isEqualTo(5);

		// Kim of marketing answers as a partner may: through the answer operation only.
		ApiClient kim = as("kim");
		assertThat(kim.get("/api/v1/readiness-assessments/" + id + "/answer").status()).isEqualTo(200);
		assertThat(kim.post("/api/v1/readiness-assessments/" + id + "/answers", answer(5, "COLLABORATION", 5, "Brings marketing in early"))
			.status()).isEqualTo(201);
		assertThat(kim.get("/api/v1/readiness-assessments/" + id).status()).isEqualTo(403);

		// Fatima 3 (collaboration 2), Milan 4 (4), Kim 5 (5): means 4 and (2 + 4 + 5) / 3 = 3.667; overall (5 x 4 + 11/3) / 6.
		JsonNode three = fatima.get("/api/v1/readiness-assessments/" + id).json();
		JsonNode ratings = three.get("ratings");
		assertThat(ratings.get("shown").asBoolean()).isTrue();
		assertThat(ratings.get("means").get("HELICOPTER_VIEW").asDouble()).isCloseTo(4.0, within(1e-9));
		assertThat(ratings.get("means").get("COLLABORATION").asDouble()).isCloseTo(11.0 / 3, within(1e-9));
		assertThat(ratings.get("overall").asDouble()).isCloseTo((5 * 4.0 + 11.0 / 3) / 6, within(1e-9));
		assertThat(three.get("raters")).extracting(r -> r.get("raterName").asString()).contains("Kim Verbruggen", "Jesse Willems");

		ApiClient.Response asNina = as("nina").get("/api/v1/readiness-assessments/" + id);
		assertThat(asNina.status()).isEqualTo(200);
		assertThat(asNina.json().get("ratings").get("means").get("HELICOPTER_VIEW").asDouble()).isCloseTo(4.0, within(1e-9));
		assertThat(asNina.json().has("raters")).isFalse();
		assertThat(asNina.body()).contains("Coaches me on demos").doesNotContain("Milan").doesNotContain("Kim").doesNotContain("Jesse")
			.doesNotContain(id("milan")).doesNotContain(id("kim"));
		var page = WebSession.signedIn(port, "nina@northwind.demo", Demo.PASSWORD).language("en").get("/coaching/readiness-assessments/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Brings marketing in early").doesNotContain("Milan Vos").doesNotContain("Kim Verbruggen")
			.doesNotContain("Jesse Willems");

		for (String login : new String[] { "suzanne", "admin" }) {
			assertThat(as(login).get("/api/v1/readiness-assessments/" + id).json().has("raters")).as(login).isTrue();
		}
		for (String login : new String[] { "mark", "brigitte", "milan", "anouk" }) {
			assertThat(as(login).get("/api/v1/readiness-assessments/" + id).status()).as(login).isEqualTo(404);
			assertThat(as(login).get("/api/v1/readiness-assessments").body()).as(login).doesNotContain(id);
		}
	}

	@Test
	void badAnswersAreRefusedAndWriteNothing() {
		ApiClient fatima = as("fatima");
		String id = fatima.post("/api/v1/readiness-assessments", "{\"candidateId\":\"" + id("bram") + "\",\"scale\":5}").json().get("id")
			.asString();
		fatima.post("/api/v1/readiness-assessments/" + id + "/raters", "{\"raterIds\":[\"" + id("fleur") + "\"]}");

		ApiClient fleur = as("fleur");
		ApiClient.Response outside = fleur.post("/api/v1/readiness-assessments/" + id + "/answers", answer(4, "GIVING_ROOM", 6, "x"));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body()).contains("scores.GIVING_ROOM").contains("from 1 to 5");
		ApiClient.Response missing = fleur.post("/api/v1/readiness-assessments/" + id + "/answers", "{\"scores\":{\"GIVING_ROOM\":3}}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("scores.HELICOPTER_VIEW");
		assertThat(fleur.get("/api/v1/readiness-assessments/" + id + "/answer").json().get("answeredAt").isNull()).as("nothing written")
			.isTrue();

		assertThat(fleur.post("/api/v1/readiness-assessments/" + id + "/answers", answer(4, "GIVING_ROOM", 2, "ok")).status()).isEqualTo(201);
		ApiClient.Response twice = fleur.post("/api/v1/readiness-assessments/" + id + "/answers", answer(1, "GIVING_ROOM", 1, "again"));
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.body()).contains("answered already");
		assertThat(fleur.get("/api/v1/readiness-assessments/" + id + "/answer").json().get("scores").get("GIVING_ROOM").asInt())
			.as("the first answer stands").isEqualTo(2);

		assertThat(as("dirk").post("/api/v1/readiness-assessments/" + id + "/answers", answer(3, "GIVING_ROOM", 3, "uninvited")).status())
			.isEqualTo(404);
		assertThat(as("dirk").get("/api/v1/readiness-assessments/" + id + "/answer").status()).isEqualTo(404);

		ApiClient.Response scale = fatima.post("/api/v1/readiness-assessments", "{\"candidateId\":\"" + id("bram") + "\",\"scale\":7}");
		assertThat(scale.status()).isEqualTo(400);
		assertThat(scale.body()).contains("scale").contains("5 or 10");
		assertThat(as("brigitte").post("/api/v1/readiness-assessments", "{\"candidateId\":\"" + id("bram") + "\"}").status())
			.as("not in her line").isEqualTo(404);
		assertThat(as("bram").post("/api/v1/readiness-assessments/" + id + "/raters", "{\"raterIds\":[\"" + id("nina") + "\"]}").status())
			.as("the candidate invites no one").isEqualTo(403);
		assertThat(fatima.post("/api/v1/readiness-assessments/" + id + "/raters", "{\"raterIds\":[\"" + id("fleur") + "\"]}").body())
			.contains("invited already");
	}

	@Test
	void theDemoAssessmentOfAnoukHasFourAnswersAndOneOpenInvitation() {
		JsonNode list = as("fatima").get("/api/v1/readiness-assessments").json().get("items");
		String id = null;
		for (JsonNode a : list) {
			if ("Anouk Peters".equals(a.get("candidateName").asString())) {
				id = a.get("id").asString();
			}
		}
		assertThat(id).isNotNull();
		JsonNode anouk = as("fatima").get("/api/v1/readiness-assessments/" + id).json();
		assertThat(anouk.get("ratings").get("answered").asInt()).isEqualTo(4);
		// Looking ahead: Fatima 7, Milan 6, Jesse 7, Kim 6.
		assertThat(anouk.get("ratings").get("means").get("HELICOPTER_VIEW").asDouble()).isCloseTo(6.5, within(1e-9));
		assertThat(anouk.get("raters")).filteredOn(r -> !r.get("answered").asBoolean()).extracting(r -> r.get("raterName").asString())
			.containsExactly("Ahmed Benali");
		assertThat(as("ahmed").get("/api/v1/readiness-assessments/invitations").body()).contains("Anouk Peters");
	}
}
