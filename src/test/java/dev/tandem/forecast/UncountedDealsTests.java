package dev.tandem.forecast;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.ApiClient.Response;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open deals without an amount or a close date: a hygiene flag each, and listed with their count on the forecast page
 * as missing from the forecast, since no period's forecast can count them.
 * <p>
 * Rep Rosa of team Solo has three open deals: Complete (amount and close date), No amount (close date only) and No
 * date (amount only); and a fourth, Neither, with neither. So three are missing from the forecast, Neither for both
 * reasons.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UncountedDealsTests {

	static final String PASSWORD = "Uncounted-Deals-2025";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;

	String domain;
	User rosa;
	Team solo;

	@BeforeAll
	void organisation() {
		domain = "uncounted-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Uncounted " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		User mona = users.create(admin, new NewUser("mona@" + domain, "Mona Manager", Role.MANAGER, "nl", PASSWORD, List.of())).user();
		solo = teams.create(admin, new NewTeam("Solo", TeamKind.SALES, null, mona.id()));
		rosa = users.create(admin, new NewUser("rosa@" + domain, "Rosa Rep", Role.REP, "en", PASSWORD, List.of(solo.id()))).user();
		ApiClient client = ApiClient.as(port, "rosa@" + domain, PASSWORD);
		String account = client.post("/api/v1/accounts", "{\"name\":\"Acme\",\"country\":\"NL\"}").json().get("id").asString();
		deal(client, account, "Complete", "\"amount\":1000,\"closeDate\":\"2099-01-15\"");
		deal(client, account, "No amount", "\"closeDate\":\"2099-01-15\"");
		deal(client, account, "No date", "\"amount\":2000");
		deal(client, account, "Neither", null);
	}

	@Test
	void theForecastListsTheDealsItCannotCountWithTheirCount() {
		ApiClient mona = ApiClient.as(port, "mona@" + domain, PASSWORD);
		for (String path : List.of("/api/v1/forecast/users/" + rosa.id(), "/api/v1/forecast/teams/" + solo.id())) {
			Response response = mona.get(path);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			JsonNode uncounted = response.json().get("uncounted");
			assertThat(uncounted.get("count").asLong()).as(path).isEqualTo(3);
			// Listed by owner, then title.
			assertThat(uncounted.get("deals").valueStream().map(d -> d.get("title").asString()).toList())
				.containsExactly("Neither", "No amount", "No date");
			assertThat(uncounted.get("deals").get(0).get("missing").valueStream().map(JsonNode::asString).toList())
				.containsExactly("amount", "closeDate");
			assertThat(uncounted.get("deals").get(1).get("missing").get(0).asString()).isEqualTo("amount");
			assertThat(uncounted.get("deals").get(2).get("missing").get(0).asString()).isEqualTo("closeDate");
		}
	}

	@Test
	void theForecastPageSaysHowManyDealsItMissesInTheViewersLanguage() {
		WebSession mona = WebSession.signedIn(port, "mona@" + domain, PASSWORD);
		HttpResponse<String> page = mona.get("/forecast/teams/" + solo.id());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Ontbreekt in de forecast")
			.contains("3 open deals hebben geen bedrag of geen sluitdatum")
			.contains("Geen sluitdatum").contains("Geen bedrag");
		String card = page.body().substring(page.body().indexOf("id=\"uncounted\""));
		card = card.substring(0, card.indexOf("</section>"));
		assertThat(card).contains("Neither").contains("No amount").contains("No date").doesNotContain("Complete");
	}

	@Test
	void aMissingCloseDateIsAHygieneFlag() {
		ApiClient mona = ApiClient.as(port, "mona@" + domain, PASSWORD);
		Response response = mona.get("/api/v1/insight/users/" + rosa.id() + "/hygiene");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("flags").get("NO_CLOSE_DATE").asLong()).isEqualTo(2);
		assertThat(response.json().get("flags").get("NO_AMOUNT").asLong()).isEqualTo(2);
		for (JsonNode item : response.json().get("items")) {
			String title = item.get("title").asString();
			assertThat(item.get("noCloseDate").asBoolean()).as(title).isEqualTo(title.equals("No date") || title.equals("Neither"));
		}
	}

	private void deal(ApiClient client, String account, String title, String fields) {
		Response response = client.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"" + title + "\""
				+ (fields == null ? "" : "," + fields) + "}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}
}
