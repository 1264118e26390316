package dev.tandem.coaching;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import dev.tandem.coaching.oneonone.Cadence;
import dev.tandem.coaching.oneonone.NewSeries;
import dev.tandem.coaching.oneonone.OneOnOneManagement;
import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.Deal;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.NewAccount;
import dev.tandem.crm.NewDeal;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ChromiumSession;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A manager's week of coaching in the browser, with the manager's and the rep's pages open side by side: the rep adds a
 * point to the next 1:1's agenda and raises a hand on a deal; the manager's meeting page shows the point, and her bell
 * counts both, without a reload; she answers, assigns an action and marks the 1:1 held; the rep reads the answer and finds
 * the action on the next meeting.
 */
@TandemIntegrationTest
class CoachingBrowserTests {

	private static final String PASSWORD = "coaching-in-the-browser";

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired OneOnOneManagement oneOnOnes;
	@Autowired Clock clock;

	@Test
	void theRepRaisesAPointAndAHandAndTheManagerAnswersAssignsAndHoldsTheOneOnOne() {
		String domain = "coaching-browser-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Coaching browser " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		CurrentUser manager = CurrentUser.of(users.create(admin, new NewUser("bea@" + domain, "Bea Manager", Role.MANAGER, "en",
				PASSWORD, List.of())).user());
		CurrentUser rep = CurrentUser.of(users.create(admin, new NewUser("sem@" + domain, "Sem Rep", Role.REP, "en", PASSWORD,
				List.of())).user());
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
		UUID team = teams.create(admin, new NewTeam("Inside", TeamKind.SALES, null, manager.id())).id();
		teams.addMember(admin, team, rep.id(), today.minusMonths(6));
		Account account = accounts.create(rep, new NewAccount("Havenbedrijf Delfzijl", null, null, "NL", null, null));
		Deal deal = deals.create(rep, new NewDeal(account.id(), "Quay cranes", new BigDecimal("60000"), null, null, null, null,
				DealSource.INBOUND, null, null), null);
		UUID series = oneOnOnes.start(manager, null, rep.id(), new NewSeries(Cadence.WEEKLY, DayOfWeek.FRIDAY, LocalTime.of(16, 0), 30,
				today.plusDays(1))).id();
		UUID meeting = oneOnOnes.meetings(manager, series).get(0).id();
		String meetingUrl = "http://localhost:" + port + "/coaching/one-on-ones/meetings/" + meeting;

		Page bea = chromium.signedIn(meetingUrl, "bea@" + domain, PASSWORD, "en", 1366);
		Page sem = chromium.signedIn(meetingUrl, "sem@" + domain, PASSWORD, "en", 390);

		// Sem puts a point on the agenda; it appears on Bea's open page without a reload.
		sem.locator("#agenda-text").fill("The price talk with Delfzijl");
		sem.locator("#agenda-text").press("Enter");
		assertThat(sem.locator("#agenda")).containsText("The price talk with Delfzijl");
		assertThat(bea.locator("#agenda")).containsText("The price talk with Delfzijl");
		assertThat(bea.locator("#bell .bell-count")).hasText("1");

		// Sem raises a hand on the deal; Bea's bell counts it too, without a reload.
		sem.navigate("http://localhost:" + port + "/deals/" + deal.id());
		sem.getByText("Raise a hand").click();
		sem.locator("#question").fill("They want 15% off. Hold the price or trade it for a longer term?");
		sem.locator("#category").selectOption("PRICING");
		sem.getByText("Ask for help").click();
		assertThat(bea.locator("#bell .bell-count")).hasText("2");

		// Bea answers from her inbox.
		bea.navigate("http://localhost:" + port + "/coaching/help");
		bea.getByText("Quay cranes").first().click();
		assertThat(bea.locator("main")).containsText("They want 15% off");
		bea.locator("#text").fill("What does a longer term give them that 15% does not? Ask before you offer anything.");
		bea.getByText("Send").click();
		assertThat(bea.locator("main")).containsText("What does a longer term give them");

		// Back in the 1:1: Bea assigns Sem an action and marks the meeting held.
		bea.navigate(meetingUrl);
		bea.getByText("Add action").first().click();
		bea.locator("#action-text").fill("Ask Delfzijl what a three-year term is worth to them");
		bea.locator("#action-owner").selectOption(rep.id().toString());
		bea.locator("#actions button[type=submit]").click();
		assertThat(bea.locator("#actions")).containsText("Ask Delfzijl what a three-year term is worth to them");
		assertThat(bea.locator("#actions")).containsText("1 for Sem Rep to do, 0 taken on by Bea Manager");
		bea.getByText("Mark held").click();
		// The live refresh of her own page may answer just before the meeting is held; the page as it stands after says it.
		bea.waitForCondition(() -> oneOnOnes.meetings(manager, series).get(0).held());
		bea.navigate(meetingUrl);
		assertThat(bea.locator("main")).containsText("Held on");

		// Sem reads the answer, and finds the open action carried over to the next 1:1.
		sem.navigate("http://localhost:" + port + "/coaching/help");
		sem.getByText("Quay cranes").first().click();
		assertThat(sem.locator("main")).containsText("What does a longer term give them");
		UUID next = oneOnOnes.meetings(rep, series).get(1).id();
		sem.navigate("http://localhost:" + port + "/coaching/one-on-ones/meetings/" + next);
		assertThat(sem.locator("#actions")).containsText("Ask Delfzijl what a three-year term is worth to them");
		assertThat(sem.locator("#agenda")).containsText("The price talk with Delfzijl");
	}
}
