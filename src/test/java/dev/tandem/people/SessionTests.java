package dev.tandem.people;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.support.ApiClient;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web sessions and API tokens follow the user as stored now: an admin's change of role or a deactivation counts
 * from the next request of every session. Each test works in an organisation of its own.
 */
@TandemIntegrationTest
class SessionTests {

	private static final String PASSWORD = "sessions-follow-the-user";

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;

	CurrentUser admin;
	String domain;

	@BeforeEach
	void openOrganisation() {
		domain = "sessions-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		admin = organisations.open(new NewOrganisation("Sessions " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
	}

	@Test
	void aDemotedAdminIsARepFromTheNextRequestOfEverySession() {
		User boss = user("boss", Role.ADMIN);
		WebSession first = WebSession.signedIn(port, boss.email(), PASSWORD);
		WebSession second = WebSession.signedIn(port, boss.email(), PASSWORD);
		ApiClient api = ApiClient.as(port, boss.email(), PASSWORD);
		assertThat(first.get("/admin/users").statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/me").json().get("role").asString()).isEqualTo("ADMIN");

		users.update(admin, boss.id(), new UserChanges(boss.version(), null, Role.REP, null, null, null));

		assertThat(first.get("/admin/users").statusCode()).isEqualTo(403);
		String newAdmin = "made-by-a-rep@" + domain;
		HttpResponse<String> create = second.post("/admin/users",
				Map.of("email", newAdmin, "displayName", "Made by a rep", "role", "ADMIN", "locale", "en", "password", PASSWORD));
		assertThat(create.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from people_user where email = :email").param("email", newAdmin)
			.query(Long.class).single()).isZero();
		// Still signed in, now as a rep.
		assertThat(first.get("/profile").statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/me").json().get("role").asString()).isEqualTo("REP");
		assertThat(api.post("/api/v1/users", "{\"email\":\"" + newAdmin + "\",\"displayName\":\"X\",\"role\":\"ADMIN\"}").status())
			.isEqualTo(403);
	}

	@Test
	void aDeactivatedUsersSessionsEndAndTheirTokensStop() {
		User leaver = user("leaver", Role.REP);
		WebSession first = WebSession.signedIn(port, leaver.email(), PASSWORD);
		WebSession second = WebSession.signedIn(port, leaver.email(), PASSWORD);
		ApiClient api = ApiClient.as(port, leaver.email(), PASSWORD);
		String csrf = WebSession.csrfFrom(first.get("/profile").body());

		users.update(admin, leaver.id(), new UserChanges(leaver.version(), null, null, null, false, null));

		HttpResponse<String> write = first.postForm("/profile", Map.of("displayName", "Still writing", "locale", "en", "_csrf", csrf));
		assertThat(write.statusCode()).isEqualTo(302);
		assertThat(write.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(jdbc.sql("select display_name from people_user where email = :email").param("email", leaver.email())
			.query(String.class).single()).isEqualTo("Person leaver");
		assertRedirectedToLogin(first.get("/profile"));
		assertRedirectedToLogin(second.get("/"));
		assertThat(sessionsOf(leaver.email())).isZero();
		assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aSessionEndsAfterThirtyIdleMinutesByDefault() {
		User rep = user("idle", Role.REP);
		WebSession.signedIn(port, rep.email(), PASSWORD);
		assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = :email")
			.param("email", rep.email()).query(Integer.class).single()).isEqualTo(30 * 60);
	}

	private User user(String name, Role role) {
		return users.create(admin, new NewUser(name + "@" + domain, "Person " + name, role, "en", PASSWORD, List.of())).user();
	}

	private long sessionsOf(String email) {
		return jdbc.sql("select count(*) from spring_session where principal_name = :email").param("email", email)
			.query(Long.class).single();
	}

	private static void assertRedirectedToLogin(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}
}
