package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
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
 * In the browser, the header's search finds a deal by a misspelt account name for its owner, who opens it from the
 * live menu, and not for another rep of the organisation; "/" puts the cursor in the search box and "?" lists the
 * shortcuts, but neither fires while typing in a field.
 */
@TandemIntegrationTest
class SearchBrowserTests {

	private static final String PASSWORD = "search-in-the-browser";

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;

	@Test
	void theOwnerFindsADealByAMisspeltAccountNameAndAnotherRepDoesNot() {
		String domain = "search-browser-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Search browser " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		CurrentUser owner = CurrentUser.of(users.create(admin, new NewUser("roos@" + domain, "Roos Rep", Role.REP, "en", PASSWORD,
				List.of())).user());
		users.create(admin, new NewUser("ravi@" + domain, "Ravi Rep", Role.REP, "en", PASSWORD, List.of()));
		Account account = accounts.create(owner, new NewAccount("Zeeuwse Scheepswerf", null, null, "NL", null, null));
		deals.create(owner, new NewDeal(account.id(), "Dock cranes", new BigDecimal("40000"), null, null, null, null,
				DealSource.INBOUND, null, null), null);

		Page roos = signIn("roos@" + domain);
		roos.keyboard().press("/");
		assertThat(roos.locator("#global-search")).isFocused();
		roos.keyboard().type("Zeeuwse Scheepwerf");
		assertThat(roos.locator("#search-menu")).containsText("Dock cranes");
		assertThat(roos.locator("#search-menu")).containsText("Zeeuwse Scheepswerf");
		roos.locator("#search-menu").getByText("Dock cranes").click();
		roos.waitForURL("**/deals/*");
		assertThat(roos.locator("h1")).hasText("Dock cranes");

		roos.keyboard().press("?");
		assertThat(roos.locator("#shortcuts-help")).isVisible();
		assertThat(roos.locator("#shortcuts-help")).containsText("Go to the pipeline");
		roos.keyboard().press("Escape");
		assertThat(roos.locator("#shortcuts-help")).isHidden();

		Page ravi = signIn("ravi@" + domain);
		ravi.locator("#global-search").fill("Zeeuwse Scheepwerf");
		assertThat(ravi.locator("#search-menu")).containsText("Nothing you may see matches.");
		assertThat(ravi.locator("#search-menu")).not().containsText("Dock cranes");
		ravi.keyboard().press("?");
		assertThat(ravi.locator("#shortcuts-help")).isHidden();
		ravi.locator("#global-search").press("Enter");
		assertThat(ravi.locator("h1")).hasText("Search");
		assertThat(ravi.locator("#results")).containsText("Nothing you may see matches.");
	}

	private Page signIn(String email) {
		Page page = chromium.signedIn("http://localhost:" + port + "/my-day", email, PASSWORD, "en-GB", 1280);
		page.waitForURL("**/my-day");
		assertThat(page.locator("h1")).isVisible();
		return page;
	}
}
