package dev.tandem.crm;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
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
 * Bulk edit through {@code POST /api/v1/deals/bulk} and the deal list's form, in an organisation of the test's own:
 * Mia leads Ann and Ben, Cas is in another team. Moving to Demo needs a logged call (a blocking gate), so of three deals
 * the one without a call is refused with the gate's reason and the others move; a rep cannot touch a colleague's deal,
 * a stale version is refused for that deal only, and a refused deal keeps every field (nothing half-written).
 */
@TandemIntegrationTest
class DealBulkEditTests {

	private static final String PASSWORD = "bulk-edit-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired ActivityManagement activities;
	@Autowired PlaybookManagement playbook;

	String domain;
	CurrentUser mia;
	CurrentUser ann;
	CurrentUser ben;
	CurrentUser cas;
	Stage mapped;
	Stage demo;
	Deal annCalled;
	Deal annSilent;
	Deal benCalled;

	@BeforeEach
	void organisation() {
		SmallTeam org = SmallTeam.open(organisations, users, teams, "bulk", PASSWORD, "nl");
		domain = org.domain();
		mia = org.mia();
		ann = org.ann();
		ben = org.ben();
		cas = org.cas();
		CurrentUser admin = org.admin();
		Pipeline pipeline = playbook.defaultPipeline(admin.orgId());
		mapped = pipeline.stages().stream().filter(s -> s.name().equals("Buying group mapped")).findFirst().orElseThrow();
		demo = pipeline.stages().stream().filter(s -> s.name().equals("Demo")).findFirst().orElseThrow();
		annCalled = deal(ann, "Ann called", true);
		annSilent = deal(ann, "Ann silent", false);
		benCalled = deal(ben, "Ben called", true);
	}

	@Test
	void theGateRefusesOneDealAndTheOthersMove() {
		ApiClient api = ApiClient.as(port, "mia@" + domain, PASSWORD);
		ApiClient.Response response = api.post("/api/v1/deals/bulk", body("\"stageId\": \"" + demo.id() + "\"", annCalled, 0, annSilent, 0, benCalled, 0));
		assertThat(response.status()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.get("updated").asInt()).isEqualTo(2);
		assertThat(json.get("refused").asInt()).isEqualTo(1);
		assertThat(json.get("conflicts").asInt()).isEqualTo(0);
		JsonNode results = json.get("results");
		assertThat(results.get(0).get("outcome").asString()).isEqualTo("UPDATED");
		assertThat(results.get(0).get("deal").get("stageName").asString()).isEqualTo("Demo");
		assertThat(results.get(1).get("outcome").asString()).isEqualTo("REFUSED");
		assertThat(results.get(1).get("title").asString()).isEqualTo("Ann silent");
		assertThat(results.get(1).get("reasons").get(0).asString()).isEqualTo("Call: 1 needed, 0 logged");
		assertThat(results.get(2).get("outcome").asString()).isEqualTo("UPDATED");

		assertThat(deals.get(mia, annCalled.id()).stageId()).isEqualTo(demo.id());
		assertThat(deals.get(mia, benCalled.id()).stageId()).isEqualTo(demo.id());
		assertThat(deals.get(mia, annSilent.id()).stageId()).isEqualTo(mapped.id());
		assertThat(deals.get(mia, annSilent.id()).version()).isEqualTo(0);
	}

	@Test
	void aRefusedDealKeepsEveryFieldNotOnlyItsStage() {
		ApiClient api = ApiClient.as(port, "mia@" + domain, PASSWORD);
		JsonNode json = api.post("/api/v1/deals/bulk", body(
				"\"stageId\": \"" + demo.id() + "\", \"ownerId\": \"" + ben.id() + "\", \"closeDate\": \"2026-12-31\"", annSilent, 0,
				annCalled, 0)).json();
		assertThat(json.get("results").get(0).get("outcome").asString()).isEqualTo("REFUSED");
		Deal silent = deals.get(mia, annSilent.id());
		assertThat(silent.ownerId()).isEqualTo(ann.id());
		assertThat(silent.closeDate()).isNull();
		assertThat(silent.version()).isEqualTo(0);
		assertThat(deals.history(mia, annSilent.id())).hasSize(1);

		Deal moved = deals.get(mia, annCalled.id());
		assertThat(moved.ownerId()).isEqualTo(ben.id());
		assertThat(moved.closeDate()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(moved.stageId()).isEqualTo(demo.id());
		// One move and one field change: two writes, two versions.
		assertThat(moved.version()).isEqualTo(2);
	}

	@Test
	void aRepCannotBulkEditAColleaguesDealNorHandADealToSomeoneOutsideTheirLine() {
		ApiClient api = ApiClient.as(port, "ann@" + domain, PASSWORD);
		JsonNode json = api.post("/api/v1/deals/bulk", body("\"closeDate\": \"2027-01-15\", \"forecastCategory\": \"COMMIT\"", annCalled, 0, benCalled, 0)).json();
		JsonNode results = json.get("results");
		assertThat(results.get(0).get("outcome").asString()).isEqualTo("UPDATED");
		assertThat(results.get(0).get("deal").get("forecastCategory").asString()).isEqualTo("COMMIT");
		assertThat(results.get(1).get("outcome").asString()).isEqualTo("REFUSED");
		assertThat(results.get(1).get("title").isNull()).isTrue();
		assertThat(results.get(1).get("deal").isNull()).isTrue();
		assertThat(results.get(1).get("reasons").get(0).asString()).isEqualTo("There is no deal with this id that you may see.");
		assertThat(deals.get(mia, benCalled.id()).closeDate()).isNull();
		assertThat(deals.get(mia, benCalled.id()).forecastCategory()).isEqualTo(ForecastCategory.PIPELINE);

		JsonNode handOver = api.post("/api/v1/deals/bulk", body("\"ownerId\": \"" + cas.id() + "\"", annCalled, 1)).json();
		assertThat(handOver.get("results").get(0).get("outcome").asString()).isEqualTo("REFUSED");
		assertThat(handOver.get("results").get(0).get("reasons").get(0).asString())
			.isEqualTo("Owner: must be you or someone you manage");
		assertThat(deals.get(ann, annCalled.id()).ownerId()).isEqualTo(ann.id());
	}

	@Test
	void aStaleVersionIsAConflictForThatDealOnly() {
		deals.update(ann, annCalled.id(), new DealChanges(0, java.util.Set.of("nextStep"), null, null, null, null, null,
				"Send the contract", null, null, null));
		ApiClient api = ApiClient.as(port, "mia@" + domain, PASSWORD);
		JsonNode json = api.post("/api/v1/deals/bulk", body("\"closeDate\": \"2026-12-20\"", annCalled, 0, benCalled, 0)).json();
		assertThat(json.get("conflicts").asInt()).isEqualTo(1);
		assertThat(json.get("results").get(0).get("outcome").asString()).isEqualTo("CONFLICT");
		assertThat(json.get("results").get(0).get("version").asInt()).isEqualTo(1);
		assertThat(json.get("results").get(0).get("reasons").get(0).asString()).startsWith("Ann changed this in the meantime");
		assertThat(json.get("results").get(1).get("outcome").asString()).isEqualTo("UPDATED");
		assertThat(deals.get(mia, annCalled.id()).closeDate()).isNull();
		assertThat(deals.get(mia, benCalled.id()).closeDate()).isEqualTo(LocalDate.of(2026, 12, 20));
	}

	@Test
	void aRequestWithoutDealsOrWithoutChangesIsRefusedWhole() {
		ApiClient api = ApiClient.as(port, "mia@" + domain, PASSWORD);
		ApiClient.Response none = api.post("/api/v1/deals/bulk", "{\"deals\": [], \"changes\": {\"closeDate\": \"2026-12-20\"}}");
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.body()).contains("deals", "Tick at least one deal.");
		ApiClient.Response nothing = api.post("/api/v1/deals/bulk", body("", annCalled, 0));
		assertThat(nothing.status()).isEqualTo(400);
		assertThat(nothing.body()).contains("changes", "Choose what to change");
		ApiClient.Response twice = api.post("/api/v1/deals/bulk", "{\"deals\": [{\"id\": \"" + annCalled.id() + "\", \"version\": 0},"
				+ " {\"id\": \"" + annCalled.id() + "\", \"version\": 0}], \"changes\": {\"closeDate\": \"2026-12-20\"}}");
		assertThat(twice.status()).isEqualTo(400);
		assertThat(deals.get(mia, annCalled.id()).version()).isEqualTo(0);
	}

	@Test
	void theListFormReportsPerDealInTheUsersLanguage() {
		WebSession benWeb = WebSession.signedIn(port, "ben@" + domain, PASSWORD);
		Deal benSilent = deal(ben, "Ben stil", false);
		HttpResponse<String> answer = benWeb.postMulti("/deals/bulk", Map.of("deal",
				List.of(benCalled.id() + ":0", benSilent.id() + ":0"), "stageId", List.of(demo.id().toString()),
				"back", List.of("/deals?status=OPEN&")));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("1 gewijzigd, 1 geweigerd, 0 intussen door iemand anders gewijzigd.",
				"Telefoongesprek: 1 nodig, 0 vastgelegd", "Ben stil", "href=\"/deals?status=OPEN&amp;\"");
		assertThat(deals.get(ben, benCalled.id()).stageId()).isEqualTo(demo.id());
		assertThat(deals.get(ben, benSilent.id()).stageId()).isEqualTo(mapped.id());

		HttpResponse<String> empty = benWeb.postMulti("/deals/bulk", Map.of("stageId", List.of(demo.id().toString()),
				"back", List.of("https://evil.example/")));
		assertThat(empty.body()).contains("Vink minstens één deal aan.", "href=\"/deals\"").doesNotContain("evil.example");
	}

	/** A bulk request: the changes (JSON members), then each deal with the version sent, in the order sent. */
	private static String body(String changes, Object... dealsAndVersions) {
		StringBuilder deals = new StringBuilder();
		for (int i = 0; i < dealsAndVersions.length; i += 2) {
			deals.append(i == 0 ? "" : ",").append("{\"id\": \"").append(((Deal) dealsAndVersions[i]).id()).append("\", \"version\": ")
				.append(dealsAndVersions[i + 1]).append('}');
		}
		return "{\"deals\": [" + deals + "], \"changes\": {" + changes + "}}";
	}

	private Deal deal(CurrentUser owner, String title, boolean called) {
		return new DealsAtTheGate(accounts, deals, activities).deal(owner, mapped, title, called);
	}
}
