package dev.tandem.exchange;

import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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
 * The import wizard as an admin uses it: upload a CSV, give the unknown stage "Discovery" a meaning,
 * read the dry-run report, import, and find the deals on the pipeline board.
 */
@TandemIntegrationTest
class ImportBrowserTests {

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	@Test
	void anAdminImportsDealsMapsAnUnknownStageAndSeesThemOnTheBoard() throws Exception {
		String base = "http://localhost:" + port;
		Path file = Path.of(getClass().getResource("/exchange/board-deals.csv").toURI());
		Page page = chromium.signedIn(base + "/imports", Demo.ADMIN, "en-GB", 1280);
		// Import is under More in the header.
		page.locator(".nav-more-toggle").click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import").setExact(true)).first().click();
		page.getByLabel("File").setInputFiles(file);
		page.getByLabel("What it holds").selectOption(new SelectOption().setLabel("Deals"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

		assertThat(page.locator("h1")).hasText("board-deals.csv");
		assertThat(page.getByLabel("Stage", new Page.GetByLabelOptions().setExact(true))).hasValue("Stage");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();

		// "Discovery" is no stage of Northwind's: the report says so and nothing is written yet.
		assertThat(page.locator("#report")).containsText("1 value still needs a meaning.");
		Locator discovery = page.locator("tr.unmatched", new Page.LocatorOptions().setHasText("Discovery"));
		UUID needsAnalysis = jdbc.sql("""
				select s.id from playbook_stage s join playbook_pipeline p on p.org_id = s.org_id and p.id = s.pipeline_id
				 where p.is_default and s.name = 'Needs analysis' and s.org_id = (select org_id from people_user where email = :email)
				""").param("email", Demo.ADMIN).query(UUID.class).single();
		discovery.locator("select").selectOption(needsAnalysis.toString());
		assertThat(discovery.locator("select option:checked")).containsText("Needs analysis");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();

		assertThat(page.locator("#report .alert-success")).containsText("Ready: 3 to create, 0 to update, 0 to skip.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import 3 records")).click();
		assertThat(page.locator("#wizard .alert-success")).containsText("Imported: 3 created, 0 updated, 0 skipped.");

		UUID noah = Demo.userId(jdbc, "noah@northwind.demo");
		page.navigate(base + "/pipeline?owner=" + noah);
		Locator analysis = page.locator(".column").filter(new Locator.FilterOptions().setHas(
				page.locator("h2", new Page.LocatorOptions().setHasText(Pattern.compile("^Needs analysis$")))));
		assertThat(analysis.locator(".deal-card", new Locator.LocatorOptions().setHasText("Board import alpha"))).isVisible();
		Locator proposal = page.locator(".column").filter(new Locator.FilterOptions().setHas(
				page.locator("h2", new Page.LocatorOptions().setHasText(Pattern.compile("^Proposal$")))));
		assertThat(proposal.locator(".deal-card", new Locator.LocatorOptions().setHasText("Board import beta"))).isVisible();
	}
}
