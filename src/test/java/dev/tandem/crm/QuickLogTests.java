package dev.tandem.crm;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.ListRequest;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick log over HTTP: it goes back to the page it was sent from (only a page of Tandem), a follow-up task
 * without a date is due tomorrow (19 November, the clock being pinned on the 18th), and a follow-up refused for its
 * date leaves the call unlogged too, with a message naming the field in English and Dutch.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuickLogTests {

	private static final String PASSWORD = "quick-log-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired ActivityManagement activities;

	String domain;
	CurrentUser rep;

	@BeforeAll
	void openOrganisation() {
		domain = "quick-log-http-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Quick log " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		rep = CurrentUser.of(users.create(admin, new NewUser("ria@" + domain, "Ria", Role.REP, "en", PASSWORD, List.of())).user());
		users.create(admin, new NewUser("noor@" + domain, "Noor", Role.REP, "nl", PASSWORD, List.of()));
	}

	@Test
	void goesBackToThePageItCameFromAndOnlyToATandemPage() {
		WebSession ria = WebSession.signedIn(port, "ria@" + domain, PASSWORD);
		assertThat(ria.get("/my-day").body()).contains("name=\"back\" value=\"/my-day\"");
		HttpResponse<String> fromMyDay = ria.post("/activities/log", Map.of("type", "CALL", "subject", "From my day", "back", "/my-day",
				"followUp", "Call again"));
		assertThat(fromMyDay.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/my-day"));
		assertThat(ria.get("/my-day").body()).contains("Call logged. Follow-up task added for 19 Nov 2026.");
		var task = mine().stream().filter(a -> a.subject().equals("Call again")).findFirst().orElseThrow();
		assertThat(task.dueAt()).isEqualTo(java.time.Instant.parse("2026-11-19T16:00:00Z"));

		for (String elsewhere : List.of("//evil.example/x", "https://evil.example", "/\\evil.example")) {
			HttpResponse<String> sent = ria.post("/activities/log", Map.of("type", "EMAIL", "subject", "Elsewhere", "back", elsewhere));
			assertThat(sent.headers().firstValue("Location")).as(elsewhere).hasValueSatisfying(l -> assertThat(l).endsWith("/log"));
		}
	}

	@Test
	void aRefusedFollowUpLogsNothingAndNamesTheField() {
		WebSession ria = WebSession.signedIn(port, "ria@" + domain, PASSWORD);
		int before = mine().size();
		ria.post("/activities/log", Map.of("type", "CALL", "subject", "Not logged", "followUp", "Too early", "followUpDate", "2026-11-17"));
		assertThat(ria.get("/log").body()).contains("Follow-up due date: a date as YYYY-MM-DD, e.g. 2026-01-31, today or later.");
		WebSession noor = WebSession.signedIn(port, "noor@" + domain, PASSWORD);
		noor.post("/activities/log", Map.of("type", "CALL", "subject", "Niet gelogd", "followUp", "Fout", "followUpDate", "morgen"));
		assertThat(noor.get("/log").body()).contains("Datum van de vervolgtaak: een datum als JJJJ-MM-DD");
		assertThat(mine()).hasSize(before);
	}

	private List<Activity> mine() {
		return activities.list(rep, rep.id(), null, null, null, new ListRequest(200, null)).items();
	}
}
