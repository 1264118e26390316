package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.playbook.ActivityType;
import dev.tandem.support.ChromiumSession;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A phone-width run through log-a-call: at 390 pixels a rep opens a deal, quick-logs a call with the contact they
 * spoke to and a follow-up task for 20 November, and stays on the deal's page, which shows both. The call is
 * recorded with the contact, the task due at 17:00 in Amsterdam (16:00 UTC).
 */
@TandemIntegrationTest
class QuickLogBrowserTests {

	private static final String PASSWORD = "quick-log-on-a-phone";

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired ActivityManagement activities;

	@Test
	void aRepLogsACallWithAContactAndAFollowUpFromAPhone() {
		String domain = "quick-log-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Quick log " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		CurrentUser rep = CurrentUser.of(users.create(admin, new NewUser("roos@" + domain, "Roos Rep", Role.REP, "en", PASSWORD,
				List.of())).user());
		Account account = accounts.create(rep, new NewAccount("Phone Co", null, null, "NL", null, null));
		accounts.createContact(rep, new NewContact(account.id(), "Anna Smit", "Buyer", null, null, null));
		Contact jan = accounts.createContact(rep, new NewContact(account.id(), "Jan de Vries", "CFO", null, null, null));
		Deal deal = deals.create(rep, new NewDeal(account.id(), "Phone rollout", new BigDecimal("9000"), null, null, null, null,
				DealSource.INBOUND, null, null), null);

		Page page = chromium.signedIn("http://localhost:" + port + "/deals/" + deal.id(), "roos@" + domain, PASSWORD, "en-GB", 390);
		assertThat(page.locator("h1")).hasText("Phone rollout");

		Locator log = page.locator("#log");
		log.getByText("Call", new Locator.GetByTextOptions().setExact(true)).click();
		log.getByLabel("What happened").fill("Talked budget with the CFO");
		log.getByLabel("With (optional)").selectOption(new SelectOption().setLabel("Jan de Vries · CFO"));
		log.getByText("Add a follow-up task").click();
		log.getByLabel("Follow-up task").fill("Send the revised proposal");
		log.getByLabel("Due (tomorrow if empty)").fill("2026-11-20");
		log.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log it")).click();

		assertThat(page).hasURL("http://localhost:" + port + "/deals/" + deal.id());
		assertThat(page.locator(".alert-success")).containsText("Call logged. Follow-up task added for 20 Nov 2026.");
		Locator timeline = page.locator(".timeline");
		assertThat(timeline).containsText("Talked budget with the CFO");
		assertThat(timeline.locator("li", new Locator.LocatorOptions().setHasText("Send the revised proposal"))).containsText("Open task");
		org.assertj.core.api.Assertions.assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
			.as("nothing wider than the phone").isEqualTo(true);

		List<Activity> logged = activities.ofDeal(rep, deal.id());
		Activity call = logged.stream().filter(a -> a.type() == ActivityType.CALL).findFirst().orElseThrow();
		Activity task = logged.stream().filter(a -> a.type() == ActivityType.TASK).findFirst().orElseThrow();
		org.assertj.core.api.Assertions.assertThat(call.contactIds()).containsExactly(jan.id());
		org.assertj.core.api.Assertions.assertThat(task.subject()).isEqualTo("Send the revised proposal");
		org.assertj.core.api.Assertions.assertThat(task.dueAt()).isEqualTo(Instant.parse("2026-11-20T16:00:00Z"));
		org.assertj.core.api.Assertions.assertThat(task.done()).isFalse();
		org.assertj.core.api.Assertions.assertThat(task.contactIds()).containsExactly(jan.id());
	}
}
