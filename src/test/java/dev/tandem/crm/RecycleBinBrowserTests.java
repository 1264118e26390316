package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ChromiumSession;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A rep deletes a deal from its page in the browser, finds it in the recycle bin and restores it there in place
 * (htmx, with the page's CSRF token), then opens it again; in an organisation of the test's own.
 */
@TandemIntegrationTest
class RecycleBinBrowserTests {

	private static final String PASSWORD = "recycle-in-the-browser";

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;

	@Test
	void aRepDeletesADealAndRestoresItFromTheBin() {
		String domain = "bin-browser-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Bin browser " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		CurrentUser rep = CurrentUser.of(users.create(admin, new NewUser("roos@" + domain, "Roos Rep", Role.REP, "en", PASSWORD,
				List.of())).user());
		Account account = accounts.create(rep, new NewAccount("Browser Co", null, null, "NL", null, null));
		Deal deal = deals.create(rep, new NewDeal(account.id(), "Browser rollout", new BigDecimal("9000"), null, null, null, null,
				DealSource.INBOUND, "Call back", null), null);

		Page page = chromium.signedIn("http://localhost:" + port + "/deals/" + deal.id(), "roos@" + domain, PASSWORD, "en-GB", 1280);
		assertThat(page.locator("h1")).hasText("Browser rollout");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete")).click();
		assertThat(page.locator("h1")).hasText("Recycle bin");
		assertThat(page.locator(".alert-success")).hasText("Browser rollout is in the recycle bin. You can restore it here for 30 days.");
		assertThat(page.locator("#entries tbody tr")).hasCount(1);
		assertThat(page.locator("#entries tbody tr")).containsText("Roos Rep");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore")).click();
		assertThat(page.locator("#entries .alert-success")).containsText("Browser rollout is back.");
		assertThat(page.locator("#entries tbody tr")).hasCount(0);
		assertThat(page.locator("#entries")).containsText("Nothing you may restore is in the recycle bin.");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open it")).click();
		assertThat(page.locator("h1")).hasText("Browser rollout");
	}
}
