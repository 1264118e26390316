package dev.tandem.insight;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.support.ChromiumSession;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Two browsers side by side: Brigitte watches her team's dashboard while Sanne logs a meeting; the
 * dashboard's activity count changes without a reload.
 */
@TandemIntegrationTest
class InsightBrowserTests {

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	@Test
	void theTeamDashboardCountsAMeetingLoggedInAnotherBrowserWithoutAReload() {
		String base = "http://localhost:" + port;
		Page brigitte = chromium.signedIn(base + "/insight/teams/" + Demo.teamId(jdbc, "Inside Sales"), Demo.MANAGER, "en-GB", 1280);
		assertThat(brigitte.locator("h1")).hasText("Inside Sales");
		assertThat(brigitte.locator(".live-dot.on")).isVisible();
		Locator activities = brigitte.locator(".kpi", new Page.LocatorOptions().setHasText("Activities")).locator(".kpi-value");
		String before = activities.textContent().trim();
		Object marker = brigitte.evaluate("() => { window.stayedOnPage = 'yes'; return window.stayedOnPage; }");

		Page sanne = chromium.signedIn(base + "/log", Demo.REP, "en-GB", 1280);
		sanne.locator("label", new Page.LocatorOptions().setHasText("Meeting")).first().click();
		sanne.getByLabel("What happened").fill("Needs analysis with the operations lead");
		sanne.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log it")).click();
		assertThat(sanne.locator(".alert-success")).isVisible();

		assertThat(activities).not().hasText(before);
		int after = Integer.parseInt(activities.textContent().trim().replace(",", ""));
		org.assertj.core.api.Assertions.assertThat(after).isEqualTo(Integer.parseInt(before.replace(",", "")) + 1);
		org.assertj.core.api.Assertions.assertThat(brigitte.evaluate("() => window.stayedOnPage")).as("no reload").isEqualTo(marker);
	}
}
