package dev.tandem.people;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password policy (at least 8 characters, long ones welcome, none of the 10,000 most common), the Argon2
 * hashes that take any length, and bcrypt hashes from before that still sign in and are upgraded. Each test works in
 * an organisation of its own.
 */
@TandemIntegrationTest
class PasswordTests {

	private static final String PASSWORD = "passwords-are-policed";
	private static final String ARGON2 = "{argon2@SpringSecurity_v5_8}";

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;

	TestOrganisation org;

	@BeforeEach
	void openOrganisation() {
		org = TestOrganisation.open(organisations, "Passwords", PASSWORD);
	}

	@AfterEach
	void forgetFailuresOfThisClient() {
		jdbc.sql("delete from people_login_failure").update();
	}

	@Test
	void aPasswordOfTwoHundredCharactersIsTakenEverywhere() {
		String longPassword = "correct horse battery staple ".repeat(7).substring(0, 200);
		String otherLongPassword = "Ünïcode counts as characters, not bytes: ".repeat(5).substring(0, 200);
		assertThat(longPassword).hasSize(200);
		assertThat(otherLongPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeGreaterThan(200);
		ApiClient adminApi = ApiClient.as(port, org.admin().email(), PASSWORD);
		String email = "long@" + org.domain();

		ApiClient.Response created = adminApi.post("/api/v1/users",
				"{\"email\":\"" + email + "\",\"displayName\":\"Long\",\"role\":\"REP\",\"password\":\"" + longPassword + "\"}");

		assertThat(created.status()).isEqualTo(201);
		assertThat(hashOf(email)).startsWith(ARGON2);
		assertThat(ApiClient.as(port, email, longPassword).get("/api/v1/me").status()).isEqualTo(200);
		WebSession web = WebSession.signedIn(port, email, longPassword);
		HttpResponse<String> changed = web.post("/profile/password", Map.of("currentPassword", longPassword,
				"newPassword", otherLongPassword, "confirmPassword", otherLongPassword));
		assertThat(changed.statusCode()).isEqualTo(302);
		WebSession.signedIn(port, email, otherLongPassword);
		// Only a password that matches all of its 200 characters signs in: nothing is cut off at 72 bytes.
		String cut = otherLongPassword.substring(0, 199) + "!";
		assertThat(new WebSession(port).login(email, cut).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
	}

	@Test
	void aCommonPasswordIsRefusedWithTheRuleInEnglishAndDutch() {
		User english = user("english", "en");
		User dutch = user("dutch", "nl");
		String hashBefore = hashOf(english.email());

		String page = WebSession.signedIn(port, english.email(), PASSWORD).post("/profile/password", Map.of(
				"currentPassword", PASSWORD, "newPassword", "Football", "confirmPassword", "Football")).body();
		assertThat(page).contains("is one of the 10,000 most common passwords: choose one that is harder to guess");
		assertThat(hashOf(english.email())).isEqualTo(hashBefore);

		String dutchPage = WebSession.signedIn(port, dutch.email(), PASSWORD).post("/profile/password", Map.of(
				"currentPassword", PASSWORD, "newPassword", "iloveyou", "confirmPassword", "iloveyou")).body();
		assertThat(dutchPage).contains("is een van de 10.000 meest gebruikte wachtwoorden: kies er een dat moeilijker te raden is");

		ApiClient.Response refused = ApiClient.as(port, org.admin().email(), PASSWORD).language("nl").post("/api/v1/users",
				"{\"email\":\"common@" + org.domain() + "\",\"displayName\":\"C\",\"role\":\"REP\",\"password\":\"password1\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(refused.json().get("errors").get(0).get("message").asString()).startsWith("is een van de 10.000");

		ApiClient.Response tooShort = ApiClient.as(port, org.admin().email(), PASSWORD).post("/api/v1/users",
				"{\"email\":\"short@" + org.domain() + "\",\"displayName\":\"S\",\"role\":\"REP\",\"password\":\"Xq7#kd\"}");
		assertThat(tooShort.json().get("errors").get(0).get("message").asString()).isEqualTo("must be at least 8 characters");
		assertThat(jdbc.sql("select count(*) from people_user where email in (:emails)")
			.param("emails", List.of("common@" + org.domain(), "short@" + org.domain())).query(Long.class).single()).isZero();
	}

	@Test
	void aBcryptHashFromBeforeStillSignsInAndIsUpgraded() {
		User rep = user("legacy", "en");
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
		jdbc.sql("update people_user set password_hash = :hash where email = :email")
			.param("hash", bcrypt).param("email", rep.email()).update();

		WebSession.signedIn(port, rep.email(), PASSWORD);

		assertThat(hashOf(rep.email())).startsWith(ARGON2).isNotEqualTo(bcrypt);
		assertThat(ApiClient.as(port, rep.email(), PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void theDemoPasswordIsForTheDemoUsersOnly() {
		assertThat(WebSession.signedIn(port, Demo.REP, Demo.PASSWORD).get("/profile").statusCode()).isEqualTo(200);
		ApiClient.Response refused = ApiClient.as(port, org.admin().email(), PASSWORD).post("/api/v1/users",
				"{\"email\":\"demo@" + org.domain() + "\",\"displayName\":\"D\",\"role\":\"REP\",\"password\":\"demo\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
	}

	private User user(String name, String locale) {
		return org.user(users, name, Role.REP, locale);
	}

	private String hashOf(String email) {
		return jdbc.sql("select password_hash from people_user where email = :email").param("email", email)
			.query(String.class).single();
	}
}
