package dev.tandem.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.support.ApiClient;
import dev.tandem.support.ApiClient.Response;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API answers to values it cannot read: a malformed query or body value is a 400 problem naming
 * the parameter, the value and what is allowed, in the caller's language; only a malformed id in the path
 * is a 404. Enum values are read in any case.
 */
@TandemIntegrationTest
class ApiErrorTests {

	@LocalServerPort int port;

	ApiClient daan;

	@BeforeEach
	void signIn() {
		daan = ApiClient.as(port, "daan@northwind.demo", Demo.PASSWORD);
	}

	@Test
	void aMalformedQueryValueIs400NamingTheParameterTheValueAndWhatIsAllowed() {
		assertInvalid(daan.get("/api/v1/deals?limit=abc"), "limit", "'abc' is not valid here: expected a whole number");
		assertInvalid(daan.get("/api/v1/deals?status=foo"), "status", "'foo' is not valid here: expected one of open, won, lost");
		assertInvalid(daan.get("/api/v1/deals?closedFrom=2020-13-01"), "closedFrom",
				"'2020-13-01' is not valid here: expected a date as YYYY-MM-DD, e.g. 2026-01-31");
		assertInvalid(daan.get("/api/v1/deals?pipeline=not-an-id"), "pipeline", "'not-an-id' is not valid here: expected an id (UUID)");
		assertInvalid(daan.get("/api/v1/activities?type=FOO"), "type",
				"'FOO' is not valid here: expected one of call, email, meeting, demo, proposal, social, note, task");
		assertInvalid(daan.get("/api/v1/activities?from=yesterday"), "from",
				"'yesterday' is not valid here: expected a date and time as ISO 8601, e.g. 2026-01-31T09:00:00Z");
		assertInvalid(daan.get("/api/v1/users?active=maybe"), "active", "'maybe' is not valid here: expected true or false");
		assertInvalid(daan.get("/api/v1/users?role=boss"), "role",
				"'boss' is not valid here: expected one of admin, executive, manager, rep, partner");
		assertInvalid(daan.language("nl").get("/api/v1/leads?status=open"), "status",
				"'open' is hier niet geldig: verwacht een van new, contacted, qualified, disqualified, converted");
	}

	@Test
	void onlyAMalformedIdInThePathIsNotFound() {
		Response deal = daan.get("/api/v1/deals/does-not-exist");
		assertThat(deal.status()).isEqualTo(404);
		assertThat(deal.contentType()).startsWith("application/problem+json");
		assertThat(deal.json().get("title").asString()).isEqualTo("Not found");
		assertThat(daan.get("/api/v1/deals/" + UUID.randomUUID()).status()).isEqualTo(404);
		for (String path : new String[] { "/api/v1/accounts/not-a-uuid", "/api/v1/leads/not-a-uuid", "/api/v1/contacts/" + UUID.randomUUID(),
				"/api/v1/insight/users/not-a-uuid/summary" }) {
			Response missing = daan.get(path);
			assertThat(missing.status()).as(path).isEqualTo(404);
			assertThat(missing.contentType()).as(path).startsWith("application/problem+json");
		}
		assertThat(daan.get("/api/v1/nope").status()).isEqualTo(404);
	}

	@Test
	void aMalformedBodyValueNamesTheFieldTheValueAndWhatIsAllowed() {
		assertInvalid(daan.post("/api/v1/activities", "{\"type\":\"FAX\",\"subject\":\"Malformed\"}"), "type",
				"'FAX' is not valid here: expected one of call, email, meeting, demo, proposal, social, note, task");
		String account = daan.post("/api/v1/accounts", "{\"name\":\"Malformed body " + UUID.randomUUID() + "\"}").json().get("id")
			.asString();
		String deal = daan.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Malformed body\"}").json().get("id")
			.asString();
		assertInvalid(daan.patch("/api/v1/deals/" + deal, "{\"version\":0,\"closeDate\":\"31-01-2026\"}"), "closeDate",
				"'31-01-2026' is not valid here: expected a date as YYYY-MM-DD, e.g. 2026-01-31");
	}

	@Test
	void enumValuesAreReadInLowerCaseAsTheDocumentationWritesThem() {
		Response open = daan.get("/api/v1/deals?status=open&limit=20");
		assertThat(open.status()).as(open.body()).isEqualTo(200);
		List<String> statuses = new ArrayList<>();
		open.json().get("items").forEach(d -> statuses.add(d.get("status").asString()));
		assertThat(statuses).hasSize(20).containsOnly("OPEN");
		assertThat(daan.get("/api/v1/deals?status=Won&limit=5").json().get("items").get(0).get("status").asString()).isEqualTo("WON");

		Response logged = daan.post("/api/v1/activities", "{\"type\":\"call\",\"subject\":\"Lower-case type\"}");
		assertThat(logged.status()).as(logged.body()).isEqualTo(201);
		assertThat(logged.json().get("type").asString()).isEqualTo("CALL");

		WebSession web = WebSession.signedIn(port, "daan@northwind.demo", Demo.PASSWORD);
		assertThat(web.get("/deals?status=lost").statusCode()).isEqualTo(200);
		assertThat(web.get("/deals?status=lost").body()).contains("<option value=\"LOST\" selected=\"selected\"");
	}

	private static void assertInvalid(Response response, String field, String message) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode errors = response.json().get("errors");
		assertThat(errors).as(response.body()).hasSize(1);
		assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
		assertThat(errors.get(0).get("message").asString()).isEqualTo(message);
	}
}
