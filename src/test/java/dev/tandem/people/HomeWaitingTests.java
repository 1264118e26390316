package dev.tandem.people;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.LeadManagement;
import dev.tandem.crm.NewAccount;
import dev.tandem.crm.NewDeal;
import dev.tandem.crm.NewLead;
import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.NewGoal;
import dev.tandem.goals.Scope;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Period;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Home and the notices through HTTP, in an organisation of the test's own (clock pinned to 18 November 2026): what
 * waits for a rep and for her manager, with the other side's note; the live refresh's fragments for htmx; notices made
 * by a counter-proposal and a lead assignment, marked read one by one; and the settings that turn a kind off.
 */
@TandemIntegrationTest
class HomeWaitingTests {

	private static final String PASSWORD = "home-waiting-passw0rd";
	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired GoalManagement goals;
	@Autowired LeadManagement leads;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired Notifications notifications;

	TestOrganisation org;
	CurrentUser manager;
	CurrentUser rep;
	Team team;

	@BeforeEach
	void openOrganisation() {
		org = TestOrganisation.open(organisations, "Waiting", PASSWORD);
		manager = CurrentUser.of(org.user(users, "maud", Role.MANAGER, "en"));
		team = teams.create(org.admin(), new NewTeam("Field", TeamKind.SALES, null, manager.id()));
		rep = CurrentUser.of(users.create(org.admin(), new NewUser("rik@" + org.domain(), "Rik", Role.REP, "en", PASSWORD,
				List.of(team.id()))).user());
	}

	@Test
	void aProposalWaitsForTheManagerWithItsNoteAndTheCounterForTheRepWithHers() {
		Period november = Period.parse("2026-11", 1, "period");
		Goal goal = goals.propose(rep, new NewGoal(Scope.user(rep.id()), GoalMetric.WON_DEALS, Set.of(), november, new BigDecimal("4"),
				"Four, the summer was slow"));
		WebSession maud = WebSession.signedIn(port, manager.email(), PASSWORD);
		WebSession rik = WebSession.signedIn(port, rep.email(), PASSWORD);

		String managerHome = maud.get("/").body();
		assertThat(teamSection(managerHome)).contains("Rik proposes 4 as their goal for November 2026 (Won deals).",
				"“Four, the summer was slow”", "href=\"/goals/" + goal.id() + "\"");
		assertThat(waitingSection(rik.get("/").body())).doesNotContain("proposes");

		HttpResponse<String> countered = maud.post("/goals/" + goal.id() + "/counter", Map.of("version", String.valueOf(goal.version()),
				"target", "6", "note", "Six: two renewals land in November"));
		assertThat(countered.statusCode()).isEqualTo(302);

		String repHome = rik.get("/").body();
		assertThat(waitingSection(repHome)).contains("Person maud proposes 6 for your goal for November 2026 (Won deals).",
				"“Six: two renewals land in November”", "href=\"/goals/" + goal.id() + "\"");
		assertThat(maud.get("/").body()).doesNotContain("Your team waits for you");
		// The goals page tells the rep the reason too, beside the figure.
		assertThat(rik.get("/goals?period=2026-11").body()).contains("Your manager proposes 6.", "“Six: two renewals land in November”");

		// htmx, as the live refresh asks: the waiting list only, without the layout.
		String fragment = rik.get("/", HTMX).body();
		assertThat(fragment).doesNotContain("<html", "class=\"topbar\"", "Your work").contains("id=\"home-waiting\"",
				"Person maud proposes 6 for your goal");

		// The notice, made after the counter-proposal committed, carries the note.
		await().atMost(Duration.ofSeconds(30)).until(() -> notifications.unread(rep.orgId(), rep.id()) == 1);
		String page = rik.get("/notifications").body();
		assertThat(page).contains("<html", "Person maud proposes 6 for your goal for November 2026 (Won deals).",
				"“Six: two renewals land in November”", "1 unread");
		assertThat(rik.get("/notifications", HTMX).body()).doesNotContain("<html", "class=\"topbar\"")
			.contains("id=\"notifications-live\"", "“Six: two renewals land in November”");
		assertThat(rik.get("/notifications/bell", HTMX).body()).doesNotContain("<html").contains("id=\"bell\"",
				"<span class=\"bell-count\">1</span>");
		HttpResponse<String> bellInABrowser = rik.get("/notifications/bell");
		assertThat(bellInABrowser.statusCode()).isEqualTo(302);
		assertThat(bellInABrowser.headers().firstValue("Location").orElseThrow()).endsWith("/notifications");

		Notifications.Entry notice = notifications.list(rep.orgId(), rep.id(), true, ListRequest.of(null, null)).items().get(0);
		assertThat(notice.link()).isEqualTo("/goals/" + goal.id());
		assertThat(rik.post("/notifications/" + notice.id() + "/read", Map.of()).statusCode()).isEqualTo(302);
		assertThat(notifications.unread(rep.orgId(), rep.id())).isZero();
		assertThat(rik.get("/notifications/bell", HTMX).body()).doesNotContain("bell-count");
		assertThat(maud.post("/notifications/" + notice.id() + "/read", Map.of()).statusCode()).as("not hers").isEqualTo(404);
	}

	@Test
	void theRepsOwnWorkWaitsOnHomeAndANewcomerSeesHerFirstSteps() {
		Account account = accounts.create(rep, new NewAccount("Acme Tools", null, null, "NL", null, null));
		deals.create(rep, new NewDeal(account.id(), "Acme rollout", new BigDecimal("9000"), java.time.LocalDate.of(2026, 12, 15), null, null,
				null, DealSource.INBOUND, null, null), null);
		leads.create(manager, new NewLead("Jan Smit", "Smit Bouw", null, null, DealSource.INBOUND, null, null, null, rep.id()));
		WebSession rik = WebSession.signedIn(port, rep.email(), PASSWORD);

		String waiting = waitingSection(rik.get("/").body());
		assertThat(waiting).contains("Acme rollout needs attention", "No next step", "New lead for you: Jan Smit, Smit Bouw",
				"Submit your forecast for November 2026, due by November 30, 2026.", "href=\"/forecast/people/" + rep.id() + "?period=2026-11\"");
		String home = rik.get("/").body();
		assertThat(home).contains("Your first steps", "href=\"/profile\"", "href=\"/log\"", "href=\"/playbook\"")
			.doesNotContain("Not built yet");
		assertThat(WebSession.signedIn(port, manager.email(), PASSWORD).get("/").body()).as("not in a team: no newcomer")
			.doesNotContain("Your first steps");

		await().atMost(Duration.ofSeconds(30)).until(() -> notifications.unread(rep.orgId(), rep.id()) == 1);
		assertThat(rik.get("/notifications").body()).contains("New lead for you: Jan Smit, Smit Bouw", "Assigned: By hand");
	}

	@Test
	void aKindTurnedOffInTheSettingsMakesNoNotice() {
		WebSession rik = WebSession.signedIn(port, rep.email(), PASSWORD);
		String settings = rik.get("/notifications/settings").body();
		assertThat(settings).contains("A goal to answer", "A lead for you", "An import finished",
				"name=\"kind\" value=\"goal-proposal\" checked");
		assertThat(rik.get("/notifications/settings", HTMX).body()).as("a whole page either way").contains("<html");

		HttpResponse<String> saved = rik.postMulti("/notifications/settings", Map.of("kind", List.of("goal-reached", "lead-assigned")));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(rik.get("/notifications/settings").body()).contains("name=\"kind\" value=\"lead-assigned\" checked")
			.doesNotContain("value=\"goal-proposal\" checked", "value=\"import-finished\" checked");

		assertThat(notifications.notify(rep.orgId(), rep.id(), new Notifications.Notice("goal-proposal", "test:1", "Off", null, null)))
			.isFalse();
		assertThat(notifications.notify(rep.orgId(), rep.id(), new Notifications.Notice("lead-assigned", "test:2", "On", null, null)))
			.isTrue();
		assertThat(notifications.notify(manager.orgId(), manager.id(), new Notifications.Notice("goal-proposal", "test:3", "Hers", null, null)))
			.as("someone else's settings are their own").isTrue();
	}

	private static String waitingSection(String html) {
		int start = html.indexOf("id=\"waiting-title\"");
		int end = html.indexOf("id=\"waiting-team-title\"");
		return html.substring(start, end < 0 ? html.indexOf("</main>") : end);
	}

	private static String teamSection(String html) {
		int start = html.indexOf("id=\"waiting-team-title\"");
		return start < 0 ? "" : html.substring(start, html.indexOf("</main>"));
	}
}
