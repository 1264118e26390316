package dev.tandem.people;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.support.ChromiumSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A company moves in, as its operator and admin would do it in the browser: an installation without any organisation
 * opens the setup, the admin signs in with what they chose, the wizard imports the roster and two years of deals from
 * another CRM's export, and the team dashboard of the past year shows the won revenue a hand count of the file gives.
 */
class MovingInBrowserTests {

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	private static final String PASSWORD = "a long and unusual passphrase";

	@Test
	void fromAnEmptyInstallationToTheRightWonRevenueOfLastYear(@TempDir Path dataDir, @TempDir Path files) throws IOException {
		// Plain names, no start dates: the memberships have to cover the history that comes after them.
		Path roster = Files.writeString(files.resolve("sales_teams.csv"), """
				sales_agent,email,manager,team
				Marleen Lead,marleen@acme.example,,
				Sanne Seller,sanne@acme.example,Marleen Lead,Inside
				Daan Seller,daan@acme.example,Marleen Lead,Inside
				Petra Field,petra@acme.example,,
				Eva Field,eva@acme.example,Petra Field,Field
				""");
		Path deals = Files.writeString(files.resolve("sales_pipeline.csv"), """
				opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value
				P1,Sanne Seller,GTX Basic,Acme Logistics,Won,2025-01-06,2025-02-16,1000
				P2,Sanne Seller,GTX Pro,Acme Logistics,Won,2025-05-03,2025-06-23,2500
				P3,Daan Seller,MG Special,Betafab,Won,2025-11-03,2025-12-30,400
				P4,Daan Seller,GTX Plus,Betafab,Lost,2025-04-01,2025-05-11,9000
				P5,Daan Seller,GTX Plus,Betafab,Won,2025-12-01,2026-01-02,7000
				P6,Sanne Seller,GTX Basic,Corvex,Won,2024-10-01,2024-12-31,800
				P7,Eva Field,GTX Pro,Corvex,Won,2025-03-01,2025-03-20,5000
				""");
		try (ConfigurableApplicationContext installation = EmptyInstallation.start(dataDir);
				var context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-GB"))) {
			String base = "http://localhost:" + EmptyInstallation.port(installation);
			Page page = context.newPage();

			page.navigate(base + "/");
			assertThat(page.locator("h1")).hasText("Set up Tandem");
			page.getByLabel("Organisation name").fill("Acme Sales");
			page.getByLabel("Currency (ISO code, such as EUR or USD)").fill("EUR");
			page.getByLabel("Time zone (such as Europe/Amsterdam)").fill("Europe/Amsterdam");
			page.getByLabel("Fiscal year starts in").selectOption("1");
			page.getByLabel("Default language").selectOption("en");
			page.getByLabel("Your name").fill("Ada Admin");
			page.getByLabel("E-mail").fill("ada@acme.example");
			page.getByLabel("Password").fill(PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up Tandem")).click();

			assertThat(page.locator("body")).containsText("Tandem is set up.");
			page.getByLabel("E-mail").fill("ada@acme.example");
			page.getByLabel("Password").fill(PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			assertThat(page.locator("body")).containsText("Getting started");

			importThroughTheWizard(page, base, roster, "Team roster (users)", null);
			// Five people and their two teams.
			assertThat(page.locator("#wizard .alert-success")).hasText("Imported: 7 created, 0 updated, 0 skipped.");
			// The file has no title column: each deal is called after its account and its id.
			importThroughTheWizard(page, base, deals, "Deals", Map.of());
			// Seven deals, their three accounts and the four products they sold (made on the values step, as stages are).
			assertThat(page.locator("#wizard .alert-success")).hasText("Imported: 14 created, 0 updated, 0 skipped.");

			page.navigate(base + "/insight");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inside").setExact(true)).first().click();
			page.locator(".period-kinds").getByText("Year").click();
			assertThat(page.locator(".period-label strong")).hasText("2026");
			page.getByLabel("Previous period").click();
			assertThat(page.locator(".period-label strong")).hasText("2025");
			// Inside in 2025: P1 1,000 + P2 2,500 + P3 400; P4 was lost, P5 closed in 2026, P6 in 2024, P7 is Field's.
			Locator won = page.locator(".kpi").filter(new Locator.FilterOptions().setHasText("Won revenue")).first();
			assertThat(won.locator(".kpi-value")).hasText(Pattern.compile("€\\s?3,900"));
		}
	}

	/** Upload, confirm the wizard's guess of what the file holds, check the dry run and import. */
	private static void importThroughTheWizard(Page page, String base, Path file, String kind, Map<String, String> columns) {
		page.navigate(base + "/imports");
		page.getByLabel("File").setInputFiles(file);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
		assertThat(page.locator("h1")).hasText(file.getFileName().toString());
		assertThat(page.locator("#kind option:checked")).hasText(kind);
		if (columns != null) {
			columns.forEach((field, column) -> page.locator("#col-" + field).selectOption(column));
		}
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
		page.locator("#report .alert-success, tr.unmatched").first().waitFor();
		// Values the new organisation lacks (the deals' products): the admin lets the import create each.
		Locator unmatched = page.locator("tr.unmatched select");
		if (unmatched.count() > 0) {
			for (int i = 0; i < unmatched.count(); i++) {
				unmatched.nth(i).selectOption("create");
			}
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
		}
		assertThat(page.locator("#report .alert-success")).containsText("Ready:");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Import \\d+ records$"))).click();
	}
}
