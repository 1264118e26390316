package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deal and activity lists open on what people want, as a full page and as the htmx fragment: the open deals,
 * nearest close date first (a lost deal only with {@code status=any}); the done activities newest first, with the
 * open tasks ahead in a list of their own. The clock is pinned at 18 November 2026, 10:00 in Amsterdam.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListDefaultsTests {

	private static final String PASSWORD = "list-defaults-passw0rd";
	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired ActivityManagement activities;
	@Autowired PlaybookManagement playbook;

	String domain;

	@BeforeAll
	void organisation() {
		domain = "lists-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Lists " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		CurrentUser ria = CurrentUser.of(users.create(admin, new NewUser("ria@" + domain, "Ria", Role.REP, "en", PASSWORD,
				List.of())).user());
		Account account = accounts.create(ria, new NewAccount("Lister BV", null, null, "NL", null, null));
		deal(ria, account, "Later deal", LocalDate.of(2026, 12, 20));
		deal(ria, account, "Undated deal", null);
		Deal soon = deal(ria, account, "Soon deal", LocalDate.of(2026, 12, 5));
		Deal lost = deal(ria, account, "Lost deal", LocalDate.of(2026, 11, 2));
		Stage lostStage = playbook.defaultPipeline(ria.orgId()).stages().stream().filter(s -> s.kind() == StageKind.LOST)
			.findFirst().orElseThrow();
		deals.move(ria, lost.id(), new StageMove(lostStage.id(), lost.version(), null, null, "Went with a rival"));

		log(ria, soon, ActivityType.EMAIL, "Older e-mail", Instant.parse("2026-11-10T09:00:00Z"), null);
		log(ria, soon, ActivityType.CALL, "Newest call", Instant.parse("2026-11-17T15:00:00Z"), null);
		log(ria, soon, ActivityType.TASK, "Send the contract", null, Instant.parse("2026-11-20T16:00:00Z"));
		log(ria, soon, ActivityType.TASK, "Book the workshop", null, Instant.parse("2026-11-19T16:00:00Z"));
	}

	@Test
	void theDealListOpensOnOpenDealsNearestCloseDateFirst() {
		WebSession web = WebSession.signedIn(port, "ria@" + domain, PASSWORD);
		String page = web.get("/deals").body();
		assertThat(page).contains("<html", "<h1>Deals</h1>", "3 found").doesNotContain("Lost deal");
		assertThat(page.indexOf("Soon deal")).isLessThan(page.indexOf("Later deal"));
		assertThat(page.indexOf("Later deal")).isLessThan(page.indexOf("Undated deal"));
		assertThat(page).contains("<option value=\"OPEN\" selected=\"selected\">Open</option>");

		String fragment = web.get("/deals", HTMX).body();
		assertThat(fragment).doesNotContain("<html", "<h1>").contains("id=\"rows\"", "3 found", "Soon deal")
			.doesNotContain("Lost deal");
		assertThat(fragment.indexOf("Soon deal")).isLessThan(fragment.indexOf("Later deal"));

		String every = web.get("/deals?status=any", HTMX).body();
		assertThat(every).contains("4 found", "Lost deal");
		String lostOnly = web.get("/deals?status=LOST").body();
		assertThat(lostOnly).contains("1 found", "Lost deal").doesNotContain("Soon deal");
		// A closing range is only met by closed deals, so it does not default to the open ones.
		assertThat(web.get("/deals?closedFrom=2026-11-01", HTMX).body()).contains("1 found", "Lost deal");
		assertThat(web.get("/deals?status=maybe").statusCode()).isEqualTo(400);
	}

	@Test
	void theActivityListShowsWhatWasDoneNewestFirstAndTheTasksAheadApart() {
		WebSession web = WebSession.signedIn(port, "ria@" + domain, PASSWORD);
		for (Map<String, String> headers : List.of(Map.<String, String>of(), HTMX)) {
			String page = web.get("/activities", headers).body();
			assertThat(page.contains("<html")).isEqualTo(headers.isEmpty());
			String upcoming = page.substring(page.indexOf("id=\"upcoming-title\""), page.indexOf("id=\"done-title\""));
			String done = page.substring(page.indexOf("id=\"done-title\""));
			assertThat(upcoming).contains("Book the workshop", "Send the contract").doesNotContain("Newest call");
			assertThat(upcoming.indexOf("Book the workshop")).isLessThan(upcoming.indexOf("Send the contract"));
			assertThat(done).contains("2 found", "Newest call", "Older e-mail").doesNotContain("Send the contract");
			assertThat(done.indexOf("Newest call")).isLessThan(done.indexOf("Older e-mail"));
		}
		String csv = web.get("/activities?format=csv").body();
		assertThat(csv).contains("Newest call", "Older e-mail").doesNotContain("Send the contract");
	}

	private Deal deal(CurrentUser owner, Account account, String title, LocalDate closeDate) {
		return deals.create(owner, new NewDeal(account.id(), title, new BigDecimal("5000"), closeDate, null, null, null,
				DealSource.INBOUND, "Next", null), null);
	}

	private void log(CurrentUser owner, Deal deal, ActivityType type, String subject, Instant at, Instant due) {
		activities.log(owner, new NewActivity(type, subject, null, null, null, null, null, at, due, deal.id(), null, null, null, null),
				null);
	}
}
