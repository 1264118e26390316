package dev.tandem.coaching.review;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees a review, through the page, the API, the list and the PDF, on the demo's reviews: Sanne's review of this
 * half-year (Brigitte reviews it) and Brigitte's signed review (Suzanne reviewed it). The reviewee, the reviewer, the
 * reviewer's manager and the admin see it; another manager and another rep get "not found"; a partner is refused.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewVisibilityTests {

	static final String[] WHO = { "sanne", "daan", "brigitte", "mark", "fatima", "suzanne", "admin", "kim" };

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	Map<String, WebSession> web = new LinkedHashMap<>();
	Map<String, ApiClient> api = new LinkedHashMap<>();
	UUID sannesReview;
	UUID brigittesSigned;

	@BeforeAll
	void signIn() {
		for (String who : WHO) {
			web.put(who, WebSession.signedIn(port, who + "@northwind.demo", Demo.PASSWORD));
			api.put(who, ApiClient.as(port, who + "@northwind.demo", Demo.PASSWORD));
		}
		sannesReview = jdbc.sql("select r.id from coaching_review r join coaching_review_cycle c on c.org_id = r.org_id and c.id = r.cycle_id "
				+ "where r.reviewee_id = :p and c.name like 'Autumn review%'").param("p", Demo.userId(jdbc, Demo.REP)).query(UUID.class).single();
		brigittesSigned = jdbc.sql("select id from coaching_review where reviewee_id = :p and status = 'SIGNED'")
			.param("p", Demo.userId(jdbc, Demo.MANAGER)).query(UUID.class).single();
	}

	@Test
	void aRepsReviewIsSeenByThemTheirLineAndTheAdminOnly() {
		Map<String, Integer> expected = Map.of("sanne", 200, "brigitte", 200, "suzanne", 200, "admin", 200, "daan", 404, "mark", 404,
				"fatima", 404, "kim", 403);
		expected.forEach((who, status) -> {
			assertThat(web.get(who).get("/coaching/reviews/" + sannesReview).statusCode()).as("page as " + who).isEqualTo(status);
			assertThat(api.get(who).get("/api/v1/reviews/" + sannesReview).status()).as("API as " + who).isEqualTo(status);
		});
		for (String who : new String[] { "daan", "mark", "fatima" }) {
			assertThat(api.get(who).get("/api/v1/reviews").body()).as("list of " + who).doesNotContain(sannesReview.toString())
				.doesNotContain("Sanne Bakker");
			assertThat(web.get(who).get("/coaching/reviews").body()).as("page list of " + who).doesNotContain(sannesReview.toString());
			assertThat(api.get(who).post("/api/v1/reviews/" + sannesReview + "/assessment", "{\"overall\":5}").status())
				.as("a step by " + who).isEqualTo(404);
		}
		assertThat(api.get("brigitte").get("/api/v1/reviews").body()).contains(sannesReview.toString());
		assertThat(web.get("sanne").get("/coaching/reviews").body()).contains(sannesReview.toString());
		assertThat(api.get("kim").get("/api/v1/reviews").status()).isEqualTo(403);
	}

	@Test
	void theSignedReviewAndItsPdfReachOnlyTheRevieweeTheirLineAndTheAdmin() throws Exception {
		Map<String, Integer> expected = Map.of("brigitte", 200, "suzanne", 200, "admin", 200, "sanne", 404, "daan", 404, "mark", 404,
				"fatima", 404, "kim", 403);
		for (Map.Entry<String, Integer> e : expected.entrySet()) {
			String who = e.getKey();
			assertThat(ReviewFlowTests.pdf(port, api.get(who), brigittesSigned.toString(), "en").statusCode()).as("PDF as " + who)
				.isEqualTo(e.getValue());
			assertThat(web.get(who).get("/coaching/reviews/" + brigittesSigned + "/pdf").statusCode()).as("page PDF as " + who)
				.isEqualTo(e.getValue());
			assertThat(web.get(who).get("/coaching/reviews/" + brigittesSigned).statusCode()).as("page as " + who).isEqualTo(e.getValue());
		}
		String page = web.get("brigitte").get("/coaching/reviews/" + brigittesSigned).body();
		assertThat(page).contains("silo&#39;s en persoonlijke ontwikkeling").contains("6/10")
			.contains("/coaching/growth-plans/new?reviewId=" + brigittesSigned);
		String text = ReviewFlowTests.text(ReviewFlowTests.pdf(port, api.get("suzanne"), brigittesSigned.toString(), "nl").body());
		assertThat(text).contains("Brigitte Janssens").contains("Suzanne de Vries").contains("silo's en persoonlijke ontwikkeling")
			.contains("6/10").contains("Opzij leidinggeven");
	}

	@Test
	void adminsEditTheTemplatesOthersAreRefused() {
		assertThat(web.get("admin").get("/coaching/review-templates").body()).contains("Managing sideways: other departments and peer managers")
			.contains("Development");
		assertThat(web.get("brigitte").get("/coaching/review-templates").statusCode()).isEqualTo(403);
		assertThat(web.get("sanne").get("/coaching").body()).contains("/coaching/reviews").doesNotContain("/coaching/review-templates");
	}

	@Test
	void theStepWaitingForSomeoneIsOnTheirHomeList() {
		assertThat(web.get("brigitte").get("/coaching/reviews").body()).contains("Sanne Bakker");
		assertThat(web.get("brigitte").get("/").body()).as("Brigitte owes Sanne an assessment").contains("/coaching/reviews/" + sannesReview);
		assertThat(web.get("daan").get("/").body()).as("Daan's self-assessment waits").contains("/coaching/reviews/");
		assertThat(web.get("sanne").get("/").body()).doesNotContain("/coaching/reviews/" + sannesReview);
	}
}
