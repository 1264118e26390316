package dev.tandem.coaching.review;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review through the API in its fixed order: the self-assessment comes first (an assessment before it is refused with
 * 409 and writes nothing), scores outside 1-10 or a missing overall are refused naming the field, a second
 * acknowledgement is refused, and a correction after sign-off makes version 2 while version 1 stays readable. Each test
 * starts its own cycle: Mark reviews one of his Enterprise reps.
 */
@TandemIntegrationTest
class ReviewFlowTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	@Test
	void theManagerAssessesOnlyAfterTheSelfAssessmentAndScoresStayWithinOneToTen() {
		ApiClient mark = ApiClient.as(port, "mark@northwind.demo", Demo.PASSWORD).language("en");
		ApiClient thomas = ApiClient.as(port, "thomas@northwind.demo", Demo.PASSWORD).language("en");
		String id = startReview(mark, "thomas");

		ApiClient.Response early = mark.post("/api/v1/reviews/" + id + "/assessment", assessment(7, 7, 7, 7, "7"));
		assertThat(early.status()).as("assessment before the self-assessment").isEqualTo(409);
		assertThat(early.json().get("errors").get(0).get("field").asString()).isEqualTo("step");
		assertThat(early.body()).contains("self-assessment first");
		assertThat(mark.post("/api/v1/reviews/" + id + "/self-assessment", selfAssessment(7, 7, 7, 7)).status())
			.as("the reviewer does not write the self-assessment").isEqualTo(403);

		ApiClient.Response zero = thomas.post("/api/v1/reviews/" + id + "/self-assessment", selfAssessment(0, 7, 7, 7));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.json().get("errors").get(0).get("field").asString()).isEqualTo("scores.1");
		assertThat(zero.json().get("errors").get(0).get("message").asString()).isEqualTo("Give a whole number from 1 to 10.");
		assertThat(status(id)).as("nothing written").isEqualTo("SELF_ASSESSMENT");
		assertThat(selfScores(id)).isEqualTo(0);

		ApiClient.Response self = thomas.post("/api/v1/reviews/" + id + "/self-assessment",
				selfAssessment(8, 6, 7, 5).replace("My view", "<script>alert(1)</script> & \\\"quoted\\\""));
		assertThat(self.status()).isEqualTo(200);
		assertThat(self.json().get("status").asString()).isEqualTo("ASSESSMENT");
		assertThat(self.json().get("sections").get(1).get("selfScore").asInt()).isEqualTo(6);

		String page = WebSession.signedIn(port, "mark@northwind.demo", Demo.PASSWORD).get("/coaching/reviews/" + id).body();
		assertThat(page).as("the reviewee's words as text").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;")
			.doesNotContain("<script>alert(1)");

		ApiClient.Response eleven = mark.post("/api/v1/reviews/" + id + "/assessment", assessment(7, 11, 7, 7, "7"));
		assertThat(eleven.status()).isEqualTo(400);
		assertThat(eleven.json().get("errors").get(0).get("field").asString()).isEqualTo("scores.2");
		ApiClient.Response noOverall = mark.post("/api/v1/reviews/" + id + "/assessment", assessment(7, 7, 7, 7, "null"));
		assertThat(noOverall.status()).isEqualTo(400);
		assertThat(noOverall.json().get("errors").get(0).get("field").asString()).isEqualTo("overall");
		assertThat(mark.language("nl").post("/api/v1/reviews/" + id + "/assessment", assessment(7, 7, 7, 7, "0")).body())
			.contains("overall").contains("Geef een heel getal van 1 tot en met 10.");
		assertThat(status(id)).isEqualTo("ASSESSMENT");
		assertThat(jdbc.sql("select count(manager_score) from coaching_review_item where review_id = :id").param("id", UUID.fromString(id))
			.query(Integer.class).single()).as("no score of a refused assessment stays").isZero();

		ApiClient.Response assessed = mark.post("/api/v1/reviews/" + id + "/assessment", assessment(7, 6, 8, 6, "7"));
		assertThat(assessed.status()).isEqualTo(200);
		assertThat(assessed.json().get("overall").asInt()).isEqualTo(7);
		assertThat(assessed.json().get("coachingTopics").get(0).asString()).isEqualTo("Closing");
		assertThat(assessed.json().get("status").asString()).isEqualTo("CONVERSATION");
	}

	@Test
	void aSignedReviewIsAcknowledgedOnceAndACorrectionMakesANewVersion() throws Exception {
		ApiClient mark = ApiClient.as(port, "mark@northwind.demo", Demo.PASSWORD).language("en");
		ApiClient sophie = ApiClient.as(port, "sophie@northwind.demo", Demo.PASSWORD).language("en");
		String id = startReview(mark, "sophie");
		assertThat(sophie.post("/api/v1/reviews/" + id + "/self-assessment", selfAssessment(7, 7, 7, 7)).status()).isEqualTo(200);
		assertThat(mark.post("/api/v1/reviews/" + id + "/assessment", assessment(6, 6, 6, 6, "6")).status()).isEqualTo(200);
		assertThat(sophie.post("/api/v1/reviews/" + id + "/acknowledge", "{}").status()).as("before the conversation").isEqualTo(409);
		assertThat(mark.post("/api/v1/reviews/" + id + "/conversation", "{\"heldOn\":\"2026-11-30\"}").json().get("errors").get(0)
			.get("field").asString()).as("a day after today (the clock's 18 November)").isEqualTo("heldOn");
		assertThat(mark.post("/api/v1/reviews/" + id + "/conversation", "{\"heldOn\":\"2026-11-17\"}").status()).isEqualTo(200);

		ApiClient.Response signed = sophie.post("/api/v1/reviews/" + id + "/acknowledge", "{\"comment\":\"Fair.\"}");
		assertThat(signed.status()).isEqualTo(200);
		assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED");
		JsonNode snapshot = signed.json().get("snapshot");
		assertThat(snapshot.get("from").asString()).isEqualTo("2026-05-01");
		assertThat(snapshot.get("to").asString()).isEqualTo("2026-11-01");
		assertThat(snapshot.get("wonRevenue").asDouble()).as("her won revenue May-October, as goals measure it")
			.isEqualTo(wonRevenue("sophie", "2026-05-01", "2026-11-01"));
		int version = signed.json().get("version").asInt();

		ApiClient.Response again = sophie.post("/api/v1/reviews/" + id + "/acknowledge", "{\"comment\":\"Again\"}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("errors").get(0).get("message").asString()).contains("signed already");
		assertThat(sophie.get("/api/v1/reviews/" + id).json().get("version").asInt()).as("nothing written").isEqualTo(version);
		assertThat(sophie.get("/api/v1/reviews/" + id).json().get("acknowledgeComment").asString()).isEqualTo("Fair.");

		assertThat(mark.post("/api/v1/reviews/" + id + "/assessment", assessment(6, 6, 8, 6, "7")).json().get("errors").get(0)
			.get("field").asString()).as("a correction needs a reason").isEqualTo("reason");
		ApiClient.Response corrected = mark.post("/api/v1/reviews/" + id + "/assessment",
				assessment(6, 6, 8, 6, "7").replace("}", ",\"reason\":\"The collaboration score missed the partner project\"}"));
		assertThat(corrected.status()).isEqualTo(200);
		assertThat(corrected.json().get("revision").asInt()).isEqualTo(2);
		assertThat(corrected.json().get("status").asString()).isEqualTo("ACKNOWLEDGEMENT");
		assertThat(corrected.json().get("overall").asInt()).isEqualTo(7);
		assertThat(corrected.json().get("correctedBy").asString()).isEqualTo("Mark Peeters");
		assertThat(corrected.json().get("snapshot").get("wonRevenue").asDouble()).as("the facts stay frozen")
			.isEqualTo(snapshot.get("wonRevenue").asDouble());

		JsonNode versions = sophie.get("/api/v1/reviews/" + id + "/versions").json().get("items");
		assertThat(versions).hasSize(1);
		assertThat(versions.get(0).get("revision").asInt()).isEqualTo(1);
		assertThat(versions.get(0).get("overall").asInt()).as("version 1 as it was signed").isEqualTo(6);
		assertThat(versions.get(0).get("acknowledgeComment").asString()).isEqualTo("Fair.");
		assertThat(sophie.post("/api/v1/reviews/" + id + "/acknowledge", "{}").json().get("status").asString()).isEqualTo("SIGNED");

		HttpResponse<byte[]> pdf = pdf(port, sophie, id, "nl");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		String text = text(pdf.body());
		assertThat(text).contains("Sophie Dekker").contains("Mark Peeters").contains("Functioneringsgesprek").contains("7/10")
			.contains("Versie 2");
		assertThat(text(pdf(port, sophie, id, "en").body())).contains("Review").contains("Overall").contains("Sophie Dekker");
	}

	private String startReview(ApiClient manager, String rep) {
		UUID person = Demo.userId(jdbc, rep + "@northwind.demo");
		ApiClient.Response created = manager.post("/api/v1/reviews",
				"{\"name\":\"Test review " + rep + "\",\"from\":\"2026-05\",\"to\":\"2026-10\",\"people\":[\"" + person + "\"]}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("reviewIds")).hasSize(1);
		return created.json().get("reviewIds").get(0).asString();
	}

	private String status(String id) {
		return jdbc.sql("select status from coaching_review where id = :id").param("id", UUID.fromString(id)).query(String.class).single();
	}

	private int selfScores(String id) {
		return jdbc.sql("select count(self_score) from coaching_review_item where review_id = :id").param("id", UUID.fromString(id))
			.query(Integer.class).single();
	}

	/** Won revenue of the rep's deals closed in the window, counted straight from the deals. */
	private double wonRevenue(String rep, String from, String to) {
		return jdbc.sql("""
				select coalesce(sum(amount), 0) from crm_deal where owner_id = :owner and status = 'WON' and deleted_at is null
				   and close_date >= cast(:from as date) and close_date < cast(:to as date)
				""").param("owner", Demo.userId(jdbc, rep + "@northwind.demo")).param("from", from).param("to", to)
			.query(Double.class).single();
	}

	private static String selfAssessment(int a, int b, int c, int d) {
		return "{\"scores\":[{\"section\":1,\"score\":" + a + ",\"comment\":\"Good quarter\"},{\"section\":2,\"score\":" + b
				+ "},{\"section\":3,\"score\":" + c + "},{\"section\":4,\"score\":" + d + "}],\"comment\":\"My view\"}";
	}

	private static String assessment(int a, int b, int c, int d, String overall) {
		return "{\"scores\":[{\"section\":1,\"score\":" + a + "},{\"section\":2,\"score\":" + b + "},{\"section\":3,\"score\":" + c
				+ "},{\"section\":4,\"score\":" + d + "}],\"overall\":" + overall + ",\"comment\":\"Solid\",\"coachingTopics\":\"Closing\\nDMU\"}";
	}

	static HttpResponse<byte[]> pdf(int port, ApiClient client, String id, String language) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reviews/" + id + ".pdf"))
			.header("Accept-Language", language);
		if (client.token() != null) {
			request.header("Authorization", "Bearer " + client.token());
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	static String text(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		return text.toString();
	}
}
