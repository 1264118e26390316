package dev.tandem.crm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * The CRM's JSON API over real HTTP: stage gate answers (200 with warnings, 422 with what is
 * missing, 409 when stale), PATCH that changes nothing when stale, Idempotency-Key, list filters,
 * visibility across teams and organisations, routing log, CSV export.
 */
@TandemIntegrationTest
class CrmApiTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	ApiClient daan;
	String suffix;

	@BeforeEach
	void signIn() {
		daan = ApiClient.as(port, "daan@northwind.demo", Demo.PASSWORD);
		suffix = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void theStageGateWarnsRefusesWithWhatIsMissingAndRejectsStaleVersions() {
		JsonNode deal = newDeal(daan, "Gate " + suffix, "{}");
		String id = deal.get("id").asString();
		JsonNode stages = daan.get("/api/v1/pipelines/" + deal.get("pipelineId").asString()).json().get("stages");

		// New lead -> Demo passes three stages; Buying group mapped and Demo block, so the move is refused.
		Response refused = daan.language("en").post("/api/v1/deals/" + id + "/stage",
				"{\"stageId\":\"" + stageId(stages, "Demo") + "\",\"version\":0}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		List<String> messages = new ArrayList<>();
		refused.json().get("missing").forEach(m -> messages.add(m.get("message").asString()));
		assertThat(messages).contains("E-mail: 1 needed, 0 logged", "Meeting: 1 needed, 0 logged",
				"Buying group: at least 2 stakeholders needed, 0 mapped", "Buying group: no decision maker identified yet",
				"Call: 1 needed, 0 logged");
		assertThat(daan.get("/api/v1/deals/" + id).json().get("stageName").asString()).isEqualTo("New lead");

		// Contact made only warns: the move happens and says what the playbook still expects.
		Response moved = daan.post("/api/v1/deals/" + id + "/stage",
				"{\"stageId\":\"" + stageId(stages, "Contact made") + "\",\"version\":0}");
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.json().get("stageName").asString()).isEqualTo("Contact made");
		assertThat(moved.json().get("version").asInt()).isEqualTo(1);
		assertThat(moved.json().get("warnings").get(0).asString()).isEqualTo("E-mail: 1 needed, 0 logged");

		// The same request again is stale now.
		Response stale = daan.post("/api/v1/deals/" + id + "/stage",
				"{\"stageId\":\"" + stageId(stages, "New lead") + "\",\"version\":0}");
		assertThat(stale.status()).isEqualTo(409);

		// Backward is always allowed.
		assertThat(daan.post("/api/v1/deals/" + id + "/stage",
				"{\"stageId\":\"" + stageId(stages, "New lead") + "\",\"version\":1}").status()).isEqualTo(200);
		List<String> history = new ArrayList<>();
		daan.get("/api/v1/deals/" + id + "/history").json().get("items").forEach(h -> history.add(h.get("newValue").asString()));
		assertThat(history).containsExactly("New lead", "Contact made", "New lead");
	}

	@Test
	void aStalePatchAnswers409AndChangesNothing() {
		String id = newDeal(daan, "Patch " + suffix, "{\"amount\": 1000}").get("id").asString();
		Response first = daan.patch("/api/v1/deals/" + id, "{\"version\":0,\"amount\":1500,\"nextStep\":\"Call back\"}");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("amount").asDouble()).isEqualTo(1500.0);

		Response stale = daan.patch("/api/v1/deals/" + id, "{\"version\":0,\"amount\":9999}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("changedBy").asString()).isEqualTo("Daan Visser");
		JsonNode now = daan.get("/api/v1/deals/" + id).json();
		assertThat(now.get("amount").asDouble()).isEqualTo(1500.0);
		assertThat(now.get("nextStep").asString()).isEqualTo("Call back");
		assertThat(now.get("version").asInt()).isEqualTo(1);

		// A field sent as null is cleared; a field not sent stays.
		Response cleared = daan.patch("/api/v1/deals/" + id, "{\"version\":1,\"nextStep\":null}");
		assertThat(cleared.json().get("nextStep").isNull()).isTrue();
		assertThat(cleared.json().get("amount").asDouble()).isEqualTo(1500.0);
	}

	@Test
	void theSameIdempotencyKeyGivesTheFirstResultAndAnotherBodyIsRefused() throws Exception {
		String account = newAccount(daan, "Idem " + suffix);
		String body = "{\"accountId\":\"" + account + "\",\"title\":\"Idem " + suffix + "\",\"amount\":300}";
		Response first = daan.post("/api/v1/deals", body, "Idempotency-Key", "deal-" + suffix);
		Response again = daan.post("/api/v1/deals", body, "Idempotency-Key", "deal-" + suffix);
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(count("select count(*) from crm_deal where title = :t", "Idem " + suffix)).isEqualTo(1);

		Response other = daan.post("/api/v1/deals", body.replace("300", "301"), "Idempotency-Key", "deal-" + suffix);
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");

		// Six clients racing with one key: one activity, one id.
		String activity = "{\"type\":\"CALL\",\"subject\":\"Race " + suffix + "\",\"accountId\":\"" + account + "\"}";
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				calls.add(() -> daan.post("/api/v1/activities", activity, "Idempotency-Key", "act-" + suffix));
			}
			Set<String> ids = new HashSet<>();
			for (Future<Response> response : pool.invokeAll(calls)) {
				assertThat(response.get().status()).isEqualTo(201);
				ids.add(response.get().json().get("id").asString());
			}
			assertThat(ids).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(count("select count(*) from crm_activity where subject = :t", "Race " + suffix)).isEqualTo(1);
	}

	@Test
	void listsFilterAndNobodyOutsideTheLineSeesTheDeal() {
		String id = newDeal(daan, "Filter " + suffix, "{\"amount\": 700}").get("id").asString();
		assertThat(ids(daan.get("/api/v1/deals?owner=me&status=OPEN&q=Filter%20" + suffix + "&limit=500"))).containsExactly(id);
		assertThat(ids(daan.get("/api/v1/deals?owner=me&status=WON&q=Filter%20" + suffix))).isEmpty();

		ApiClient brigitte = ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD);
		assertThat(brigitte.get("/api/v1/deals/" + id).status()).isEqualTo(200);
		assertThat(ids(brigitte.get("/api/v1/deals?q=Filter%20" + suffix))).containsExactly(id);

		ApiClient mark = ApiClient.as(port, "mark@northwind.demo", Demo.PASSWORD);
		assertThat(mark.get("/api/v1/deals/" + id).status()).isEqualTo(404);
		assertThat(ids(mark.get("/api/v1/deals?q=Filter%20" + suffix))).isEmpty();
		assertThat(mark.patch("/api/v1/deals/" + id, "{\"version\":0,\"amount\":1}").status()).isEqualTo(404);

		ApiClient otherTenant = ApiClient.as(port, Demo.OTHER_TENANT_MANAGER, Demo.PASSWORD);
		assertThat(otherTenant.get("/api/v1/deals/" + id).status()).isEqualTo(404);
		assertThat(ids(otherTenant.get("/api/v1/deals?q=Filter%20" + suffix))).isEmpty();
	}

	@Test
	void aRoutedLeadCarriesItsReasonAndCandidates() {
		ApiClient brigitte = ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD);
		String team = Demo.teamId(jdbc, "Inside Sales").toString();
		Response created = brigitte.post("/api/v1/leads", "{\"personName\":\"Lead " + suffix + "\",\"company\":\"Comp " + suffix
				+ "\",\"source\":\"MARKETING_CAMPAIGN\",\"campaign\":\"Webinar\",\"score\":60,\"teamId\":\"" + team + "\"}");
		assertThat(created.status()).isEqualTo(201);
		JsonNode log = brigitte.get("/api/v1/leads/" + created.json().get("id").asString() + "/routing").json().get("items");
		assertThat(log).hasSize(1);
		assertThat(log.get(0).get("rule").asString()).isIn("ROUND_ROBIN", "WEIGHTED_ROUND_ROBIN");
		assertThat(log.get(0).get("assignedTo").asString()).isEqualTo(created.json().get("ownerId").asString());
		List<String> candidates = new ArrayList<>();
		log.get(0).get("candidates").forEach(c -> candidates.add(c.get("name").asString()));
		assertThat(candidates).contains("Sanne Bakker", "Daan Visser", "Noah Jansen");

		Response bad = brigitte.language("nl").post("/api/v1/leads", "{\"personName\":\"\",\"company\":\"X\",\"score\":200}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("personName").contains("score");
	}

	@Test
	void theDealListExportsAsCsvWithTheFilters() {
		newDeal(daan, "Csv " + suffix, "{\"amount\": 1234.5}");
		var web = WebSession.signedIn(port, "daan@northwind.demo", Demo.PASSWORD);
		var csv = web.get("/deals?format=csv&q=Csv%20" + suffix);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
		assertThat(lines[0]).startsWith("id,title,account,owner,amount,closeDate,stage,status");
		assertThat(lines).hasSize(2);
		assertThat(lines[1]).contains("Csv " + suffix).contains("1234.50").contains("New lead").contains("OPEN");
	}

	private JsonNode newDeal(ApiClient client, String title, String extra) {
		String account = newAccount(client, "Account of " + title);
		String body = extra.replaceFirst("\\{", "{\"accountId\":\"" + account + "\",\"title\":\"" + title + "\""
				+ (extra.trim().equals("{}") ? "" : ","));
		Response response = client.post("/api/v1/deals", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private String newAccount(ApiClient client, String name) {
		Response response = client.post("/api/v1/accounts", "{\"name\":\"" + name + "\",\"country\":\"NL\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private long count(String sql, String text) {
		return jdbc.sql(sql).param("t", text).query(Long.class).single();
	}

	private static String stageId(JsonNode stages, String name) {
		for (JsonNode stage : stages) {
			if (stage.get("name").asString().equals(name)) {
				return stage.get("id").asString();
			}
		}
		throw new AssertionError("No stage " + name);
	}

	private static List<String> ids(Response response) {
		List<String> ids = new ArrayList<>();
		response.json().get("items").forEach(d -> ids.add(d.get("id").asString()));
		return ids;
	}
}
