package dev.tandem.crm;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.SmallTeam;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved views through {@code /api/v1/views} and the deal list, as every role around them: Mia leads Ann and Ben, Cas
 * is in another team. Ann's private view is hers alone; her shared view is seen by Ben (her team) and Mia (her
 * manager), not by Cas; only Ann changes it, based on its version.
 */
@TandemIntegrationTest
class SavedViewTests {

	private static final String PASSWORD = "saved-views-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;

	String domain;

	@BeforeEach
	void organisation() {
		SmallTeam org = SmallTeam.open(organisations, users, teams, "views", PASSWORD, "en");
		domain = org.domain();
		CurrentUser ann = org.ann();
		Account account = accounts.create(ann, new NewAccount("Viewed BV", null, null, "NL", null, null));
		deals.create(ann, new NewDeal(account.id(), "Viewed deal", new java.math.BigDecimal("7000"), null, null, null, null,
				DealSource.INBOUND, null, null), null);
	}

	@Test
	void aPrivateViewIsTheOwnersAndASharedOneIsSeenByTheTeam() {
		ApiClient ann = api("ann");
		ApiClient.Response closing = ann.post("/api/v1/views", """
				{"list": "DEALS", "name": "Closing soon", "filters": {"status": "OPEN"}, "sort": "closeDate",
				 "columns": ["closeDate", "amount"]}""");
		assertThat(closing.status()).isEqualTo(201);
		assertThat(closing.json().get("columns").toString()).isEqualTo("[\"amount\",\"closeDate\"]");
		assertThat(closing.json().get("shared").asBoolean()).isFalse();
		String closingId = closing.json().get("id").asString();
		ApiClient.Response big = ann.post("/api/v1/views", """
				{"list": "DEALS", "name": "Big ones", "filters": {"status": "any"}, "sort": "-amount", "shared": true}""");
		assertThat(big.status()).isEqualTo(201);
		String bigId = big.json().get("id").asString();

		assertThat(names(ann.get("/api/v1/views?list=DEALS").json())).containsExactly("Big ones", "Closing soon");
		assertThat(names(api("ben").get("/api/v1/views").json())).containsExactly("Big ones");
		assertThat(names(api("mia").get("/api/v1/views").json())).containsExactly("Big ones");
		assertThat(names(api("cas").get("/api/v1/views").json())).isEmpty();
		assertThat(api("ben").get("/api/v1/views/" + closingId).status()).isEqualTo(404);
		assertThat(api("cas").get("/api/v1/views/" + bigId).status()).isEqualTo(404);
		assertThat(api("ben").get("/api/v1/views/" + bigId).json().get("ownerName").asString()).isEqualTo("Ann");

		assertThat(api("ben").put("/api/v1/views/" + bigId, "{\"version\": 0, \"name\": \"Mine now\", \"shared\": true}").status())
			.isEqualTo(404);
		assertThat(api("mia").delete("/api/v1/views/" + bigId).status()).isEqualTo(404);
		assertThat(ann.get("/api/v1/views/" + bigId).json().get("name").asString()).isEqualTo("Big ones");
	}

	@Test
	void onlyTheOwnerChangesAViewAndAStaleVersionIsRefused() {
		ApiClient ann = api("ann");
		String id = ann.post("/api/v1/views", "{\"list\": \"DEALS\", \"name\": \"Mine\", \"filters\": {\"q\": \"rollout\"}}")
			.json().get("id").asString();
		ApiClient.Response renamed = ann.put("/api/v1/views/" + id, "{\"version\": 0, \"name\": \"Rollouts\", \"filters\": {\"q\": \"rollout\"}, \"shared\": true}");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("version").asInt()).isEqualTo(1);
		assertThat(renamed.json().get("shared").asBoolean()).isTrue();
		ApiClient.Response stale = ann.put("/api/v1/views/" + id, "{\"version\": 0, \"name\": \"Stale\"}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(ann.get("/api/v1/views/" + id).json().get("name").asString()).isEqualTo("Rollouts");
		assertThat(ann.delete("/api/v1/views/" + id).status()).isEqualTo(204);
		assertThat(ann.get("/api/v1/views/" + id).status()).isEqualTo(404);
	}

	@Test
	void badInputNamesTheFieldAndTheRule() {
		ApiClient ann = api("ann");
		ApiClient.Response colour = ann.post("/api/v1/views", "{\"list\": \"DEALS\", \"name\": \"Odd\", \"filters\": {\"colour\": \"red\"}}");
		assertThat(colour.status()).isEqualTo(400);
		assertThat(colour.body()).contains("filters", "colour", "closedFrom");
		ApiClient.Response sort = ann.post("/api/v1/views", "{\"list\": \"DEALS\", \"name\": \"Odd\", \"sort\": \"colour\"}");
		assertThat(sort.status()).isEqualTo(400);
		assertThat(sort.body()).contains("sort", "-amount");
		assertThat(ann.post("/api/v1/views", "{\"list\": \"DEALS\", \"name\": \"Twice\"}").status()).isEqualTo(201);
		ApiClient.Response twice = ann.post("/api/v1/views", "{\"list\": \"DEALS\", \"name\": \"twice\"}");
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.body()).contains("name", "you already have a view of this list with this name");
		ApiClient.Response blank = ann.post("/api/v1/views", "{\"list\": \"DEALS\", \"name\": \" \"}");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("name");
	}

	@Test
	void theDealListSavesAndOffersViewsAndShowsTheirColumns() {
		WebSession ann = WebSession.signedIn(port, "ann@" + domain, PASSWORD);
		HttpResponse<String> saved = ann.postMulti("/deals/views", Map.of("name", List.of("Amounts only"), "status", List.of("any"),
				"sort", List.of("-amount"), "col", List.of("amount"), "shared", List.of("true")));
		assertThat(saved.statusCode()).isEqualTo(302);
		String location = saved.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/deals?status=any&sort=-amount&cols=amount&view=");
		String page = ann.get(location.substring(location.indexOf("/deals"))).body();
		assertThat(page).contains("View Amounts only saved.", "aria-current=\"page\" class=\"current\">Amounts only</a>")
			.contains(">Amount</a></th>", "Viewed deal").doesNotContain(">Forecast</th>", ">Account</th>", ">Viewed BV</a>");

		WebSession ben = WebSession.signedIn(port, "ben@" + domain, PASSWORD);
		String benPage = ben.get("/deals").body();
		assertThat(benPage).contains(">Amounts only</a>", "by Ann").doesNotContain("Delete view: Amounts only");
		assertThat(WebSession.signedIn(port, "cas@" + domain, PASSWORD).get("/deals").body()).doesNotContain("Amounts only");

		ann.postMulti("/deals/views", Map.of("name", List.of(" ")));
		assertThat(ann.get("/deals").body()).contains("Name of the view: must not be blank");

		String fragment = ann.get("/deals?cols=stage,owner", Map.of("HX-Request", "true")).body();
		assertThat(fragment).doesNotContain("<html", ">Forecast</th>", ">Amount</a></th>").contains("id=\"rows\"", ">Stage</th>",
				"Viewed deal");
	}

	private static List<String> names(JsonNode listing) {
		List<String> names = new java.util.ArrayList<>();
		listing.get("items").forEach(v -> names.add(v.get("name").asString()));
		return names;
	}

	private ApiClient api(String name) {
		return ApiClient.as(port, name + "@" + domain, PASSWORD);
	}
}
