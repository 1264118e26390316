package dev.tandem.crm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.tandem.exchange.ExportManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Ids;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recycle bin over HTTP on organisations of the test's own: Bin Sales (led by Hanna) has North (Mona, who works
 * in Dutch, leads Rik) and South (Sven leads Saar and Fay). Deleting moves a record with what belongs to it into the bin, out of every
 * list, figure, export and lookup; its owner's line brings it back as it was; nobody else sees it; a rep may not
 * delete a won or lost deal; after the retention the job purges it.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecycleBinTests {

	private static final String PASSWORD = "recycle-bin-password";

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired PlaybookManagement playbook;
	@Autowired BulkLoad bulkLoad;
	@Autowired RecycleBin bin;
	@Autowired ExportManagement export;
	@Autowired java.time.Clock clock;

	CurrentUser admin;
	String domain;
	UUID rik;
	UUID saar;
	UUID fay;
	Pipeline pipeline;

	@BeforeAll
	void openOrganisation() {
		domain = "bin-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		admin = organisations.open(new NewOrganisation("Bin " + domain, "Europe/Amsterdam", "EUR", "en", 1), "admin@" + domain,
				"Admin", PASSWORD);
		UUID hanna = user("hanna", Role.MANAGER, "en");
		UUID mona = user("mona", Role.MANAGER, "nl");
		UUID sven = user("sven", Role.MANAGER, "en");
		rik = user("rik", Role.REP, "en");
		saar = user("saar", Role.REP, "en");
		fay = user("fay", Role.REP, "en");
		UUID sales = teams.create(admin, new NewTeam("Bin Sales", TeamKind.SALES, null, hanna)).id();
		UUID north = teams.create(admin, new NewTeam("Bin North", TeamKind.SALES, sales, mona)).id();
		UUID south = teams.create(admin, new NewTeam("Bin South", TeamKind.SALES, sales, sven)).id();
		LocalDate start = LocalDate.of(2025, 1, 1);
		teams.addMember(admin, north, rik, start);
		teams.addMember(admin, south, saar, start);
		teams.addMember(admin, south, fay, start);
		pipeline = playbook.defaultPipeline(admin.orgId());
	}

	@Test
	void aDeletedDealComesBackWithItsHistoryAndActivities() {
		ApiClient rikApi = api("rik");
		String account = id(rikApi.post("/api/v1/accounts", "{\"name\":\"Rollout Co\"}"));
		String deal = id(rikApi.post("/api/v1/deals",
				"{\"accountId\":\"" + account + "\",\"title\":\"Rollout deal\",\"amount\":1000,\"closeDate\":\"2026-12-15\"}"));
		assertThat(rikApi.patch("/api/v1/deals/" + deal, "{\"version\":0,\"amount\":1500}").status()).isEqualTo(200);
		String call = id(rikApi.post("/api/v1/activities", "{\"type\":\"CALL\",\"subject\":\"First call\",\"dealId\":\"" + deal + "\"}"));
		id(rikApi.post("/api/v1/activities", "{\"type\":\"MEETING\",\"subject\":\"Kick-off\",\"dealId\":\"" + deal + "\"}"));
		JsonNode history = rikApi.get("/api/v1/deals/" + deal + "/history").json().get("items");
		// The first stage on creation, then the amount from 1,000 to 1,500.
		assertThat(history.size()).isEqualTo(2);
		JsonNode activities = rikApi.get("/api/v1/deals/" + deal + "/activities").json().get("items");
		assertThat(activities.size()).isEqualTo(2);
		assertThat(rikApi.get("/api/v1/accounts/" + account).json().get("openDeals").asInt()).isEqualTo(1);

		assertThat(rikApi.delete("/api/v1/deals/" + deal).status()).isEqualTo(204);

		ApiClient.Response gone = rikApi.get("/api/v1/deals/" + deal);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.contentType()).startsWith("application/problem+json");
		assertThat(rikApi.get("/api/v1/deals/" + deal + "/history").status()).isEqualTo(404);
		assertThat(rikApi.get("/api/v1/deals/" + deal + "/activities").status()).isEqualTo(404);
		assertThat(rikApi.get("/api/v1/activities/" + call).status()).isEqualTo(404);
		assertThat(rikApi.get("/api/v1/deals?q=Rollout%20deal").json().get("total").asInt()).isZero();
		assertThat(rikApi.get("/api/v1/activities?limit=500").json().get("items").toString()).doesNotContain(call);
		assertThat(rikApi.get("/api/v1/accounts/" + account).json().get("openDeals").asInt()).isZero();
		assertThat(rikApi.get("/api/v1/accounts/" + account + "/timeline").json().get("total").asInt()).isZero();
		WebSession rikWeb = web("rik");
		assertThat(rikWeb.get("/deals/" + deal).statusCode()).isEqualTo(404);
		assertThat(rikWeb.get("/deals?q=Rollout").body()).doesNotContain("Rollout deal");
		assertThat(rikWeb.get("/deals?format=csv").body()).doesNotContain("Rollout deal");

		JsonNode entry = entryOf(rikApi, deal);
		assertThat(entry.get("kind").asString()).isEqualTo("DEAL");
		assertThat(entry.get("label").asString()).isEqualTo("Rollout deal");
		assertThat(entry.get("ownerId").asString()).isEqualTo(rik.toString());
		assertThat(entry.get("deletedByName").asString()).isEqualTo("Person rik");
		assertThat(entry.get("activities").asInt()).isEqualTo(2);
		assertThat(entry.get("deals").asInt()).isZero();
		assertThat(Instant.parse(entry.get("purgeAt").asString()))
			.isEqualTo(Instant.parse(entry.get("deletedAt").asString()).plus(Duration.ofDays(30)));
		assertThat(rikWeb.get("/recycle-bin").body()).contains("Rollout deal").contains("with 2 activities").contains("Restore");

		assertThat(rikApi.post("/api/v1/recycle-bin/deal/" + deal + "/restore", "").status()).isEqualTo(204);

		JsonNode back = rikApi.get("/api/v1/deals/" + deal).json();
		assertThat(back.get("amount").decimalValue()).isEqualByComparingTo("1500");
		assertThat(rikApi.get("/api/v1/deals/" + deal + "/history").json().get("items")).isEqualTo(history);
		assertThat(rikApi.get("/api/v1/deals/" + deal + "/activities").json().get("items")).isEqualTo(activities);
		assertThat(rikApi.get("/api/v1/activities/" + call).status()).isEqualTo(200);
		assertThat(rikApi.get("/api/v1/accounts/" + account).json().get("openDeals").asInt()).isEqualTo(1);
		assertThat(entryOrNull(rikApi, deal)).isNull();
		assertThat(rikApi.post("/api/v1/recycle-bin/deal/" + deal + "/restore", "").status()).as("restored once").isEqualTo(404);

		List<String> audit = audit();
		assertThat(audit).contains("Person rik DEAL_DELETED deal " + deal + " Rollout deal",
				"Person rik RESTORED deal " + deal + " Rollout deal");
	}

	@Test
	void aRepCannotDeleteAWonOrLostDealTheirManagerCan() {
		ApiClient rikApi = api("rik");
		String account = id(rikApi.post("/api/v1/accounts", "{\"name\":\"Closed Co\"}"));
		String lost = id(rikApi.post("/api/v1/deals",
				"{\"accountId\":\"" + account + "\",\"title\":\"Lost deal\",\"amount\":800,\"closeDate\":\"2026-11-16\"}"));
		Stage lostStage = pipeline.stages().stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElseThrow();
		assertThat(rikApi.post("/api/v1/deals/" + lost + "/stage",
				"{\"version\":0,\"stageId\":\"" + lostStage.id() + "\",\"lostReason\":\"No budget\"}").status()).isEqualTo(200);
		UUID won = wonDeal(rik, UUID.fromString(account), "Won deal", "2000", LocalDate.of(2026, 11, 12), LocalDate.of(2026, 10, 1));

		for (String deal : List.of(lost, won.toString())) {
			ApiClient.Response refused = rikApi.delete("/api/v1/deals/" + deal);
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("title").asString()).isEqualTo("Not allowed to delete this");
			assertThat(refused.json().get("detail").asString())
				.isEqualTo("A rep cannot delete a won or lost deal: it counts in the team's results. Ask your manager or an admin.");
			assertThat(refused.json().get("rule").asString()).isEqualTo("recycle.refused.closed-deal");
			assertThat(rikApi.get("/api/v1/deals/" + deal).status()).isEqualTo(200);
			assertThat(entryOrNull(rikApi, deal)).isNull();
		}
		ApiClient.Response dutch = api("rik").language("nl").delete("/api/v1/deals/" + won);
		assertThat(dutch.json().get("detail").asString()).startsWith("Een verkoper kan een gewonnen of verloren deal niet verwijderen");
		assertThat(rikApi.delete("/api/v1/accounts/" + account).json().get("rule").asString())
			.isEqualTo("recycle.refused.closed-deal-of-account");
		assertThat(rikApi.get("/api/v1/accounts/" + account).status()).isEqualTo(200);

		// On the page the refusal comes back to the deal, naming the rule.
		WebSession rikWeb = web("rik");
		HttpResponse<String> page = rikWeb.post("/deals/" + won + "/delete", Map.of());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/deals/" + won);
		assertThat(rikWeb.get("/deals/" + won).body()).contains("A rep cannot delete a won or lost deal");

		// Rik's manager may; the deal is Rik's, so it waits in his bin too.
		assertThat(api("mona").delete("/api/v1/deals/" + won).status()).isEqualTo(204);
		assertThat(entryOf(rikApi, won.toString()).get("deletedByName").asString()).isEqualTo("Person mona");
		assertThat(api("admin").delete("/api/v1/deals/" + lost).status()).isEqualTo(204);
		assertThat(rikApi.get("/api/v1/deals/" + lost).status()).isEqualTo(404);
	}

	@Test
	void onlyTheOwnersLineSeesAndRestoresAnEntry() {
		ApiClient rikApi = api("rik");
		String account = id(rikApi.post("/api/v1/accounts", "{\"name\":\"Line Co\"}"));
		String deal = id(rikApi.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Line deal\"}"));
		assertThat(rikApi.delete("/api/v1/deals/" + deal).status()).isEqualTo(204);

		// Another team's rep and manager neither see nor restore it; another organisation's admin does not find it.
		for (String other : List.of("saar", "sven")) {
			assertThat(entryOrNull(api(other), deal)).as(other).isNull();
			assertThat(api(other).post("/api/v1/recycle-bin/deal/" + deal + "/restore", "").status()).as(other).isEqualTo(404);
			assertThat(web(other).get("/recycle-bin").body()).as(other).doesNotContain("Line deal");
		}
		ApiClient zuidwind = ApiClient.as(port, Demo.OTHER_TENANT_ADMIN, Demo.PASSWORD);
		assertThat(zuidwind.get("/api/v1/recycle-bin?limit=500").json().toString()).doesNotContain(deal);
		assertThat(zuidwind.post("/api/v1/recycle-bin/deal/" + deal + "/restore", "").status()).isEqualTo(404);
		assertThat(ApiClient.as(port, Demo.ADMIN, Demo.PASSWORD).post("/api/v1/recycle-bin/deal/" + deal + "/restore", "").status())
			.isEqualTo(404);
		assertThat(api("saar").post("/api/v1/recycle-bin/account/" + deal + "/restore", "").status()).as("wrong kind").isEqualTo(404);
		assertThat(api("saar").post("/api/v1/recycle-bin/fax/" + deal + "/restore", "").status()).as("no such kind").isEqualTo(404);

		// The line above Rik sees it; his manager brings it back.
		assertThat(entryOf(api("hanna"), deal).get("label").asString()).isEqualTo("Line deal");
		assertThat(entryOf(api("admin"), deal).get("ownerName").asString()).isEqualTo("Person rik");
		assertThat(api("mona").post("/api/v1/recycle-bin/deal/" + deal + "/restore", "").status()).isEqualTo(204);
		assertThat(rikApi.get("/api/v1/deals/" + deal).status()).isEqualTo(200);
		assertThat(api("saar").get("/api/v1/deals/" + deal).status()).isEqualTo(404);
	}

	@Test
	void anAccountGoesWithItsContactsDealsAndActivitiesAndComesBackWithThem() {
		ApiClient rikApi = api("rik");
		ApiClient hannaApi = api("hanna");
		String account = id(rikApi.post("/api/v1/accounts", "{\"name\":\"Whole Co\"}"));
		String jan = id(rikApi.post("/api/v1/contacts", "{\"accountId\":\"" + account + "\",\"name\":\"Jan Whole\"}"));
		String els = id(rikApi.post("/api/v1/contacts", "{\"accountId\":\"" + account + "\",\"name\":\"Els Whole\"}"));
		String first = id(rikApi.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Whole first\"}"));
		String second = id(rikApi.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Whole second\"}"));
		id(rikApi.post("/api/v1/activities", "{\"type\":\"EMAIL\",\"subject\":\"Intro\",\"accountId\":\"" + account + "\",\"contactIds\":[\"" + jan + "\"]}"));
		id(rikApi.post("/api/v1/activities", "{\"type\":\"CALL\",\"subject\":\"Follow-up\",\"dealId\":\"" + first + "\"}"));
		// Saar's deal on Rik's account: Rik cannot delete the account while it is there.
		String saars = id(hannaApi.post("/api/v1/deals",
				"{\"accountId\":\"" + account + "\",\"title\":\"Whole of Saar\",\"ownerId\":\"" + saar + "\"}"));
		ApiClient.Response refused = rikApi.delete("/api/v1/accounts/" + account);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).isEqualTo(
				"This account has a deal of Person saar, whose records are not yours to manage: only their line can delete the account.");
		assertThat(api("saar").delete("/api/v1/accounts/" + account).json().get("rule").asString())
			.as("the account is Rik's").isEqualTo("recycle.refused.not-your-line");
		assertThat(hannaApi.delete("/api/v1/deals/" + saars).status()).isEqualTo(204);

		assertThat(rikApi.delete("/api/v1/accounts/" + account).status()).isEqualTo(204);
		for (String path : List.of("/api/v1/accounts/" + account, "/api/v1/contacts/" + jan, "/api/v1/contacts/" + els,
				"/api/v1/deals/" + first, "/api/v1/deals/" + second)) {
			assertThat(rikApi.get(path).status()).as(path).isEqualTo(404);
		}
		assertThat(rikApi.get("/api/v1/accounts?q=Whole").json().get("total").asInt()).isZero();
		assertThat(rikApi.get("/api/v1/contacts?q=Whole").json().get("total").asInt()).isZero();
		assertThat(rikApi.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"On a binned account\"}").status())
			.as("not an account to pick").isEqualTo(400);
		JsonNode entry = entryOf(rikApi, account);
		assertThat(entry.get("kind").asString()).isEqualTo("ACCOUNT");
		assertThat(entry.get("contacts").asInt()).isEqualTo(2);
		assertThat(entry.get("deals").asInt()).isEqualTo(2);
		assertThat(entry.get("activities").asInt()).isEqualTo(2);

		// Saar's deal went into the bin on its own: it waits for its account.
		ApiClient.Response early = hannaApi.post("/api/v1/recycle-bin/deal/" + saars + "/restore", "");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("detail").asString()).isEqualTo("Restore the account Whole Co first: this belongs to it and comes back after it.");

		assertThat(rikApi.post("/api/v1/recycle-bin/account/" + account + "/restore", "").status()).isEqualTo(204);
		assertThat(rikApi.get("/api/v1/accounts/" + account + "/contacts").json().get("total").asInt()).isEqualTo(2);
		assertThat(rikApi.get("/api/v1/deals?q=Whole").json().get("total").asInt()).isEqualTo(2);
		assertThat(rikApi.get("/api/v1/accounts/" + account + "/timeline").json().get("total").asInt()).isEqualTo(2);
		assertThat(rikApi.get("/api/v1/accounts/" + account + "/timeline").json().toString()).contains(jan);
		assertThat(hannaApi.post("/api/v1/recycle-bin/deal/" + saars + "/restore", "").status()).isEqualTo(204);
		assertThat(api("saar").get("/api/v1/deals/" + saars).status()).isEqualTo(200);
	}

	@Test
	void leadsAndContactsGoAndComeBackFromThePages() {
		ApiClient rikApi = api("rik");
		String lead = id(rikApi.post("/api/v1/leads", "{\"personName\":\"Paula Page\",\"company\":\"Page Co\"}"));
		String account = id(rikApi.post("/api/v1/accounts", "{\"name\":\"Contact Co\"}"));
		String contact = id(rikApi.post("/api/v1/contacts", "{\"accountId\":\"" + account + "\",\"name\":\"Carl Contact\"}"));
		WebSession rikWeb = web("rik");
		assertThat(rikWeb.get("/leads/" + lead).body()).contains("/leads/" + lead + "/delete");
		assertThat(rikWeb.postForm("/leads/" + lead + "/delete", Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
		assertThat(rikApi.get("/api/v1/leads/" + lead).status()).isEqualTo(200);

		HttpResponse<String> deleted = rikWeb.post("/leads/" + lead + "/delete", Map.of());
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/recycle-bin");
		assertThat(rikWeb.get("/recycle-bin").body()).contains("Paula Page is in the recycle bin. You can restore it here for 30 days.")
			.contains("Paula Page, Page Co");
		assertThat(rikApi.get("/api/v1/leads/" + lead).status()).isEqualTo(404);
		assertThat(rikWeb.get("/leads?q=Paula").body()).doesNotContain("Paula Page");

		// htmx restores in place: the bin's fragment, saying what came back.
		HttpResponse<String> restored = rikWeb.post("/recycle-bin/lead/" + lead + "/restore", Map.of(), Map.of("HX-Request", "true"));
		assertThat(restored.statusCode()).isEqualTo(200);
		assertThat(restored.body()).doesNotContain("<html").contains("id=\"entries\"").contains("Paula Page, Page Co is back.")
			.contains("/leads/" + lead);
		assertThat(rikApi.get("/api/v1/leads/" + lead).status()).isEqualTo(200);

		// Without scripts: the form posts and the bin page comes back; in Dutch for Rik's manager, who works in Dutch.
		assertThat(rikWeb.post("/contacts/" + contact + "/delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(rikApi.get("/api/v1/contacts/" + contact).status()).isEqualTo(404);
		assertThat(rikApi.get("/api/v1/accounts/" + account + "/contacts").json().get("total").asInt()).isZero();
		assertThat(web("mona").get("/recycle-bin").body()).contains("Prullenbak").contains("Carl Contact, Contact Co")
			.contains("Terugzetten");
		HttpResponse<String> back = rikWeb.post("/recycle-bin/contact/" + contact + "/restore", Map.of());
		assertThat(back.statusCode()).isEqualTo(302);
		assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/recycle-bin");
		assertThat(rikApi.get("/api/v1/contacts/" + contact).status()).isEqualTo(200);
		assertThat(rikWeb.get("/").body()).contains("href=\"/recycle-bin\"");
	}

	@Test
	void figuresFollowTheDeletionAndTheRestoreExactly() throws IOException {
		UUID account = UUID.randomUUID();
		bulkLoad.load(admin.orgId(), new BulkLoad.Batch("test", List.of(new BulkLoadRows.AccountRow(account, "Figures Co", null, null,
				null, null, fay, Instant.parse("2026-10-01T09:00:00Z"))), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of()));
		// Won 4,000 on 10 November (created 1 October); open 2,500 created 5 November with three calls on 12 November.
		UUID won = wonDeal(fay, account, "Fay won", "4000", LocalDate.of(2026, 11, 10), LocalDate.of(2026, 10, 1));
		UUID open = openDeal(fay, account, "Fay open", "2500", Instant.parse("2026-11-05T09:00:00Z"), 3);
		ApiClient sven = api("sven");
		ApiClient fayApi = api("fay");
		String summary = "/api/v1/insight/users/" + fay + "/summary?period=2026-11";
		assertThat(figures(sven.get(summary).json())).isEqualTo("won 4000 1, lost 0, activities 3, new 2500 1, open 1");
		assertThat(exportedDeals()).contains("Fay won", "Fay open");

		assertThat(sven.delete("/api/v1/deals/" + won).status()).isEqualTo(204);
		assertThat(figures(sven.get(summary).json())).isEqualTo("won 0 0, lost 0, activities 3, new 2500 1, open 1");
		assertThat(fayApi.delete("/api/v1/deals/" + open).status()).isEqualTo(204);
		assertThat(figures(sven.get(summary).json())).isEqualTo("won 0 0, lost 0, activities 0, new 0 0, open 0");
		assertThat(exportedDeals()).doesNotContain("Fay won", "Fay open");
		assertThat(sven.get("/api/v1/insight/users/" + fay + "/hygiene").json().get("openDeals").asInt()).isZero();

		assertThat(fayApi.post("/api/v1/recycle-bin/deal/" + won + "/restore", "").status()).isEqualTo(204);
		assertThat(fayApi.post("/api/v1/recycle-bin/deal/" + open + "/restore", "").status()).isEqualTo(204);
		assertThat(figures(sven.get(summary).json())).isEqualTo("won 4000 1, lost 0, activities 3, new 2500 1, open 1");
		assertThat(exportedDeals()).contains("Fay won", "Fay open");
	}

	@Test
	void theJobPurgesWhatIsOlderThanTheRetention() {
		String purgeDomain = "purge-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser owner = organisations.open(new NewOrganisation("Purge " + purgeDomain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + purgeDomain, "Admin", PASSWORD);
		users.create(owner, new NewUser("pat@" + purgeDomain, "Pat", Role.REP, "en", PASSWORD, List.of()));
		ApiClient pat = ApiClient.as(port, "pat@" + purgeDomain, PASSWORD);
		String account = id(pat.post("/api/v1/accounts", "{\"name\":\"Purge Co\"}"));
		id(pat.post("/api/v1/contacts", "{\"accountId\":\"" + account + "\",\"name\":\"Pia Purge\"}"));
		String deal = id(pat.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Purge deal\"}"));
		String call = id(pat.post("/api/v1/activities", "{\"type\":\"CALL\",\"subject\":\"Purge call\",\"dealId\":\"" + deal + "\"}"));
		String lead = id(pat.post("/api/v1/leads", "{\"personName\":\"Lea Lead\",\"company\":\"Lead Co\"}"));
		JsonNode conversion = pat.post("/api/v1/leads/" + lead + "/convert", "{\"version\":1,\"dealTitle\":\"From the lead\"}").json();
		String converted = conversion.get("deal").get("id").asString();
		assertThat(pat.delete("/api/v1/deals/" + converted).status()).isEqualTo(204);
		assertThat(pat.get("/api/v1/leads/" + lead).json().get("dealId").isNull()).as("links only to live records").isTrue();
		assertThat(pat.delete("/api/v1/accounts/" + account).status()).isEqualTo(204);
		Instant deletedAt = Instant.parse(entryOf(pat, account).get("deletedAt").asString());

		assertThat(bin.purgeExpired(owner.orgId(), deletedAt.plus(Duration.ofDays(29)))).isZero();
		assertThat(pat.get("/api/v1/recycle-bin").json().get("total").asInt()).isEqualTo(2);
		assertThat(bin.purgeExpired(owner.orgId(), deletedAt.plus(Duration.ofDays(30)).plusSeconds(1))).isEqualTo(2);

		assertThat(pat.get("/api/v1/recycle-bin").json().get("total").asInt()).isZero();
		assertThat(pat.post("/api/v1/recycle-bin/account/" + account + "/restore", "").status()).isEqualTo(404);
		assertThat(rows("crm_account where id = cast(:id as uuid)", account)).isZero();
		assertThat(rows("crm_contact where account_id = cast(:id as uuid)", account)).isZero();
		assertThat(rows("crm_deal where id = cast(:id as uuid)", deal)).isZero();
		assertThat(rows("crm_deal_stage_history where deal_id = cast(:id as uuid)", deal)).isZero();
		assertThat(rows("crm_activity where id = cast(:id as uuid)", call)).isZero();
		assertThat(rows("crm_deal where id = cast(:id as uuid)", converted)).isZero();
		assertThat(rows("crm_lead where id = cast(:id as uuid) and deal_id is null", lead)).as("the lead stays, without its deal").isOne();
		assertThat(rows("crm_recycle_bin where org_id = cast(:id as uuid)", owner.orgId().toString())).isZero();
		List<String> purged = new ArrayList<>();
		ApiClient.as(port, "admin@" + purgeDomain, PASSWORD).get("/api/v1/audit?action=PURGED").json().get("items")
			.forEach(e -> purged.add(e.get("actor").asString() + " " + e.get("targetType").asString() + " " + e.get("targetId").asString()));
		assertThat(purged).containsExactlyInAnyOrder("Tandem deal " + converted, "Tandem account " + account);
	}

	private UUID user(String login, Role role, String locale) {
		return users.create(admin, new NewUser(login + "@" + domain, "Person " + login, role, locale, PASSWORD, List.of())).user().id();
	}

	private ApiClient api(String login) {
		return ApiClient.as(port, login + "@" + domain, PASSWORD);
	}

	private WebSession web(String login) {
		return WebSession.signedIn(port, login + "@" + domain, PASSWORD);
	}

	private static String id(ApiClient.Response created) {
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static JsonNode entryOf(ApiClient client, String recordId) {
		JsonNode entry = entryOrNull(client, recordId);
		assertThat(entry).as("bin entry of " + recordId).isNotNull();
		return entry;
	}

	private static JsonNode entryOrNull(ApiClient client, String recordId) {
		for (JsonNode entry : client.get("/api/v1/recycle-bin?limit=500").json().get("items")) {
			if (entry.get("recordId").asString().equals(recordId)) {
				return entry;
			}
		}
		return null;
	}

	/** The organisation's audit log as "actor action type id detail" lines. */
	private List<String> audit() {
		List<String> lines = new ArrayList<>();
		api("admin").get("/api/v1/audit?limit=500").json().get("items").forEach(e -> lines.add(e.get("actor").asString() + " "
				+ e.get("action").asString() + " " + e.get("targetType").asString() + " " + e.get("targetId").asString() + " "
				+ e.get("detail").asString()));
		return lines;
	}

	private long rows(String fromWhere, String id) {
		return jdbc.sql("select count(*) from " + fromWhere).param("id", id).query(Long.class).single();
	}

	private static String figures(JsonNode summary) {
		return "won " + summary.get("wonRevenue").decimalValue().stripTrailingZeros().toPlainString() + " "
				+ summary.get("wonDeals").asInt() + ", lost " + summary.get("lostDeals").asInt() + ", activities "
				+ summary.get("activities").asInt() + ", new " + summary.get("newPipeline").decimalValue().stripTrailingZeros().toPlainString()
				+ " " + summary.get("newDeals").asInt() + ", open " + summary.get("openDeals").asInt();
	}

	/** The deals file of the organisation's full export. */
	private String exportedDeals() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.export(admin, out);
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("deals.csv")) {
					return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new IllegalStateException("No deals.csv in the export");
	}

	/** A deal won on {@code closed}, created on {@code created}, with its two stage changes. */
	private UUID wonDeal(UUID owner, UUID account, String title, String amount, LocalDate closed, LocalDate created) {
		UUID id = Ids.next();
		Stage first = pipeline.firstStage();
		Stage wonStage = pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
		Instant createdAt = created.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant();
		Instant closedAt = closed.atTime(15, 0).atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant();
		bulkLoad.load(admin.orgId(), new BulkLoad.Batch("test", List.of(), List.of(), List.of(new BulkLoadRows.DealRow(id, account, owner,
				title, new BigDecimal(amount), closed, pipeline.id(), wonStage.id(), DealStatus.WON, ForecastCategory.CLOSED, false, null,
				null, DealSource.OUTBOUND, null, null, closedAt, closedAt, null, null, createdAt, closedAt)),
				List.of(new BulkLoadRows.StageChangeRow(id, null, first.id(), createdAt, owner),
						new BulkLoadRows.StageChangeRow(id, first.id(), wonStage.id(), closedAt, owner)),
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
		return id;
	}

	/** An open deal in the first stage created at {@code createdAt}, with {@code calls} done calls a week later. */
	private UUID openDeal(UUID owner, UUID account, String title, String amount, Instant createdAt, int calls) {
		UUID id = Ids.next();
		Stage first = pipeline.firstStage();
		List<BulkLoadRows.ActivityRow> activities = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			Instant at = createdAt.plus(Duration.ofDays(7)).plus(Duration.ofHours(i));
			activities.add(new BulkLoadRows.ActivityRow(Ids.next(), ActivityType.CALL, Channel.PHONE, Direction.OUTBOUND, "Call " + i, null,
					null, null, at, null, true, id, account, owner, owner, false, List.of(), List.of(), at));
		}
		bulkLoad.load(admin.orgId(), new BulkLoad.Batch("test", List.of(), List.of(), List.of(new BulkLoadRows.DealRow(id, account, owner,
				title, new BigDecimal(amount), LocalDate.of(2026, 12, 20), pipeline.id(), first.id(), DealStatus.OPEN,
				first.forecastCategory(), false, "Send the proposal", LocalDate.of(2026, 11, 25), DealSource.OUTBOUND, null, null, null,
				createdAt, null, null, createdAt, createdAt)),
				List.of(new BulkLoadRows.StageChangeRow(id, null, first.id(), createdAt, owner)), List.of(), List.of(), List.of(), activities,
				List.of(), List.of(), List.of()));
		return id;
	}
}
