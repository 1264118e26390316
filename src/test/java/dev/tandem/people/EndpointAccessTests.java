package dev.tandem.people;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation's pages and API endpoints as anonymous, as each role of Northwind and as users of the other
 * organisation, with the expected status written out per case. The walkers in {@code dev.tandem.security} cover
 * every endpoint by rule; these keep the hand-written certainty of the exact answers.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAccessTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	UUID insideSales;
	UUID sanne;
	UUID zuidwindTeam;
	UUID jan;
	Map<String, WebSession> web;
	Map<String, ApiClient> api;

	@BeforeAll
	void signIn() {
		insideSales = Demo.teamId(jdbc, "Inside Sales");
		sanne = Demo.userId(jdbc, Demo.REP);
		zuidwindTeam = Demo.teamId(jdbc, "Zuidwind Sales");
		jan = Demo.userId(jdbc, "jan@zuidwind.demo");
		web = Map.of("REP", WebSession.signedIn(port, Demo.REP, Demo.PASSWORD),
				"MANAGER", WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD),
				"EXECUTIVE", WebSession.signedIn(port, Demo.EXECUTIVE, Demo.PASSWORD),
				"ADMIN", WebSession.signedIn(port, Demo.ADMIN, Demo.PASSWORD),
				"PARTNER", WebSession.signedIn(port, "kim@northwind.demo", Demo.PASSWORD),
				"OTHER_ADMIN", WebSession.signedIn(port, Demo.OTHER_TENANT_ADMIN, Demo.PASSWORD),
				"OTHER_MANAGER", WebSession.signedIn(port, Demo.OTHER_TENANT_MANAGER, Demo.PASSWORD));
		api = Map.of("REP", ApiClient.as(port, Demo.REP, Demo.PASSWORD),
				"MANAGER", ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD),
				"EXECUTIVE", ApiClient.as(port, Demo.EXECUTIVE, Demo.PASSWORD),
				"ADMIN", ApiClient.as(port, Demo.ADMIN, Demo.PASSWORD),
				"PARTNER", ApiClient.as(port, "kim@northwind.demo", Demo.PASSWORD),
				"OTHER_ADMIN", ApiClient.as(port, Demo.OTHER_TENANT_ADMIN, Demo.PASSWORD),
				"OTHER_MANAGER", ApiClient.as(port, Demo.OTHER_TENANT_MANAGER, Demo.PASSWORD));
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() {
		WebSession anonymous = new WebSession(port);
		for (String page : new String[] { "/", "/teams", "/departments", "/profile", "/profile/tokens", "/teams/" + insideSales,
				"/teams/new", "/teams/" + insideSales + "/edit", "/admin/users", "/admin/users/new", "/admin/users/" + sanne }) {
			HttpResponse<String> response = anonymous.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		}
		assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/prometheus").body()).contains("application_ready_time_seconds");
		assertThat(anonymous.postForm("/language", Map.of("lang", "nl")).statusCode()).as("no CSRF token").isEqualTo(403);
	}

	@Test
	void pagesForEveryoneOpenForEveryRole() {
		for (String role : new String[] { "REP", "MANAGER", "EXECUTIVE", "ADMIN", "PARTNER", "OTHER_MANAGER" }) {
			for (String page : new String[] { "/", "/teams", "/departments", "/profile", "/profile/tokens" }) {
				// A partner's home is their department's page, until the departments' own work exists.
				int expected = role.equals("PARTNER") && page.equals("/") ? 302 : 200;
				assertThat(web.get(role).get(page).statusCode()).as(role + " " + page).isEqualTo(expected);
			}
		}
		for (String role : new String[] { "REP", "MANAGER", "EXECUTIVE", "ADMIN", "PARTNER" }) {
			assertThat(web.get(role).get("/teams/" + insideSales).statusCode()).as(role).isEqualTo(200);
		}
	}

	@Test
	void adminPagesOpenOnlyForAdmins() {
		String[] adminPages = { "/admin/users", "/admin/users/new", "/admin/users/" + sanne, "/teams/new",
				"/teams/" + insideSales + "/edit" };
		for (String role : new String[] { "REP", "MANAGER", "EXECUTIVE", "PARTNER", "OTHER_MANAGER" }) {
			for (String page : adminPages) {
				assertThat(web.get(role).get(page).statusCode()).as(role + " " + page).isEqualTo(403);
			}
		}
		for (String page : adminPages) {
			assertThat(web.get("ADMIN").get(page).statusCode()).as("ADMIN " + page).isEqualTo(200);
		}
	}

	/** What a browser asks for: a page, so an error comes as the error page. */
	private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

	@Test
	void aPartnerIsRefusedTheSalesPagesInTheirLanguageAndSentToTheirDepartmentFromMyDay() {
		WebSession english = WebSession.signedIn(port, "kim@northwind.demo", Demo.PASSWORD).language("en");
		WebSession dutch = WebSession.signedIn(port, "ahmed@northwind.demo", Demo.PASSWORD).language("nl");
		for (String page : new String[] { "/pipeline", "/deals", "/insight", "/forecast", "/goals", "/accounts", "/contacts", "/log",
				"/leads", "/activities", "/recycle-bin", "/insight/people/" + sanne, "/forecast/teams/" + insideSales }) {
			HttpResponse<String> refused = english.get(page, BROWSER);
			assertThat(refused.statusCode()).as(page).isEqualTo(403);
			assertThat(refused.body()).as(page).contains("Not allowed").contains("href=\"/department\"");
			HttpResponse<String> geweigerd = dutch.get(page, BROWSER);
			assertThat(geweigerd.statusCode()).as(page).isEqualTo(403);
			assertThat(geweigerd.body()).as(page).contains("Niet toegestaan").contains("href=\"/department\"");
		}
		HttpResponse<String> myDay = english.get("/my-day");
		assertThat(myDay.statusCode()).isEqualTo(302);
		assertThat(myDay.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/department"));
		for (String page : new String[] { "/department", "/profile", "/notifications", "/notifications/settings", "/teams",
				"/departments" }) {
			assertThat(english.get(page).statusCode()).as(page).isEqualTo(200);
		}
		// Search finds the partner's department, and shows no link to a dashboard, which is a sales page.
		HttpResponse<String> search = english.get("/search?q=Kim");
		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(search.body()).contains("Kim Verbruggen").doesNotContain("/insight/people/");
	}

	@Test
	void aPartnerIsRefusedSalesWritesAndOperationsButReadsLeadsNotificationsAndTheDirectory() {
		long leads = jdbc.sql("select count(*) from crm_lead").query(Long.class).single();
		long activities = jdbc.sql("select count(*) from crm_activity").query(Long.class).single();
		WebSession session = web.get("PARTNER");
		assertThat(session.post("/leads", Map.of("name", "Partner Lead", "company", "Partner Co")).statusCode()).isEqualTo(403);
		assertThat(session.post("/activities/log", Map.of("type", "CALL", "subject", "Partner call")).statusCode()).isEqualTo(403);
		ApiClient client = api.get("PARTNER");
		for (String path : new String[] { "/api/v1/accounts", "/api/v1/contacts", "/api/v1/deals/" + UUID.randomUUID(),
				"/api/v1/activities/my-day", "/api/v1/insight/overview", "/api/v1/insight/teams/" + insideSales + "/summary",
				"/api/v1/forecast/submissions", "/api/v1/products", "/api/v1/custom-fields" }) {
			ApiClient.Response refused = client.get(path);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
		}
		assertThat(client.post("/api/v1/leads", "{\"name\":\"Partner Lead\",\"company\":\"Partner Co\"}").status()).isEqualTo(403);
		for (String path : new String[] { "/api/v1/leads", "/api/v1/notifications", "/api/v1/search?q=Kim", "/api/v1/auth/tokens" }) {
			assertThat(client.get(path).status()).as(path).isEqualTo(200);
		}
		assertThat(api.get("REP").get("/api/v1/accounts").status()).as("a rep still reads accounts").isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from crm_lead").query(Long.class).single()).isEqualTo(leads);
		assertThat(jdbc.sql("select count(*) from crm_activity").query(Long.class).single()).isEqualTo(activities);
	}

	@Test
	void recordsOfAnotherOrganisationAreNotFound() {
		assertThat(web.get("OTHER_MANAGER").get("/teams/" + insideSales).statusCode()).isEqualTo(404);
		assertThat(web.get("OTHER_ADMIN").get("/teams/" + insideSales).statusCode()).isEqualTo(404);
		assertThat(web.get("OTHER_ADMIN").get("/teams/" + insideSales + "/edit").statusCode()).isEqualTo(404);
		assertThat(web.get("OTHER_ADMIN").get("/admin/users/" + sanne).statusCode()).isEqualTo(404);
		assertThat(web.get("ADMIN").get("/admin/users/" + jan).statusCode()).isEqualTo(404);
		assertThat(web.get("ADMIN").get("/teams/" + zuidwindTeam).statusCode()).isEqualTo(404);
		assertThat(web.get("ADMIN").get("/teams/" + UUID.randomUUID()).statusCode()).isEqualTo(404);

		assertThat(api.get("OTHER_MANAGER").get("/api/v1/users/" + sanne).status()).isEqualTo(404);
		assertThat(api.get("OTHER_MANAGER").get("/api/v1/teams/" + insideSales).status()).isEqualTo(404);
		assertThat(api.get("REP").get("/api/v1/users/" + jan).status()).isEqualTo(404);
		assertThat(api.get("REP").get("/api/v1/teams/" + zuidwindTeam).status()).isEqualTo(404);
		assertThat(api.get("REP").get("/api/v1/users/not-an-id").status()).isEqualTo(404);
		ApiClient.Response patch = api.get("OTHER_ADMIN").patch("/api/v1/users/" + sanne, "{\"version\":0,\"displayName\":\"Hacked\"}");
		assertThat(patch.status()).isEqualTo(404);
		assertThat(patch.contentType()).startsWith("application/problem+json");
		assertThat(api.get("OTHER_ADMIN").patch("/api/v1/teams/" + insideSales, "{\"version\":0,\"name\":\"Hacked\"}").status())
			.isEqualTo(404);
		assertThat(jdbc.sql("select display_name from people_user where id = :id").param("id", sanne).query(String.class).single())
			.isEqualTo("Sanne Bakker");
	}

	@Test
	void listsShowOnlyTheOwnOrganisation() {
		// Joris, Jan and Els: the directory of a manager of the other organisation, whose admin is not in it.
		assertThat(api.get("OTHER_MANAGER").get("/api/v1/users").json().get("total").asInt()).isEqualTo(3);
		assertThat(api.get("OTHER_MANAGER").get("/api/v1/teams").json().get("total").asInt()).isEqualTo(1);
		assertThat(api.get("REP").get("/api/v1/users?q=zuidwind").json().get("total").asInt()).isZero();
		assertThat(web.get("OTHER_MANAGER").get("/teams").body()).contains("Zuidwind Sales").doesNotContain("Inside Sales");
	}

	/** Anonymous calls of every operation answer a 401 problem: the API walker proves it; a token that is none too. */
	@Test
	void aTokenThatIsNoneAnswers401() {
		ApiClient.Response response = new ApiClient(port, "tdm_not-a-real-token").get("/api/v1/me");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void everyRoleReadsTheDirectoryThroughTheApi() {
		for (String role : new String[] { "REP", "MANAGER", "EXECUTIVE", "ADMIN", "PARTNER" }) {
			ApiClient client = api.get(role);
			assertThat(client.get("/api/v1/me").status()).as(role).isEqualTo(200);
			assertThat(client.get("/api/v1/users").status()).as(role).isEqualTo(200);
			// A partner's directory is their department; Sanne is not in it.
			assertThat(client.get("/api/v1/users/" + sanne).status()).as(role).isEqualTo(role.equals("PARTNER") ? 404 : 200);
			assertThat(client.get("/api/v1/teams").status()).as(role).isEqualTo(200);
			assertThat(client.get("/api/v1/teams/" + insideSales).status()).as(role).isEqualTo(200);
		}
	}

	@Test
	void onlyAdminsChangeUsersAndTeams() {
		for (String role : new String[] { "REP", "MANAGER", "EXECUTIVE", "PARTNER" }) {
			ApiClient client = api.get(role);
			assertThat(client.post("/api/v1/users", newUserJson(role.toLowerCase() + "-attempt@northwind.demo")).status())
				.as(role).isEqualTo(403);
			assertThat(client.patch("/api/v1/users/" + sanne, "{\"version\":0,\"role\":\"ADMIN\"}").status()).as(role).isEqualTo(403);
			assertThat(client.post("/api/v1/teams", "{\"name\":\"Rogue " + role + "\",\"kind\":\"SALES\"}").status())
				.as(role).isEqualTo(403);
			assertThat(client.patch("/api/v1/teams/" + insideSales, "{\"version\":0,\"name\":\"Rogue\"}").status())
				.as(role).isEqualTo(403);

			WebSession session = web.get(role);
			assertThat(session.post("/teams", Map.of("name", "Rogue web " + role, "kind", "SALES")).statusCode()).as(role).isEqualTo(403);
			assertThat(session.post("/admin/users", Map.of("email", "rogue@northwind.demo", "displayName", "R", "role", "REP",
					"locale", "en")).statusCode()).as(role).isEqualTo(403);
			assertThat(session.post("/teams/" + insideSales + "/members", Map.of("userId", sanne.toString(),
					"validFrom", "2026-01-01")).statusCode()).as(role).isEqualTo(403);
			assertThat(session.post("/teams/" + insideSales, Map.of("version", "0", "name", "Rogue", "kind", "SALES")).statusCode())
				.as(role).isEqualTo(403);
			assertThat(session.post("/teams/" + insideSales + "/members/" + UUID.randomUUID() + "/end",
					Map.of("validTo", "2026-01-01")).statusCode()).as(role).isEqualTo(403);
			assertThat(session.post("/admin/users/" + sanne, Map.of("version", "0", "displayName", "Rogue", "role", "ADMIN",
					"locale", "en", "active", "true")).statusCode()).as(role).isEqualTo(403);
			assertThat(session.post("/admin/users/" + sanne + "/reset-password", Map.of()).statusCode()).as(role).isEqualTo(403);
		}
		WebSession otherAdmin = web.get("OTHER_ADMIN");
		assertThat(otherAdmin.post("/teams/" + insideSales, Map.of("version", "0", "name", "Rogue", "kind", "SALES")).statusCode())
			.isEqualTo(404);
		assertThat(otherAdmin.post("/admin/users/" + sanne + "/reset-password", Map.of()).statusCode()).isEqualTo(404);
		assertThat(otherAdmin.post("/teams/" + zuidwindTeam + "/members", Map.of("userId", sanne.toString(), "validFrom", "2026-01-01"))
			.statusCode()).as("a user of another organisation cannot be added").isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from people_membership where user_id = :id and team_id = :team")
			.param("id", sanne).param("team", zuidwindTeam).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from people_team where name like 'Rogue%'").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select display_name from people_user where id = :id").param("id", sanne).query(String.class).single())
			.isEqualTo("Sanne Bakker");
		assertThat(jdbc.sql("select count(*) from people_user where email like '%attempt%' or email like 'rogue%'")
			.query(Long.class).single()).isZero();

		ApiClient admin = api.get("ADMIN");
		ApiClient.Response created = admin.post("/api/v1/users", newUserJson("access-created@northwind.demo"));
		assertThat(created.status()).isEqualTo(201);
		ApiClient.Response team = admin.post("/api/v1/teams", "{\"name\":\"Access Test Team\",\"kind\":\"SALES\"}");
		assertThat(team.status()).isEqualTo(201);
		assertThat(admin.patch("/api/v1/teams/" + team.json().get("id").asString(), "{\"version\":0,\"name\":\"Access Test Team 2\"}")
			.status()).isEqualTo(200);
	}

	private static String newUserJson(String email) {
		return "{\"email\":\"" + email + "\",\"displayName\":\"New Person\",\"role\":\"REP\",\"password\":\"long-enough-1\"}";
	}
}
