package dev.tandem.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.crm.DealManagement;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.LeadManagement;
import dev.tandem.crm.NewLead;
import dev.tandem.crm.StageMove;
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
import dev.tandem.playbook.StageKind;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner departments' landing page, as every role. Five leads came in this quarter: three of the "Spring
 * webinar" campaign (two converted, so qualified, into deals, one of them won), one of the "Trade fair" (open) and one inbound without a
 * campaign; so the webinar converted 2 of 3 (67%) and won 1 of 3 (33%), all leads 2 of 5 (40%) and 1 of 5 (20%).
 * Marketing sees that, operations its own part without it, both a navigation without the sales menus; reps and
 * managers are refused the page.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentPagesTests {

	private static final String PASSWORD = "department-pages-passw0rd";
	private static final Pattern NAV = Pattern.compile("<nav class=\"mainnav\".*?</nav>", Pattern.DOTALL);
	private static final List<String> SALES_MENUS = List.of("/my-day", "/pipeline", "/deals", "/accounts", "/leads", "/activities",
			"/insight", "/goals", "/forecast", "/recycle-bin");

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired LeadManagement leads;
	@Autowired DealManagement deals;
	@Autowired PlaybookManagement playbook;

	String domain;

	@BeforeAll
	void openOrganisation() {
		domain = "department-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Department " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		UUID mia = user(admin, "mia", Role.PARTNER);
		UUID otto = user(admin, "otto", Role.PARTNER);
		user(admin, "max", Role.MANAGER);
		UUID riaId = user(admin, "ria", Role.REP);
		teams.create(admin, new NewTeam("Brand and demand", TeamKind.MARKETING, null, mia));
		var operations = teams.create(admin, new NewTeam("Delivery", TeamKind.OPERATIONS, null, null));
		teams.addMember(admin, operations.id(), otto, LocalDate.of(2026, 1, 1));
		CurrentUser ria = new CurrentUser(admin.orgId(), riaId, "ria@" + domain, "ria", Role.REP, "en");

		var won = lead(ria, "Webinar one", DealSource.MARKETING_CAMPAIGN, "Spring webinar");
		var open = lead(ria, "Webinar two", DealSource.MARKETING_CAMPAIGN, "Spring webinar");
		lead(ria, "Webinar three", DealSource.MARKETING_CAMPAIGN, "Spring webinar");
		lead(ria, "Fair one", DealSource.MARKETING_CAMPAIGN, "Trade fair");
		lead(ria, "Inbound one", DealSource.INBOUND, null);
		var wonDeal = leads.convert(ria, won.id(), "Webinar deal", new BigDecimal("1000"), null, won.version()).deal();
		leads.convert(ria, open.id(), "Second webinar deal", new BigDecimal("500"), null, open.version());
		// The default playbook's gates would want the whole sale worked; this test is about what marketing sees of it.
		for (var stage : playbook.defaultPipeline(admin.orgId()).stages()) {
			playbook.updateStage(admin, stage.id(), new dev.tandem.playbook.StageChanges(stage.version(), stage.name(),
					stage.winProbability(), stage.forecastCategory(), dev.tandem.playbook.GateMode.WARN, stage.guidance(), 0, false,
					List.of(), stage.exitCriteria().stream()
						.map(c -> new dev.tandem.playbook.StageChanges.CriterionChange(c.id(), c.label(), c.satisfiedByRole())).toList()));
		}
		var wonStage = playbook.defaultPipeline(ria.orgId()).stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst()
			.orElseThrow();
		deals.move(ria, wonDeal.id(), new StageMove(wonStage.id(), wonDeal.version(), null, LocalDate.of(2026, 11, 18), null));

		String other = "department-other-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser otherAdmin = organisations.open(new NewOrganisation("Other " + other, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + other, "Admin", PASSWORD);
		leads.create(otherAdmin, new NewLead("Foreign", "Foreign BV", null, null, DealSource.MARKETING_CAMPAIGN, "Foreign fair", null,
				null, otherAdmin.id()));
	}

	private UUID user(CurrentUser admin, String name, Role role) {
		return users.create(admin, new NewUser(name + "@" + domain, name, role, "en", PASSWORD, List.of())).user().id();
	}

	private dev.tandem.crm.Lead lead(CurrentUser rep, String person, DealSource source, String campaign) {
		return leads.create(rep, new NewLead(person, person + " BV", null, null, source, campaign, null, null, rep.id()));
	}

	@Test
	void marketingLandsOnLeadsBySourceAndCampaignWithTheirConversion() {
		WebSession mia = WebSession.signedIn(port, "mia@" + domain, PASSWORD);
		var home = mia.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/department"));
		String page = mia.get("/department").body();
		assertThat(page).contains("<h1>Marketing</h1>", "Leads by source and campaign", "Coming for marketing")
			.doesNotContain("Foreign fair", "Coming for operations");
		// Received, qualified, became a deal, won, conversion, share won.
		assertThat(row(page, "Spring webinar")).containsExactly("3", "2", "2", "1", "67%", "33%");
		assertThat(row(page, "Trade fair")).containsExactly("1", "0", "0", "0", "0%", "0%");
		assertThat(row(page, "No campaign")).containsExactly("1", "0", "0", "0", "0%", "0%");
		assertThat(row(page, "Marketing campaign")).containsExactly("4", "2", "2", "1", "50%", "25%");
		assertThat(row(page, "Inbound")).containsExactly("1", "0", "0", "0", "0%", "0%");
		assertThat(row(page, "Total")).containsExactly("5", "2", "2", "1", "40%", "20%");
		assertThat(page.indexOf(">Spring webinar<")).as("the biggest campaign first").isLessThan(page.indexOf(">Trade fair<"));
		assertPartnerNavigation(page);
		assertThat(mia.get("/department?period=2026-Q3").body()).contains("No leads came in during this period.");
	}

	@Test
	void otherDepartmentsSeeWhatIsComingAndWhatTheyMayUseToday() {
		WebSession otto = WebSession.signedIn(port, "otto@" + domain, PASSWORD);
		String page = otto.get("/department").body();
		assertThat(page).contains("<h1>Operations</h1>", "Coming for operations", "What you can use today", "href=\"/departments\"")
			.doesNotContain("Leads by source and campaign", "Spring webinar");
		assertPartnerNavigation(page);
		assertPartnerNavigation(otto.get("/profile").body());
	}

	@Test
	void salesRolesAreRefusedThePageAndKeepTheirMenus() {
		for (String name : List.of("ria", "max")) {
			WebSession session = WebSession.signedIn(port, name + "@" + domain, PASSWORD);
			assertThat(session.get("/department").statusCode()).as(name).isEqualTo(403);
			var home = session.get("/");
			assertThat(home.statusCode()).as(name).isEqualTo(200);
			String nav = nav(home.body());
			assertThat(nav).contains("href=\"/deals\"", "href=\"/my-day\"").doesNotContain("href=\"/department\"");
		}
		WebSession admin = WebSession.signedIn(port, "admin@" + domain, PASSWORD);
		String page = admin.get("/department").body();
		assertThat(page).as("an admin sees every department's part").contains("Coming for marketing", "Coming for operations",
				"Coming for customer service", "Coming for sales enablement", "Spring webinar");
		assertThat(nav(page)).contains("href=\"/deals\"");
		assertThat(new WebSession(port).get("/department").statusCode()).isEqualTo(302);
	}

	private static void assertPartnerNavigation(String page) {
		String nav = nav(page);
		assertThat(nav).contains("href=\"/department\"", "href=\"/teams\"", "href=\"/departments\"");
		for (String menu : SALES_MENUS) {
			assertThat(nav).as("no sales menu " + menu).doesNotContain("href=\"" + menu + "\"");
		}
	}

	private static String nav(String page) {
		Matcher matcher = NAV.matcher(page);
		assertThat(matcher.find()).as("the page has a navigation").isTrue();
		return matcher.group();
	}

	/** The number cells of the table row whose first cell is {@code label}. */
	private static List<String> row(String page, String label) {
		Matcher rows = Pattern.compile("<tr[^>]*>\\s*<td>(?:<strong>)?" + Pattern.quote(label) + "(?:</strong>)?</td>(.*?)</tr>",
				Pattern.DOTALL).matcher(page);
		assertThat(rows.find()).as("a row " + label).isTrue();
		List<String> cells = new ArrayList<>();
		Matcher cell = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(rows.group(1));
		while (cell.find()) {
			cells.add(cell.group(1));
		}
		return cells;
	}
}
