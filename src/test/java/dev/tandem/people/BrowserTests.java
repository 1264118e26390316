package dev.tandem.people;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.tandem.support.Chromium;
import dev.tandem.support.ChromiumSession;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Drives the real UI in headless Chromium (Debian's {@code /usr/bin/chromium}, or the one named by
 * {@code TANDEM_CHROMIUM}). Without a browser these tests fail; they never skip.
 */
@TandemIntegrationTest
class BrowserTests {

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	@AfterEach
	void brigitteBackToEnglish() {
		jdbc.sql("update people_user set locale = 'en' where email = :email").param("email", Demo.MANAGER).update();
	}

	@Test
	void brigitteSeesHerTeamSwitchesToDutchAndSignsOut() {
		try (var context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
			Page page = context.newPage();
			String base = "http://localhost:" + port;
			page.navigate(base + "/teams");
			assertThat(page).hasURL(Pattern.compile(".*/login$"));

			Chromium.signIn(page, Demo.MANAGER);
			assertThat(page).hasURL(Pattern.compile(".*/teams$"));

			Locator insideSales = page.locator(".team-card").filter(new Locator.FilterOptions().setHasText("Inside Sales"));
			assertThat(insideSales).containsText("Leader");
			assertThat(insideSales).containsText("Brigitte Janssens");
			assertThat(insideSales).containsText("Sanne Bakker");
			assertThat(insideSales).containsText("Noah Jansen");

			page.locator(".lang-switch button[value=nl]").click();
			assertThat(page).hasURL(Pattern.compile(".*/teams$"));
			assertThat(page.locator("html")).hasAttribute("lang", "nl");
			assertThat(insideSales).containsText("Leidinggevende");
			assertThat(page.locator(".mainnav")).containsText("Afdelingen");

			// The choice is remembered on her profile, not only in this browser.
			page.navigate(base + "/profile");
			assertThat(page.locator("h1")).hasText("Jouw profiel");

			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Afmelden").setExact(true)).click();
			assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
			assertThat(page.locator(".alert")).hasText("Je bent afgemeld.");
			page.navigate(base + "/teams");
			assertThat(page).hasURL(Pattern.compile(".*/login$"));
		}
	}

	/** The header's menus open without the page's script too, and before it has run. */
	@Test
	void theHeaderMenusOpenWithoutTheScript() {
		String base = "http://localhost:" + port;
		Page page = chromium.signedIn(base + "/", Demo.ADMIN, Demo.PASSWORD,
				new Browser.NewContextOptions().setLocale("en-GB").setJavaScriptEnabled(false).setViewportSize(1366, 900));
		Locator imports = page.locator(".nav-more-items a[href$='/imports']");
		assertThat(imports).isHidden();
		page.locator(".nav-more-toggle").click();
		assertThat(imports).isVisible();
		imports.click();
		assertThat(page).hasURL(Pattern.compile(".*/imports$"));

		// On a phone every page is behind Menu.
		page.setViewportSize(390, 800);
		Locator pipeline = page.locator(".nav-items a[href$='/pipeline']");
		assertThat(pipeline).isHidden();
		page.locator(".nav-toggle").click();
		assertThat(pipeline).isVisible();
		assertThat(imports).isVisible();
	}
}
