package dev.tandem.coaching.help;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.CoachingNotificationKinds;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Notifications;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.LineOrganisation;
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
import static org.awaitility.Awaitility.await;

/**
 * Raising a hand over HTTP in a line organisation (head > ma: a1, a2; mb: b1, b2; x in a team without a leader): a1
 * asks on their deal, their line (ma, head, the admin) sees and answers it, nobody else finds it; a1 resolves it. Bad
 * input is named and writes nothing; "I'll join" makes the next planned activity joint; a takeover is recorded.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpRequestTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired Notifications notifications;
	@Autowired JdbcClient jdbc;
	@Autowired Clock clock;

	LineOrganisation org;
	String a1Deal;
	String a2Deal;

	@BeforeAll
	void organisation() {
		org = LineOrganisation.open(organisations, users, teams, port, clock);
		a1Deal = deal("a1");
		a2Deal = deal("a2");
	}

	@Test
	void theRepsLineSeesAndAnswersTheRequestAndNobodyElseFindsIt() {
		ApiClient a1 = org.api("a1");
		String body = "{\"dealId\":\"" + a1Deal + "\",\"question\":\"Who signs the budget?\",\"category\":\"STAKEHOLDER\",\"urgency\":\"HIGH\"}";
		ApiClient.Response asked = a1.post("/api/v1/help-requests", body, "Idempotency-Key", "ask-" + a1Deal);
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		String id = asked.json().get("id").asString();
		assertThat(asked.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(a1.post("/api/v1/help-requests", body, "Idempotency-Key", "ask-" + a1Deal).json().get("id").asString())
			.as("the same key answers the first request").isEqualTo(id);
		assertThat(requestsOf("a1")).isEqualTo(1);

		for (String viewer : new String[] { "a1", "ma", "head", "admin" }) {
			assertThat(org.api(viewer).get("/api/v1/help-requests/" + id).status()).as(viewer).isEqualTo(200);
			assertThat(org.web(viewer).get("/coaching/help/" + id).statusCode()).as(viewer).isEqualTo(200);
		}
		for (String viewer : new String[] { "a2", "mb", "b1", "x" }) {
			assertThat(org.api(viewer).get("/api/v1/help-requests/" + id).status()).as(viewer).isEqualTo(404);
			assertThat(org.web(viewer).get("/coaching/help/" + id).statusCode()).as(viewer).isEqualTo(404);
			assertThat(org.api(viewer).get("/api/v1/help-requests").body()).as(viewer).doesNotContain(id);
			assertThat(org.api(viewer).post("/api/v1/help-requests/" + id + "/answers", "{\"text\":\"Mine now\"}").status()).isEqualTo(404);
		}
		assertThat(org.api("ma").get("/api/v1/help-requests?scope=inbox&open=true").body()).contains(id);
		assertThat(org.web("ma").get("/coaching/help").body()).contains("Who signs the budget?");
		await().atMost(Duration.ofSeconds(20)).until(() -> noticed("ma", CoachingNotificationKinds.HELP_REQUESTED, id));
		assertThat(noticed("head", CoachingNotificationKinds.HELP_REQUESTED, id)).as("the whole line is told").isTrue();

		ApiClient.Response answered = org.api("ma").post("/api/v1/help-requests/" + id + "/answers",
				"{\"text\":\"Who feels the pain we solve?\"}");
		assertThat(answered.status()).as(answered.body()).isEqualTo(201);
		JsonNode request = answered.json();
		assertThat(request.get("status").asString()).isEqualTo("ANSWERED");
		assertThat(request.get("responseHours").asDouble()).isBetween(0.0, 0.2);
		assertThat(request.get("answers")).hasSize(1);
		await().atMost(Duration.ofSeconds(20)).until(() -> noticed("a1", CoachingNotificationKinds.HELP_ANSWERED, id));

		assertThat(org.api("ma").post("/api/v1/help-requests/" + id + "/resolve", "{\"resolution\":\"Done\"}").status())
			.as("only the rep resolves").isEqualTo(400);
		assertThat(a1.post("/api/v1/help-requests/" + id + "/resolve", "{}").body()).contains("resolution");
		ApiClient.Response resolved = a1.post("/api/v1/help-requests/" + id + "/resolve",
				"{\"resolution\":\"Asked the IT manager; met the CFO.\"}");
		assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
		assertThat(a1.post("/api/v1/help-requests/" + id + "/resolve", "{\"resolution\":\"Again\"}").body()).contains("closed");
		JsonNode reopened = org.api("ma").post("/api/v1/help-requests/" + id + "/answers", "{\"text\":\"And did the CFO agree?\"}").json();
		assertThat(reopened.get("status").asString()).as("a message opens it again").isEqualTo("ANSWERED");
		assertThat(reopened.get("responseHours").asDouble()).as("the first answer stays the first").isEqualTo(request.get("responseHours").asDouble());
	}

	@Test
	void badInputNamesTheFieldAndWritesNothing() {
		ApiClient a2 = org.api("a2").language("en");
		long before = requestsOf("a2");
		assertThat(a2.post("/api/v1/help-requests", "{\"dealId\":\"" + a2Deal + "\",\"question\":\"Q\",\"category\":\"WEATHER\"}").body())
			.contains("category").contains("must be one of STAKEHOLDER, PRICING, COMPETITION, PROCESS, PRODUCT, OTHER");
		assertThat(a2.post("/api/v1/help-requests", "{\"question\":\"Q\",\"category\":\"OTHER\"}").body())
			.contains("dealId").contains("name a deal (dealId) or an account (accountId)");
		ApiClient.Response both = a2.post("/api/v1/help-requests", "{\"dealId\":\"" + a2Deal + "\",\"accountId\":\"" + org.sharedAccount()
				+ "\",\"question\":\"Q\",\"category\":\"OTHER\"}");
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.body()).contains("not both");
		ApiClient.Response foreign = a2.post("/api/v1/help-requests", "{\"dealId\":\"" + a1Deal + "\",\"question\":\"Q\",\"category\":\"OTHER\"}");
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.body()).contains("dealId").contains("is not a deal you can see");
		assertThat(a2.post("/api/v1/help-requests", "{\"dealId\":\"" + a2Deal + "\",\"question\":\" \",\"category\":\"OTHER\"}").body())
			.contains("question");
		assertThat(a2.post("/api/v1/help-requests", "{\"dealId\":\"" + a2Deal + "\",\"question\":\"Q\",\"category\":\"OTHER\",\"urgency\":\"NOW\"}")
			.body()).contains("urgency");
		assertThat(org.api("a2").language("nl").post("/api/v1/help-requests", "{\"question\":\"Q\",\"category\":\"OTHER\"}").body())
			.contains("noem een deal");
		assertThat(requestsOf("a2")).isEqualTo(before);

	}

	@Test
	void aRepWithoutAManagerIsHeardByTheAdmins() {
		String xAccount = org.api("x").post("/api/v1/accounts", "{\"name\":\"Nobody's " + UUID.randomUUID() + "\"}").json().get("id").asString();
		ApiClient.Response asked = org.api("x").post("/api/v1/help-requests", "{\"accountId\":\"" + xAccount
				+ "\",\"question\":\"Anyone?\",\"category\":\"OTHER\"}");
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		String id = asked.json().get("id").asString();
		assertThat(org.api("admin").get("/api/v1/help-requests?scope=inbox").body()).contains(id);
		assertThat(org.api("head").get("/api/v1/help-requests/" + id).status()).isEqualTo(404);
		assertThat(org.api("admin").post("/api/v1/help-requests/" + id + "/take-over", "{\"reason\":\"Nobody else is there\"}").status())
			.isEqualTo(200);
	}

	@Test
	void joiningMakesTheNextPlannedActivityJointAndATakeoverIsRecorded() {
		String deal = deal("a2");
		ApiClient.Response task = org.api("a2").post("/api/v1/activities", "{\"type\":\"TASK\",\"subject\":\"Demo with the CFO\",\"dealId\":\""
				+ deal + "\",\"dueAt\":\"2026-11-25T10:00:00Z\"}");
		assertThat(task.status()).isEqualTo(201);
		String join = ask("a2", deal, "PRODUCT");
		assertThat(org.api("a2").post("/api/v1/help-requests/" + join + "/join", "{}").status()).as("the rep cannot join").isEqualTo(400);
		JsonNode joined = org.api("ma").post("/api/v1/help-requests/" + join + "/join", "{}").json();
		assertThat(joined.get("joinedActivityId").asString()).isEqualTo(task.json().get("id").asString());
		JsonNode activity = org.api("a2").get("/api/v1/activities/" + task.json().get("id").asString()).json();
		assertThat(activity.get("joint").asBoolean()).isTrue();
		assertThat(activity.get("participantIds").toString()).contains(org.id("ma").toString());
		assertThat(org.api("ma").post("/api/v1/help-requests/" + join + "/answers", "{\"text\":\"Stale\",\"version\":0}").status())
			.as("the join moved the version on").isEqualTo(409);

		String takeover = ask("a2", deal, "PRICING");
		assertThat(org.api("ma").post("/api/v1/help-requests/" + takeover + "/take-over", "{}").body()).contains("reason");
		JsonNode taken = org.api("ma").post("/api/v1/help-requests/" + takeover + "/take-over",
				"{\"reason\":\"Their director only talks to managers\"}").json();
		assertThat(taken.get("status").asString()).isEqualTo("TAKEN_OVER");
		assertThat(taken.get("takenOverBy").asString()).isEqualTo(org.id("ma").toString());
		assertThat(org.web("ma").get("/coaching/takeover").body()).contains("Their director only talks to managers");
		assertThat(org.api("ma").post("/api/v1/help-requests/" + takeover + "/take-over", "{\"reason\":\"Again\"}").status()).isEqualTo(400);
		assertThat(org.api("ma").get("/api/v1/help-requests?scope=inbox&open=true").body()).as("open until the rep resolves it").contains(takeover);
		assertThat(org.api("a2").post("/api/v1/help-requests/" + takeover + "/resolve", "{\"resolution\":\"Ma agreed the framework\"}")
			.json().get("takenOverBy").asString()).as("a resolved takeover stays a takeover").isEqualTo(org.id("ma").toString());
		assertThat(org.web("mb").get("/coaching/help/" + takeover).statusCode()).isEqualTo(404);
	}

	@Test
	void aPartnerIsRefusedHelpRequests() {
		ApiClient kim = ApiClient.as(port, "kim@northwind.demo", Demo.PASSWORD);
		assertThat(kim.get("/api/v1/help-requests").status()).isEqualTo(403);
		assertThat(kim.get("/api/v1/coaching/takeover").status()).isEqualTo(403);
		WebSession web = WebSession.signedIn(port, "kim@northwind.demo", Demo.PASSWORD);
		assertThat(web.get("/coaching/help").statusCode()).isEqualTo(403);
		assertThat(web.get("/coaching/takeover").statusCode()).isEqualTo(403);
	}

	@Test
	void theDemoManagerSeesHerTeamsRequestsAndSuzanneThroughTheLine() {
		String brigitte = ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD).get("/api/v1/help-requests?scope=inbox").body();
		assertThat(brigitte).contains("Sanne Bakker").contains("Liam Mulder").doesNotContain("Thomas Hendriks");
		String suzanne = ApiClient.as(port, Demo.EXECUTIVE, Demo.PASSWORD).get("/api/v1/help-requests?scope=inbox").body();
		assertThat(suzanne).contains("Sanne Bakker").contains("Thomas Hendriks");
		String mark = ApiClient.as(port, "mark@northwind.demo", Demo.PASSWORD).get("/api/v1/help-requests?scope=inbox").body();
		assertThat(mark).contains("Thomas Hendriks").doesNotContain("Sanne Bakker");
		assertThat(ApiClient.as(port, "daan@northwind.demo", Demo.PASSWORD).get("/api/v1/help-requests").body())
			.doesNotContain("Sanne Bakker");
	}

	private String ask(String rep, String deal, String category) {
		ApiClient.Response asked = org.api(rep).post("/api/v1/help-requests", "{\"dealId\":\"" + deal + "\",\"question\":\"Help with "
				+ category + "\",\"category\":\"" + category + "\"}");
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		return asked.json().get("id").asString();
	}

	private String deal(String owner) {
		ApiClient api = org.api(owner);
		String account = api.post("/api/v1/accounts", "{\"name\":\"Help " + owner + " " + UUID.randomUUID() + "\"}").json().get("id").asString();
		return api.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Deal of " + owner + "\"}").json().get("id").asString();
	}

	private long requestsOf(String rep) {
		return jdbc.sql("select count(*) from coaching_help_request where org_id = :org and owner_id = :rep")
			.params(Map.of("org", org.orgId(), "rep", org.id(rep))).query(Long.class).single();
	}

	private boolean noticed(String who, String kind, String id) {
		return notifications.list(org.orgId(), org.id(who), false, ListRequest.of(null, null)).items().stream()
			.anyMatch(n -> n.kind().equals(kind) && ("/coaching/help/" + id).equals(n.link()));
	}
}
