package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Role;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
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
 * The stage gate as a manager and a rep meet it in the browser: Brigitte tries to move Daan's deal
 * to Demo before the discovery call, is shown what is missing, Daan logs the call, and the move then
 * succeeds and shows on the board; a new deal goes through the whole default playbook in the UI.
 */
@TandemIntegrationTest
class PipelineBrowserTests {

	static final String REP = "daan@northwind.demo";

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired PlaybookManagement playbook;

	@Test
	void aBlockedMoveSaysWhatIsMissingAndSucceedsOnceTheCallIsLogged() {
		CurrentUser daan = user(REP);
		Pipeline pipeline = playbook.defaultPipeline(daan.orgId());
		Stage buyingGroup = stage(pipeline, "Buying group mapped");
		String title = "Rollout " + UUID.randomUUID().toString().substring(0, 8);
		Account account = accounts.create(daan, new NewAccount("Gate Test " + title, null, null, "NL", null, null));
		Deal deal = deals.create(daan, new NewDeal(account.id(), title, new BigDecimal("24000"), null, null, buyingGroup.id(),
				null, DealSource.INBOUND, "Book the discovery call", null), null);
		String base = "http://localhost:" + port;

		Page brigitte = chromium.signedIn(base + "/deals/" + deal.id(), Demo.MANAGER, "en-GB", 1280);
		assertThat(brigitte.locator("h1")).hasText(title);

		// Demo needs a call first: the refusal lists what is missing, and nothing moved.
		brigitte.locator(".stage-path").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Demo")).click();
		assertThat(brigitte.locator("#move-result")).containsText("Not yet ready for Demo");
		assertThat(brigitte.locator("#move-result")).containsText("Call: 1 needed, 0 logged");
		assertThat(brigitte.locator(".stage-path button.current")).hasText("Buying group mapped");

		// Daan logs the call in three fields from his deal page.
		Page rep = chromium.signedIn(base + "/deals/" + deal.id(), REP, "en-GB", 1280);
		rep.locator("#log label", new Page.LocatorOptions().setHasText("Call")).first().click();
		rep.getByLabel("What happened").fill("Discovery call with the CFO");
		rep.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log it")).click();
		assertThat(rep.locator(".alert-success")).containsText("Call logged.");
		assertThat(rep.locator("#timeline")).containsText("Discovery call with the CFO");

		// Now the move goes through, and the board shows the deal under Demo.
		brigitte.reload();
		brigitte.locator(".stage-path").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Demo")).click();
		assertThat(brigitte.locator("#move-result")).containsText("Moved to Demo.");
		assertThat(brigitte.locator(".stage-path button.current")).hasText("Demo");

		brigitte.navigate(base + "/pipeline?owner=" + daan.id());
		Locator demoColumn = brigitte.locator(".column").filter(new Locator.FilterOptions().setHas(
				brigitte.locator("h2", new Page.LocatorOptions().setHasText(Pattern.compile("^Demo$")))));
		assertThat(demoColumn.locator(".deal-card", new Locator.LocatorOptions().setHasText(title))).isVisible();
	}

	@Test
	void theMoveMenuOnTheBoardExplainsARefusalInTheCardAndDragAndDropMovesBack() {
		CurrentUser daan = user(REP);
		Pipeline pipeline = playbook.defaultPipeline(daan.orgId());
		String title = "Board " + UUID.randomUUID().toString().substring(0, 8);
		Account account = accounts.create(daan, new NewAccount("Board Test " + title, null, null, "NL", null, null));
		deals.create(daan, new NewDeal(account.id(), title, new BigDecimal("5000"), null, null,
				stage(pipeline, "Needs analysis").id(), null, DealSource.OUTBOUND, "Map the buying group", null), null);

		Page page = chromium.signedIn("http://localhost:" + port + "/pipeline", REP, Demo.PASSWORD,
				new Browser.NewContextOptions().setLocale("en-GB")
					// Tall enough that the card (last in its column) and the column it is dropped on are both in view: a
					// drag that has to scroll the page on the way picks up whatever lies under the mouse after scrolling.
					.setViewportSize(1440, 1800));
		Locator card = page.locator(".deal-card", new Page.LocatorOptions().setHasText(title));

		// Keyboard and menu: Buying group mapped blocks without stakeholders; the card says why.
		card.locator("summary").click();
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Buying group mapped")).click();
		card = page.locator(".deal-card", new Page.LocatorOptions().setHasText(title));
		assertThat(card.locator(".move-result")).containsText("Not yet ready for Buying group mapped");
		assertThat(card.locator(".move-result")).containsText("Buying group: no decision maker identified yet");

		// Dragging back to New lead is always allowed.
		Locator newLead = page.locator(".column").filter(new Locator.FilterOptions().setHas(
				page.locator("h2", new Page.LocatorOptions().setHasText("New lead"))));
		card.dragTo(newLead);
		assertThat(newLead.locator(".deal-card", new Locator.LocatorOptions().setHasText(title))).isVisible();
		Locator moved = newLead.locator(".deal-card", new Locator.LocatorOptions().setHasText(title)).locator(".move-result");
		// The card moves at once; the server's answer replaces its old notice, later on a busy machine.
		assertThat(moved).containsText("Moved to New lead.", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));

		// A live refresh (here: another deal of Daan's, created elsewhere) keeps the notice next to the card it
		// belongs to, and the move's own refresh is one such refresh.
		Locator summary = page.locator(".board-summary");
		String before = summary.textContent();
		deals.create(daan, new NewDeal(account.id(), "Second " + UUID.randomUUID().toString().substring(0, 8), new BigDecimal("100"), null, null,
				stage(pipeline, "New lead").id(), null, DealSource.OUTBOUND, null, null), null);
		// The live refresh goes through the event outbox and the stream: on two busy cores it may take seconds.
		assertThat(summary).not().hasText(before, new LocatorAssertions.HasTextOptions().setTimeout(45_000));
		assertThat(moved).containsText("Moved to New lead.");
	}

	/**
	 * The whole default playbook through the UI only, as the manager of the finding: a new deal goes from New lead to
	 * Negotiation; Buying group mapped waits for an economic buyer (the budget owner, known by fact), Demo for a call,
	 * Proposal's criteria are ticked in the refused card on the board, and Negotiation warns.
	 */
	@Test
	void aNewDealIsMovedFromTheFirstStageToNegotiationThroughTheUiOnly() {
		String title = "Journey " + UUID.randomUUID().toString().substring(0, 8);
		String base = "http://localhost:" + port;
		Page page = chromium.signedIn(base + "/deals/new", Demo.MANAGER, Demo.PASSWORD,
				new Browser.NewContextOptions().setLocale("en-GB").setViewportSize(1440, 1800));
		page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(title);
		page.getByLabel("New account's name").fill("Journey Works " + title);
		page.getByLabel("Amount").fill("18000");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create deal")).click();
		assertThat(page.locator("h1")).hasText(title);
		assertThat(page.locator(".stage-path button.current")).hasText("New lead");

		// The first two stages only warn.
		stagePath(page, "Contact made").click();
		assertThat(page.locator("#move-result")).containsText("Moved to Contact made.");
		stagePath(page, "Needs analysis").click();
		assertThat(page.locator("#move-result")).containsText("Moved to Needs analysis.");

		// Buying group mapped: the budget owner is known once the buying group has an economic buyer; no box to tick.
		stagePath(page, "Buying group mapped").click();
		Locator refusal = page.locator("#move-result");
		assertThat(refusal).containsText("Not yet ready for Buying group mapped");
		assertThat(refusal).containsText("Budget owner known: needs someone with the role Economic buyer in the buying group");
		assertThat(refusal.getByRole(AriaRole.CHECKBOX)).hasCount(0);
		refusal.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Add the economic buyer")).click();
		Locator add = page.locator("details.add-stakeholder");
		assertThat(add.locator("#role")).hasValue("ECONOMIC_BUYER");
		add.getByLabel("New contact's name").fill("Eva Mulder");
		add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add to buying group")).click();
		page.locator("details.add-stakeholder summary").click();
		page.locator("details.add-stakeholder").getByLabel("New contact's name").fill("Daniel de Wit");
		page.locator("details.add-stakeholder #role").selectOption("DECISION_MAKER");
		page.locator("details.add-stakeholder").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add to buying group")).click();
		Locator next = page.locator("#next-stage");
		assertThat(next).containsText("Eva Mulder, economic buyer in the buying group");
		assertThat(next).containsText("Everything is in place.");
		next.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move to Buying group mapped")).click();
		assertThat(page.locator("#move-result")).containsText("Moved to Buying group mapped.");

		// Demo needs the discovery call; Proposal a demo, and its two criteria.
		page.locator("#log label", new Page.LocatorOptions().setHasText("Call")).first().click();
		page.getByLabel("What happened").fill("Discovery call with Daniel");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log it")).click();
		assertThat(page.locator(".alert-success")).containsText("Call logged.");
		stagePath(page, "Demo").click();
		assertThat(page.locator("#move-result")).containsText("Moved to Demo.");
		page.locator("#log label", new Page.LocatorOptions().setHasText(Pattern.compile("^Demo$"))).click();
		page.getByLabel("What happened").fill("Demo for the finance team");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log it")).click();
		assertThat(page.locator(".alert-success")).containsText("Demo logged.");
		assertThat(page.locator("#next-stage")).containsText("To move on to Proposal");

		// On the board the Move menu is refused in the card, which offers Proposal's criteria to tick there.
		page.navigate(base + "/pipeline?owner=" + Demo.userId(jdbc, Demo.MANAGER));
		Locator card = page.locator(".deal-card", new Page.LocatorOptions().setHasText(title));
		card.locator("summary").click();
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Proposal")).click();
		card = page.locator(".deal-card", new Page.LocatorOptions().setHasText(title));
		assertThat(card.locator(".move-result")).containsText("Not yet ready for Proposal");
		card.getByLabel("Budget confirmed").check();
		card.getByLabel("Decision process known").check();
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tick and move to Proposal")).click();
		// The card now stands under Proposal (its "Moved" notice lasts until the board's live refresh).
		Locator inProposal = column(page, "Proposal").locator(".deal-card", new Locator.LocatorOptions().setHasText(title));
		assertThat(inProposal).isVisible();

		// Negotiation only warns: from the deal page the move goes through and says what the playbook still expects.
		// Opened by its address: the board's live refresh may replace the card between finding the link and clicking it.
		page.navigate(base + inProposal.locator("a.deal-title").getAttribute("href"));
		assertThat(page.locator(".stage-path button.current")).hasText("Proposal");
		page.locator("#next-stage").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move to Negotiation")).click();
		assertThat(page.locator("#move-result")).containsText("Moved to Negotiation.");
		assertThat(page.locator("#move-result")).containsText("Proposal: 1 needed, 0 logged");
		assertThat(page.locator(".stage-path button.current")).hasText("Negotiation");
		assertThat(page.locator("#timeline")).containsText("Proposal → Negotiation");
	}

	private static Locator stagePath(Page page, String stage) {
		return page.locator(".stage-path").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(stage).setExact(true));
	}

	private static Locator column(Page page, String stage) {
		return page.locator(".column").filter(new Locator.FilterOptions().setHas(
				page.locator("h2", new Page.LocatorOptions().setHasText(Pattern.compile("^" + stage + "$")))));
	}

	private CurrentUser user(String email) {
		return jdbc.sql("select org_id, id, email, display_name, role, locale from people_user where email = :email")
			.param("email", email)
			.query((rs, n) -> new CurrentUser(rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class),
					rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("locale")))
			.single();
	}

	private static Stage stage(Pipeline pipeline, String name) {
		return pipeline.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
	}
}
