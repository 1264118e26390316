package dev.tandem.crm;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.support.ChromiumSession;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager ticks three deals in the deal list and moves them to Demo in one go; the gate (a logged call) refuses the
 * one without a call, the report names it with the gate's reason, and the other two show in Demo back in the list.
 */
@TandemIntegrationTest
class DealBulkBrowserTests {

	private static final String PASSWORD = "bulk-in-the-browser";

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired ActivityManagement activities;
	@Autowired PlaybookManagement playbook;

	@Test
	void theGateRefusesOneTickedDealAndTheOthersMove() {
		String domain = "bulk-browser-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Bulk browser " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		CurrentUser mia = CurrentUser.of(users.create(admin, new NewUser("mia@" + domain, "Mia Manager", Role.MANAGER, "en",
				PASSWORD, List.of())).user());
		CurrentUser ann = CurrentUser.of(users.create(admin, new NewUser("ann@" + domain, "Ann Rep", Role.REP, "en", PASSWORD,
				List.of())).user());
		UUID team = teams.create(admin, new NewTeam("Team A", TeamKind.SALES, null, mia.id())).id();
		teams.addMember(admin, team, ann.id(), LocalDate.of(2026, 1, 1));
		Stage mapped = playbook.defaultPipeline(admin.orgId()).stages().stream()
			.filter(s -> s.name().equals("Buying group mapped")).findFirst().orElseThrow();
		DealsAtTheGate gate = new DealsAtTheGate(accounts, deals, activities);
		Deal north = gate.deal(ann, mapped, "North rollout", true);
		Deal south = gate.deal(ann, mapped, "South rollout", false);
		Deal west = gate.deal(ann, mapped, "West rollout", true);

		Page page = chromium.signedIn("http://localhost:" + port + "/deals", "mia@" + domain, PASSWORD, "en-GB", 1280);
		assertThat(page.locator("h1")).hasText("Deals");

		page.getByLabel("Tick North rollout").check();
		page.getByLabel("Tick South rollout").check();
		page.getByLabel("Tick West rollout").check();
		page.locator("#bulk-stage").selectOption(new SelectOption().setLabel("Demo"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change ticked deals")).click();

		assertThat(page.locator("h1")).hasText("Bulk edit");
		assertThat(page.locator("#bulk-summary")).hasText("2 changed, 1 refused, 0 changed by someone else in the meantime.");
		Locator refused = page.locator("#bulk-results tr[data-outcome=REFUSED]");
		assertThat(refused).hasCount(1);
		assertThat(refused).containsText("South rollout");
		assertThat(refused).containsText("Call: 1 needed, 0 logged");
		assertThat(page.locator("#bulk-results tr[data-outcome=UPDATED]")).hasCount(2);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the list")).click();
		assertThat(page.locator("h1")).hasText("Deals");
		assertThat(page.locator("#rows tr", new Page.LocatorOptions().setHasText("North rollout"))).containsText("Demo");
		assertThat(page.locator("#rows tr", new Page.LocatorOptions().setHasText("West rollout"))).containsText("Demo");
		assertThat(page.locator("#rows tr", new Page.LocatorOptions().setHasText("South rollout"))).containsText("Buying group mapped");
		assertThat(deals.get(mia, north.id()).stageName()).isEqualTo("Demo");
		assertThat(deals.get(mia, west.id()).stageName()).isEqualTo("Demo");
		assertThat(deals.get(mia, south.id()).stageId()).isEqualTo(mapped.id());
	}
}
