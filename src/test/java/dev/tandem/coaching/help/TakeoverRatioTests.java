package dev.tandem.coaching.help;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dev.tandem.coaching.TakeoverFigures;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.LineOrganisation;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The takeover ratio on a hand-made September of a line organisation (head > ma: a1, a2; mb: b1, b2): on a1's and
 * a2's deals ma logs three activities alone, one joint with a2, a1 logs one with ma taking part, the reps log four
 * themselves and head logs one alone; around them lie what must not count: an open task, ma's own deal, an activity
 * in October. For ma that is 3 taken over, 2 joint, 5 others: 30%; for head 1, 2 and 7: 10%.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TakeoverRatioTests {

	private static final String SEPTEMBER = "2026-09-";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired TakeoverFigures figures;
	@Autowired Clock clock;

	LineOrganisation org;

	@BeforeAll
	void september() {
		org = LineOrganisation.open(organisations, users, teams, port, clock);
		String d1 = deal("a1");
		String d2 = deal("a2");
		String own = deal("ma");
		for (int day = 1; day <= 3; day++) {
			log("ma", d1, day, null);
		}
		log("ma", d2, 4, "a2");
		log("a1", d1, 5, "ma");
		log("a1", d1, 6, null);
		log("a1", d1, 7, null);
		log("a2", d2, 8, null);
		log("a2", d2, 9, null);
		log("head", d1, 10, null);
		// What must not count: an open task, the manager's own deal, a month later.
		assertThat(org.api("ma").post("/api/v1/activities", "{\"type\":\"TASK\",\"subject\":\"Follow up\",\"dealId\":\"" + d1
				+ "\",\"dueAt\":\"" + SEPTEMBER + "20T09:00:00Z\"}").status()).isEqualTo(201);
		log("ma", own, 11, null);
		assertThat(org.api("ma").post("/api/v1/activities", "{\"type\":\"CALL\",\"subject\":\"October call\",\"dealId\":\"" + d1
				+ "\",\"occurredAt\":\"2026-10-02T09:00:00Z\"}").status()).isEqualTo(201);
	}

	@Test
	void countsTheManagersOwnActivitiesOnTheRepsDealsAndLeavesJointOnesOut() {
		TakeoverFigures.Takeover ma = figures.takeover(org.orgId(), org.id("ma"), LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30"));
		assertThat(ma).isEqualTo(new TakeoverFigures.Takeover(3, 2, 5));
		assertThat(ma.ratio()).isEqualTo(0.3);
		TakeoverFigures.Takeover head = figures.takeover(org.orgId(), org.id("head"), LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30"));
		assertThat(head).isEqualTo(new TakeoverFigures.Takeover(1, 2, 7));
		assertThat(figures.takeover(org.orgId(), org.id("mb"), LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30")).ratio())
			.as("nothing on mb's reps' deals").isNull();
	}

	@Test
	void theApiAnswersTheManagerAndTheirLineWithTheDealsBehindIt() {
		JsonNode ma = org.api("ma").get("/api/v1/coaching/takeover?period=2026-09").json();
		assertThat(ma.get("ratio").asDouble()).isEqualTo(0.3);
		assertThat(ma.get("managerActivities").asLong()).isEqualTo(3);
		assertThat(ma.get("jointActivities").asLong()).isEqualTo(2);
		assertThat(ma.get("repActivities").asLong()).isEqualTo(5);
		assertThat(ma.get("deals")).hasSize(2);
		assertThat(ma.get("deals").get(0).get("managerActivities").asLong()).as("a1's deal, most taken over first").isEqualTo(3);
		assertThat(ma.get("deals").get(0).get("jointActivities").asLong()).isEqualTo(1);
		assertThat(ma.get("deals").get(0).get("repActivities").asLong()).isEqualTo(3);

		String query = "/api/v1/coaching/takeover?period=2026-09&managerId=" + org.id("ma");
		assertThat(org.api("head").get(query).json().get("managerActivities").asLong()).as("ma's manager").isEqualTo(3);
		assertThat(org.api("admin").get(query).json().get("managerActivities").asLong()).isEqualTo(3);
		assertThat(org.api("mb").get(query).status()).as("a peer manager").isEqualTo(404);
		assertThat(org.api("a1").get(query).status()).as("a rep of ma's").isEqualTo(404);
		assertThat(org.api("ma").get("/api/v1/coaching/takeover?period=September").status()).isEqualTo(400);
	}

	@Test
	void thePageShowsTheManagerTheirOwnSignalAndTheHeadEachManager() {
		String own = org.web("ma").get("/coaching/takeover?period=2026-09").body();
		assertThat(own).contains("30%").contains("Person a1 Deal");
		String head = org.web("head").get("/coaching/takeover?period=2026-09").body();
		assertThat(head).contains("Person ma").contains("Person mb").contains("10%");
		assertThat(org.web("mb").get("/coaching/takeover?period=2026-09&managerId=" + org.id("ma")).statusCode()).isEqualTo(404);
	}

	private String deal(String owner) {
		ApiClient api = org.api(owner);
		String account = api.post("/api/v1/accounts", "{\"name\":\"Takeover " + owner + " " + UUID.randomUUID() + "\"}").json().get("id").asString();
		ApiClient.Response deal = api.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Person " + owner + " Deal\"}");
		assertThat(deal.status()).isEqualTo(201);
		return deal.json().get("id").asString();
	}

	private void log(String who, String deal, int day, String participant) {
		String with = participant == null ? "" : ",\"participantIds\":[\"" + org.id(participant) + "\"]";
		ApiClient.Response logged = org.api(who).post("/api/v1/activities", "{\"type\":\"CALL\",\"subject\":\"Call " + day + "\",\"dealId\":\""
				+ deal + "\",\"occurredAt\":\"" + SEPTEMBER + String.format("%02d", day) + "T09:00:00Z\"" + with + "}");
		assertThat(logged.status()).as(logged.body()).isEqualTo(201);
	}
}
