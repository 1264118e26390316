package dev.tandem.people;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.NewGoal;
import dev.tandem.goals.Scope;
import dev.tandem.platform.Ids;
import dev.tandem.platform.Period;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's getting-started checklist on the home page: each of its five steps ticked from the organisation's
 * data, gone once all are done or an admin hides it, never shown to anyone else nor in the demo organisations.
 */
@TandemIntegrationTest
class GettingStartedTests {

	private static final String PASSWORD = "getting-started-well";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired GoalManagement goals;
	@Autowired GettingStarted gettingStarted;
	@Autowired JdbcClient jdbc;

	TestOrganisation org;
	WebSession admin;

	@BeforeEach
	void openOrganisation() {
		org = TestOrganisation.open(organisations, "Starting", PASSWORD);
		admin = WebSession.signedIn(port, org.admin().email(), PASSWORD);
	}

	@Test
	void aNewOrganisationsAdminSeesFiveStepsToDoEachLinkingToItsPage() {
		assertThat(steps()).containsExactly("playbook:false", "people:false", "teams:false", "import:false", "goals:false");

		String home = admin.get("/").body();
		assertThat(home).contains("Getting started", "Playbook reviewed", "People invited", "Teams built", "Data imported",
				"Goals set", "href=\"/admin/playbook\"", "href=\"/admin/users\"", "href=\"/teams\"", "href=\"/imports\"",
				"href=\"/goals\"");
	}

	@Test
	void eachStepIsTickedByWhatTheOrganisationDidAndTheListGoesWhenAllAreDone() {
		assertThat(admin.post("/admin/playbook/review", Map.of()).statusCode()).isEqualTo(302);
		assertThat(steps()).containsExactly("playbook:true", "people:false", "teams:false", "import:false", "goals:false");

		Team team = teams.create(org.admin(), new NewTeam("Field", TeamKind.SALES, null, null));
		assertThat(steps()).as("an empty team is not built yet").contains("teams:false");
		User rep = users.create(org.admin(), new NewUser("rep@" + org.domain(), "Rep", Role.REP, "en", null,
				List.of(team.id()))).user();
		assertThat(steps()).containsExactly("playbook:true", "people:true", "teams:true", "import:false", "goals:false");

		goals.set(org.admin(), new NewGoal(Scope.user(rep.id()), GoalMetric.WON_DEALS, Set.of(),
				Period.parse("2026-11", 1, "period"), new BigDecimal("3"), null));
		assertThat(steps()).containsExactly("playbook:true", "people:true", "teams:true", "import:false", "goals:true");

		// An import that ran to the end, as the import's runner leaves it.
		jdbc.sql("""
				insert into exchange_import (org_id, id, kind, file_name, file_format, file_size, status, settings, created_by)
				values (:org, :id, 'USERS', 'people.csv', 'CSV', 10, 'DONE', '{}'::jsonb, :by)
				""").param("org", org.admin().orgId()).param("id", Ids.next()).param("by", org.admin().id()).update();
		assertThat(gettingStarted.checklist(org.admin())).isEmpty();
		assertThat(admin.get("/").body()).doesNotContain("Getting started");
	}

	@Test
	void anAdminHidesTheListForTheWholeOrganisation() {
		User second = users.create(org.admin(), new NewUser("second@" + org.domain(), "Second", Role.ADMIN, "en",
				PASSWORD, List.of())).user();

		assertThat(admin.post("/getting-started/dismiss", Map.of()).statusCode()).isEqualTo(302);

		assertThat(admin.get("/").body()).doesNotContain("Getting started");
		assertThat(WebSession.signedIn(port, second.email(), PASSWORD).get("/").body()).doesNotContain("Getting started");
	}

	@Test
	void noOneButAnAdminSeesItAndTheDemoOrganisationsDoNot() {
		org.user(users, "manager", Role.MANAGER, "en");
		WebSession manager = WebSession.signedIn(port, "manager@" + org.domain(), PASSWORD);

		assertThat(manager.get("/").body()).doesNotContain("Getting started");
		assertThat(manager.post("/getting-started/dismiss", Map.of()).statusCode()).isEqualTo(403);
		assertThat(admin.get("/").body()).contains("Getting started");
		assertThat(WebSession.signedIn(port, "admin@northwind.demo", "demo").get("/").body())
			.doesNotContain("Getting started");
	}

	@Test
	void theListIsInDutchForADutchAdmin() {
		users.changeLanguage(org.admin(), "nl");

		assertThat(WebSession.signedIn(port, org.admin().email(), PASSWORD).get("/").body())
			.contains("Aan de slag", "Playbook nagekeken", "Mensen uitgenodigd", "Teams samengesteld", "Gegevens geïmporteerd",
					"Doelen gesteld", "Te doen");
	}

	private List<String> steps() {
		return gettingStarted.checklist(org.admin()).orElseThrow().stream().map(i -> i.key() + ":" + i.done()).toList();
	}
}
