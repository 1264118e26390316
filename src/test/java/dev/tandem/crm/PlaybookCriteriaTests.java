package dev.tandem.crm;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.playbook.BuyingRole;
import dev.tandem.playbook.ExitCriterion;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.support.ApiClient;
import dev.tandem.support.ApiClient.Response;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exit criteria over real HTTP under the default playbook: "Budget owner known" is met by an economic buyer in the
 * buying group and by nothing else, "Budget confirmed" and "Decision process known" by their ticks, sent along with a
 * refused move from a plain form; ticks are deal writes with a version; who may tick and who may set a criterion's
 * role in the editor.
 */
@TandemIntegrationTest
class PlaybookCriteriaTests {

	static final String DAAN = "daan@northwind.demo";

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired PlaybookManagement playbook;
	@Autowired dev.tandem.people.OrganisationManagement organisations;
	@Autowired dev.tandem.people.UserManagement users;

	CurrentUser daan;
	Pipeline pipeline;
	String suffix;

	@BeforeEach
	void setUp() {
		daan = Demo.user(jdbc, DAAN);
		pipeline = playbook.defaultPipeline(daan.orgId());
		suffix = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void budgetOwnerKnownIsMetByAnEconomicBuyerInTheBuyingGroupAndCannotBeTicked() {
		Deal deal = dealIn("Needs analysis");
		Contact chen = contact(deal, "Chen Peeters " + suffix);
		Contact anke = contact(deal, "Anke Dijkstra " + suffix);
		deals.addStakeholder(daan, deal.id(), new NewStakeholder(chen.id(), StakeholderRole.DECISION_MAKER, 4, Stance.SUPPORTIVE));
		Stakeholder influencer = deals.addStakeholder(daan, deal.id(),
				new NewStakeholder(anke.id(), StakeholderRole.INFLUENCER, 3, Stance.NEUTRAL));
		ApiClient api = ApiClient.as(port, DAAN, Demo.PASSWORD).language("en");
		UUID budgetOwner = criterion("Buying group mapped", "Budget owner known").id();

		// Two people and a decision maker: only the budget owner is missing, and a tick does not do for it.
		Response refused = api.post("/api/v1/deals/" + deal.id() + "/stage", move("Buying group mapped", 0));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("missing")).hasSize(1);
		JsonNode missing = refused.json().get("missing").get(0);
		assertThat(missing.get("kind").asString()).isEqualTo("CRITERION");
		assertThat(missing.get("satisfiedByRole").asString()).isEqualTo("ECONOMIC_BUYER");
		assertThat(missing.get("message").asString())
			.isEqualTo("Budget owner known: needs someone with the role Economic buyer in the buying group");
		Response tick = api.put("/api/v1/deals/" + deal.id() + "/criteria/" + budgetOwner, "{\"checked\":true,\"version\":0}");
		assertThat(tick.status()).isEqualTo(400);
		assertThat(tick.json().get("errors").get(0).get("message").asString())
			.isEqualTo("\u201cBudget owner known\u201d is met by the buying group, not by a tick");
		assertThat(ticks(deal.id())).isZero();

		// The deal page says what satisfies it and links to the add form on that role.
		WebSession web = WebSession.signedIn(port, DAAN, Demo.PASSWORD);
		String page = web.get("/deals/" + deal.id()).body();
		assertThat(page).contains("To move on to Buying group mapped", "Met once someone in the buying group has the role economic buyer.",
				"?add=ECONOMIC_BUYER#buying-group");

		// Anke turns out to hold the budget: the same move now goes through, with nothing ticked.
		deals.updateStakeholder(daan, deal.id(), influencer.id(), StakeholderRole.ECONOMIC_BUYER, 3, Stance.NEUTRAL,
				influencer.version());
		Response moved = api.post("/api/v1/deals/" + deal.id() + "/stage", move("Buying group mapped", 0));
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.json().get("stageName").asString()).isEqualTo("Buying group mapped");
		assertThat(moved.json().get("warnings")).isEmpty();
		assertThat(ticks(deal.id())).isZero();
		assertThat(web.get("/deals/" + deal.id()).body()).contains("Anke Dijkstra " + suffix + ", economic buyer in the buying group");
	}

	@Test
	void proposalCriteriaAreTickedWithTheRefusedMoveFromAPlainFormUntilItGoesThrough() {
		Deal deal = dealIn("Demo");
		ApiClient api = ApiClient.as(port, DAAN, Demo.PASSWORD).language("en");
		assertThat(api.post("/api/v1/activities", "{\"type\":\"DEMO\",\"subject\":\"Demo " + suffix + "\",\"dealId\":\"" + deal.id()
				+ "\"}").status()).isEqualTo(201);
		UUID budget = criterion("Proposal", "Budget confirmed").id();
		UUID decision = criterion("Proposal", "Decision process known").id();

		// Nothing ticked: refused with both, in the playbook's order.
		Response refused = api.post("/api/v1/deals/" + deal.id() + "/stage", move("Proposal", 0));
		assertThat(refused.status()).isEqualTo(422);
		List<String> messages = new ArrayList<>();
		refused.json().get("missing").forEach(m -> messages.add(m.get("message").asString()));
		assertThat(messages).containsExactly("Not checked yet: Budget confirmed", "Not checked yet: Decision process known");

		// The refusal's form, without JavaScript: one tick sent along is kept (version 0 -> 1), the move is still refused.
		WebSession brigitte = WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD);
		HttpResponse<String> first = brigitte.post("/deals/" + deal.id() + "/move",
				Map.of("stageId", stage("Proposal").id().toString(), "version", "0", "tick", budget.toString()));
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/deals/" + deal.id()));
		String page = brigitte.get("/deals/" + deal.id()).body();
		assertThat(page).contains("Not yet ready for Proposal", "name=\"tick\" value=\"" + decision + "\"", "Tick and move to Proposal")
			.doesNotContain("name=\"tick\" value=\"" + budget + "\"");
		assertThat(deals.get(daan, deal.id()).stageName()).isEqualTo("Demo");
		assertThat(deals.get(daan, deal.id()).version()).isEqualTo(1);
		assertThat(ticks(deal.id())).isEqualTo(1);

		// A form from before that tick is stale: nothing more is ticked and nothing moves.
		HttpResponse<String> stale = brigitte.post("/deals/" + deal.id() + "/move",
				Map.of("stageId", stage("Proposal").id().toString(), "version", "0", "tick", decision.toString()));
		assertThat(stale.statusCode()).isEqualTo(302);
		assertThat(brigitte.get("/deals/" + deal.id()).body()).contains("Brigitte Janssens changed this in the meantime.");
		assertThat(ticks(deal.id())).isEqualTo(1);

		// The second tick with the current version: ticked (1 -> 2) and moved (2 -> 3).
		brigitte.post("/deals/" + deal.id() + "/move",
				Map.of("stageId", stage("Proposal").id().toString(), "version", "1", "tick", decision.toString()));
		Deal moved = deals.get(daan, deal.id());
		assertThat(moved.stageName()).isEqualTo("Proposal");
		assertThat(moved.version()).isEqualTo(3);
		assertThat(ticks(deal.id())).isEqualTo(2);
	}

	@Test
	void theOwnerAndTheirManagerTickOthersGet404AndAStaleTickGets409() {
		Deal deal = dealIn("Demo");
		String path = "/api/v1/deals/" + deal.id() + "/criteria/" + criterion("Proposal", "Budget confirmed").id();
		for (String outsider : new String[] { Demo.REP, "kim@northwind.demo", Demo.OTHER_TENANT_ADMIN }) {
			// A partner's role is refused before the deal is looked up.
			assertThat(ApiClient.as(port, outsider, Demo.PASSWORD).put(path, "{\"checked\":true,\"version\":0}").status())
				.as(outsider).isEqualTo(outsider.startsWith("kim@") ? 403 : 404);
		}
		assertThat(ticks(deal.id())).isZero();

		Response owner = ApiClient.as(port, DAAN, Demo.PASSWORD).put(path, "{\"checked\":true,\"version\":0}");
		assertThat(owner.status()).isEqualTo(200);
		assertThat(owner.json().get("version").asInt()).isEqualTo(1);
		ApiClient manager = ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD);
		assertThat(manager.put(path, "{\"checked\":false,\"version\":0}").status()).isEqualTo(409);
		assertThat(ticks(deal.id())).isEqualTo(1);
		Response unticked = manager.put(path, "{\"checked\":false,\"version\":1}");
		assertThat(unticked.status()).isEqualTo(200);
		assertThat(unticked.json().get("updatedBy").asString()).isEqualTo("Brigitte Janssens");
		assertThat(ticks(deal.id())).isZero();
	}

	@Test
	void onlyAnAdminSetsTheRoleThatSatisfiesACriterionAndTheGateThenAsksForIt() {
		// An organisation of its own: the demo organisation's export (ExportRoundTripTests) carries no second pipeline.
		String domain = "renewals-" + suffix + ".test";
		CurrentUser admin = organisations.open(new dev.tandem.people.NewOrganisation("Renewals " + suffix, "Europe/Amsterdam", "EUR",
				"en", 1), "admin@" + domain, "Admin", "admin-password");
		users.create(admin, new dev.tandem.people.NewUser("boss@" + domain, "Boss", dev.tandem.people.Role.MANAGER, "en",
				"boss-password", java.util.List.of()));
		var rep = users.create(admin, new dev.tandem.people.NewUser("rep@" + domain, "Rep", dev.tandem.people.Role.REP, "en",
				"rep-password", java.util.List.of())).user();
		CurrentUser daan = new CurrentUser(admin.orgId(), rep.id(), rep.email(), rep.displayName(), rep.role(), "en");
		Pipeline renewals = playbook.createPipeline(admin, "Renewals " + suffix, 30);
		Stage champion = playbook.addStage(admin, renewals.id(), "Champion found");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", String.valueOf(champion.version()));
		form.put("name", "Champion found");
		form.put("winProbability", "40");
		form.put("forecastCategory", "PIPELINE");
		form.put("gateMode", "BLOCK");
		form.put("guidance", "");
		form.put("minStakeholders", "0");
		form.put("criterionId", "");
		form.put("criterionLabel", "Someone inside sells it for us");
		form.put("criterionRole", "CHAMPION");
		String path = "/admin/playbook/stages/" + champion.id();

		assertThat(WebSession.signedIn(port, "boss@" + domain, "boss-password").post(path, form).statusCode()).isEqualTo(403);
		assertThat(playbook.pipeline(admin.orgId(), renewals.id()).stage(champion.id()).orElseThrow().exitCriteria()).isEmpty();
		assertThat(WebSession.signedIn(port, "admin@" + domain, "admin-password").post(path, form).statusCode()).isEqualTo(302);
		ExitCriterion saved = playbook.pipeline(admin.orgId(), renewals.id()).stage(champion.id()).orElseThrow().exitCriteria().get(0);
		assertThat(saved.label()).isEqualTo("Someone inside sells it for us");
		assertThat(saved.satisfiedByRole()).isEqualTo(BuyingRole.CHAMPION);

		Account account = accounts.create(daan, new NewAccount("Renewal " + suffix, null, null, "NL", null, null));
		Deal deal = deals.create(daan, new NewDeal(account.id(), "Renewal " + suffix, new BigDecimal("9000"), null, renewals.id(),
				null, null, DealSource.INBOUND, "Find a champion", null), null);
		ApiClient api = ApiClient.as(port, "rep@" + domain, "rep-password").language("en");
		String body = "{\"stageId\":\"" + champion.id() + "\",\"version\":0}";
		assertThat(api.post("/api/v1/deals/" + deal.id() + "/stage", body).status()).isEqualTo(422);
		Contact mila = accounts.createContact(daan, new NewContact(account.id(), "Mila " + suffix, null, null, null, null));
		deals.addStakeholder(daan, deal.id(), new NewStakeholder(mila.id(), StakeholderRole.CHAMPION, 4, Stance.SUPPORTIVE));
		Response moved = api.post("/api/v1/deals/" + deal.id() + "/stage", body);
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.json().get("stageName").asString()).isEqualTo("Champion found");
	}

	private Deal dealIn(String stageName) {
		Account account = accounts.create(daan, new NewAccount("Criteria " + suffix, null, null, "NL", null, null));
		return deals.create(daan, new NewDeal(account.id(), "Criteria " + suffix, new BigDecimal("12000"), null, null,
				stage(stageName).id(), null, DealSource.INBOUND, "Prepare the next stage", null), null);
	}

	private Contact contact(Deal deal, String name) {
		return accounts.createContact(daan, new NewContact(deal.accountId(), name, null, null, null, null));
	}

	private Stage stage(String name) {
		return pipeline.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
	}

	private ExitCriterion criterion(String stageName, String label) {
		return stage(stageName).exitCriteria().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
	}

	private String move(String stageName, int version) {
		return "{\"stageId\":\"" + stage(stageName).id() + "\",\"version\":" + version + "}";
	}

	private long ticks(UUID dealId) {
		return jdbc.sql("select count(*) from crm_deal_criterion where deal_id = :deal").param("deal", dealId).query(Long.class).single();
	}
}
