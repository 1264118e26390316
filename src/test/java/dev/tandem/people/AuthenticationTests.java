package dev.tandem.people;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.persistence.LoginFailures;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in, throttling, CSRF, sessions and personal API tokens, over real HTTP.
 */
@TandemIntegrationTest
class AuthenticationTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired LoginFailures failures;

	@AfterEach
	void forgetFailuresOfThisClient() {
		// All tests connect from the same address; leave no failures behind for the other test classes.
		jdbc.sql("delete from people_login_failure").update();
	}

	@Test
	void signsInWithTheRightPasswordAndSendsBackToLoginOtherwise() {
		String email = newUser("signin");
		HttpResponse<String> wrong = new WebSession(port).login(email, "wrong-password");
		assertThat(wrong.statusCode()).isEqualTo(302);
		assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

		HttpResponse<String> right = new WebSession(port).login(email, "right-password");
		assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
	}

	@Test
	void signInLeadsBackToThePageAskedForButAPartnerToTheirDepartmentInsteadOfASalesPage() {
		WebSession rep = new WebSession(port);
		assertThat(rep.get("/deals?status=OPEN").statusCode()).isEqualTo(302);
		assertThat(rep.login(Demo.REP, Demo.PASSWORD).headers().firstValue("Location")).hasValue("/deals?status=OPEN");

		// Kim works in marketing: the deals would answer 403, so she lands on her department's page.
		WebSession partner = new WebSession(port);
		partner.get("/deals?status=OPEN");
		assertThat(partner.login("kim@northwind.demo", Demo.PASSWORD).headers().firstValue("Location")).hasValue("/department");
		// A page partners may open is kept.
		WebSession teams = new WebSession(port);
		teams.get("/teams");
		assertThat(teams.login("kim@northwind.demo", Demo.PASSWORD).headers().firstValue("Location")).hasValue("/teams");
	}

	@Test
	void anUnknownAccountFailsExactlyLikeAWrongPassword() {
		HttpResponse<String> unknown = new WebSession(port).login("nobody-" + UUID.randomUUID() + "@northwind.demo", "whatever");
		HttpResponse<String> wrong = new WebSession(port).login(Demo.REP, "not-her-password");
		assertThat(unknown.headers().firstValue("Location")).isEqualTo(wrong.headers().firstValue("Location"));
	}

	@Test
	void throttlesAnAccountAfterFiveFailuresEvenForTheRightPassword() {
		String email = newUser("throttled");
		for (int i = 0; i < 5; i++) {
			assertThat(new WebSession(port).login(email, "wrong-" + i).headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		}
		HttpResponse<String> sixth = new WebSession(port).login(email, "right-password");
		assertThat(sixth.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?throttled=15"));
		WebSession page = new WebSession(port);
		assertThat(page.get("/login?throttled=15").body()).contains("Wait 15 minute(s)");
		assertThat(page.language("nl").get("/login?throttled=15").body()).contains("Wacht 15 minuut/minuten");

		// Another account from the same address is not affected.
		String other = newUser("unaffected");
		assertThat(new WebSession(port).login(other, "right-password").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));

		// The token endpoint shares the throttle and says so with 429 and Retry-After.
		ApiClient.Response api = ApiClient.anonymous(port).post("/api/v1/auth/tokens",
				"{\"email\":\"" + email + "\",\"password\":\"right-password\",\"name\":\"x\"}");
		assertThat(api.status()).isEqualTo(429);
		assertThat(Long.parseLong(api.retryAfter())).isBetween(850L, 900L);
	}

	@Test
	void throttlesAClientAddressAfterFiftyFailuresAcrossAccounts() {
		for (int i = 0; i < 50; i++) {
			new WebSession(port).login("spray-" + i + "@nowhere.test", "guess");
		}
		String email = newUser("sprayed");
		assertThat(new WebSession(port).login(email, "right-password").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).contains("/login?throttled="));
	}

	@Test
	void aSuccessfulSignInClearsTheAccountsFailures() {
		String email = newUser("recovers");
		for (int i = 0; i < 4; i++) {
			new WebSession(port).login(email, "wrong");
		}
		WebSession.signedIn(port, email, "right-password");
		for (int i = 0; i < 4; i++) {
			new WebSession(port).login(email, "wrong");
		}
		WebSession.signedIn(port, email, "right-password");
	}

	@Test
	void aDeactivatedUserCannotSignInNorUseTokens() {
		String email = newUser("leaver");
		ApiClient token = ApiClient.as(port, email, "right-password");
		assertThat(token.get("/api/v1/me").status()).isEqualTo(200);
		jdbc.sql("update people_user set active = false where email = :email").param("email", email).update();
		assertThat(new WebSession(port).login(email, "right-password").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void formsWithoutCsrfTokenAreRejected() {
		String email = newUser("csrf");
		WebSession session = WebSession.signedIn(port, email, "right-password");
		assertThat(session.postForm("/profile", Map.of("displayName", "Changed", "locale", "en")).statusCode()).isEqualTo(403);
		assertThat(session.postForm("/profile", Map.of("displayName", "Changed", "locale", "en", "_csrf", "forged")).statusCode())
			.isEqualTo(403);
		assertThat(displayName(email)).isEqualTo("Person csrf");
		assertThat(session.post("/profile", Map.of("displayName", "Changed", "locale", "en")).statusCode()).isEqualTo(302);
		assertThat(displayName(email)).isEqualTo("Changed");
	}

	@Test
	void theSessionIdChangesAtSignIn() {
		String email = newUser("fixation");
		WebSession session = new WebSession(port);
		session.get("/login");
		String before = session.cookie("TANDEM_SESSION");
		session.login(email, "right-password");
		String after = session.cookie("TANDEM_SESSION");
		assertThat(before).isNotNull();
		assertThat(after).isNotNull().isNotEqualTo(before);
		// Sessions live in PostgreSQL, so any application node can serve the next request.
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :email").param("email", email)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void signingOutEndsTheSession() {
		String email = newUser("logout");
		WebSession session = WebSession.signedIn(port, email, "right-password");
		assertThat(session.get("/profile").statusCode()).isEqualTo(200);
		HttpResponse<String> out = session.post("/logout", Map.of());
		assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
		assertThat(session.get("/profile").statusCode()).isEqualTo(302);
	}

	@Test
	void anApiTokenWorksUntilItIsRevoked() {
		String email = newUser("token");
		ApiClient.Response created = ApiClient.anonymous(port).post("/api/v1/auth/tokens",
				"{\"email\":\"" + email + "\",\"password\":\"right-password\",\"name\":\"report script\"}");
		assertThat(created.status()).isEqualTo(201);
		String secret = created.json().get("token").asString();
		String id = created.json().get("id").asString();
		assertThat(secret).startsWith("tdm_").hasSizeGreaterThan(40);

		ApiClient client = new ApiClient(port, secret);
		assertThat(client.get("/api/v1/me").json().get("email").asString()).isEqualTo(email);

		byte[] stored = jdbc.sql("select token_hash from people_api_token where id = :id").param("id", UUID.fromString(id))
			.query(byte[].class).single();
		assertThat(stored).hasSize(32).isNotEqualTo(secret.getBytes());

		WebSession session = WebSession.signedIn(port, email, "right-password");
		assertThat(session.get("/profile/tokens").body()).contains("report script").doesNotContain(secret);
		assertThat(session.post("/profile/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(302);
		assertThat(client.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aTokenCreatedInTheUiIsShownOnceAndWorks() {
		String email = newUser("uitoken");
		WebSession session = WebSession.signedIn(port, email, "right-password");
		HttpResponse<String> created = session.post("/profile/tokens", Map.of("name", "laptop"));
		assertThat(created.statusCode()).isEqualTo(200);
		String secret = created.body().replaceAll("(?s).*id=\"new-token\">(tdm_[A-Za-z0-9_-]+)<.*", "$1");
		assertThat(secret).startsWith("tdm_");
		assertThat(new ApiClient(port, secret).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(session.get("/profile/tokens").body()).doesNotContain(secret);
	}

	@Test
	void theTokenEndpointRefusesWrongCredentialsWithAProblem() {
		ApiClient.Response response = ApiClient.anonymous(port).post("/api/v1/auth/tokens",
				"{\"email\":\"" + Demo.REP + "\",\"password\":\"nope\",\"name\":\"x\"}");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		ApiClient.Response invalid = ApiClient.anonymous(port).post("/api/v1/auth/tokens", "{\"email\":\"\",\"name\":\"x\"}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "password");
	}

	@Test
	void anInvitationLinkLetsANewUserChooseAPasswordOnce() {
		WebSession admin = WebSession.signedIn(port, Demo.ADMIN, Demo.PASSWORD);
		String email = "invited-" + UUID.randomUUID().toString().substring(0, 8) + "@northwind.demo";
		HttpResponse<String> created = admin.post("/admin/users", Map.of("email", email, "displayName", "Invited Person",
				"role", "REP", "locale", "en"));
		assertThat(created.statusCode()).isEqualTo(302);
		String page = admin.get(created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "")).body();
		String token = page.replaceAll("(?s).*set-password\\?token=([A-Za-z0-9_-]+).*", "$1");
		assertThat(token).hasSizeGreaterThan(30);

		WebSession invited = new WebSession(port);
		assertThat(invited.get("/set-password?token=" + token).body()).contains(email);
		HttpResponse<String> set = invited.post("/set-password", Map.of("token", token, "newPassword", "chosen-password",
				"confirmPassword", "chosen-password"));
		assertThat(set.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?password-set"));
		WebSession.signedIn(port, email, "chosen-password");
		assertThat(new WebSession(port).get("/set-password?token=" + token).body()).contains("not valid any more");
	}

	private String newUser(String name) {
		CurrentUser admin = new CurrentUser(orgOf(Demo.ADMIN),
				Demo.userId(jdbc, Demo.ADMIN), Demo.ADMIN, "Admin", Role.ADMIN, "en");
		String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@northwind.demo";
		users.create(admin, new NewUser(email, "Person " + name, Role.REP, "en", "right-password", List.of()));
		return email;
	}

	private UUID orgOf(String email) {
		return jdbc.sql("select org_id from people_user where email = :email").param("email", email).query(UUID.class).single();
	}

	private String displayName(String email) {
		return jdbc.sql("select display_name from people_user where email = :email").param("email", email).query(String.class).single();
	}
}
