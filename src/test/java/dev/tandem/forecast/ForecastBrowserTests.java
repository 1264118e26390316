package dev.tandem.forecast;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.support.ChromiumSession;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The forecast call in a browser: Noah submits his forecast, Brigitte adjusts it with a reason and submits her
 * team's, and Suzanne, the head of sales, sees the team's forecast in her roll-up with the adjustment marked.
 */
@TandemIntegrationTest
class ForecastBrowserTests {

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;

	@Test
	void aRepSubmitsTheManagerAdjustsAndSubmitsAndTheHeadOfSalesSeesTheRollUp() {
		String base = "http://localhost:" + port;
		Page noah = chromium.signedIn(base + "/forecast", "noah@northwind.demo", "en-GB", 1280);
		assertThat(noah.locator("h1")).containsText("Noah Jansen");
		Locator own = noah.locator("section", new Page.LocatorOptions().setHasText("Submit your forecast"));
		own.getByLabel("Commit").fill("6000");
		own.getByLabel("Best case").fill("9000");
		own.getByLabel("Note").fill("Two renewals I am sure of");
		own.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit")).click();
		assertThat(noah.locator(".alert-success")).hasText("Forecast submitted.");
		assertThat(noah.locator(".history li").first()).containsText("Revision 1");
		assertThat(noah.locator(".history li").first()).containsText("Two renewals I am sure of");

		Page brigitte = chromium.signedIn(base + "/forecast", Demo.MANAGER, "en-GB", 1280);
		assertThat(brigitte.locator("h1")).containsText("Inside Sales");
		Locator row = brigitte.locator(".forecast-table tr", new Page.LocatorOptions().setHasText("Noah Jansen"));
		assertThat(row).containsText("€6,000");
		row.locator("summary", new Locator.LocatorOptions().setHasText("Adjust")).click();
		Locator form = row.locator("form.adjust-form");
		form.getByLabel("Commit").fill("4500");
		form.getByLabel("Best case").fill("7000");
		form.getByLabel("Why").fill("First month in a new segment; one renewal waits for budget");
		form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save adjustment")).click();
		assertThat(brigitte.locator(".alert-success")).containsText("Adjustment saved");
		row = brigitte.locator(".forecast-table tr", new Page.LocatorOptions().setHasText("Noah Jansen"));
		assertThat(row.locator(".struck")).hasText("€6,000");
		assertThat(row).containsText("€4,500");
		assertThat(row).containsText("adjusted by Brigitte Janssens");
		assertThat(brigitte.locator(".adjust-note", new Page.LocatorOptions().setHasText("one renewal waits for budget"))).isVisible();
		Locator team = brigitte.locator("section", new Page.LocatorOptions().setHasText("Submit the team's forecast"));
		// The field shows the roll-up as an English reader writes amounts, e.g. 12,345.00.
		String commit = team.getByLabel("Commit").inputValue();
		team.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Submit")).click();
		assertThat(brigitte.locator(".alert-success")).hasText("Forecast submitted.");

		Page suzanne = chromium.signedIn(base + "/forecast", Demo.EXECUTIVE, "en-GB", 1280);
		assertThat(suzanne.locator("h1")).containsText("Northwind Sales");
		Locator inside = suzanne.locator(".forecast-table tr", new Page.LocatorOptions().setHasText("Inside Sales"));
		assertThat(inside).not().containsText("Not submitted");
		assertThat(inside).containsText(String.format("€%,d", new java.math.BigDecimal(commit.replace(",", "")).longValueExact()));
		assertThat(inside.locator(".badge", new Locator.LocatorOptions().setHasText("below"))).isVisible();
		inside.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Inside Sales")).click();
		Locator noahRow = suzanne.locator(".forecast-table tr", new Page.LocatorOptions().setHasText("Noah Jansen"));
		assertThat(noahRow).containsText("adjusted by Brigitte Janssens");
		assertThat(noahRow.locator(".struck")).hasText("€6,000");
		assertThat(suzanne.locator(".adjust-note", new Page.LocatorOptions().setHasText("one renewal waits for budget"))).isVisible();
	}
}
