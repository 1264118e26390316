package dev.tandem.people;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tandem.support.AdjustableClock;
import dev.tandem.support.MovableClockTest;
import dev.tandem.support.ApiClient;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How long sessions and tokens last, on a clock the test moves on: a web session ends 12 hours after sign-in however
 * busy it was, a token on its expiry. The idle timeout is Spring Session's, set to a few seconds here so a test can
 * see it end; a context of its own, without the demo, so that neither the clock nor the timeout touches other tests.
 */
@MovableClockTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionLifetimeTests {

	private static final String PASSWORD = "sessions-run-out";

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired AdjustableClock clock;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;

	CurrentUser admin;

	@BeforeAll
	void openOrganisation() {
		admin = organisations.open(new NewOrganisation("Lifetimes", "Europe/Amsterdam", "EUR", "en", 1), "admin@lifetimes.test",
				"Admin", PASSWORD);
	}

	@Test
	void aSessionEndsTwelveHoursAfterSignInHoweverBusy() {
		String email = user("busy");
		WebSession session = WebSession.signedIn(port, email, PASSWORD);
		clock.advance(Duration.ofHours(11).plusMinutes(59));
		assertThat(session.get("/profile").statusCode()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(1));
		assertThat(session.get("/profile").statusCode()).isEqualTo(302);
		assertThat(session.get("/profile").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		// Signing in again starts a new twelve hours.
		assertThat(WebSession.signedIn(port, email, PASSWORD).get("/profile").statusCode()).isEqualTo(200);
	}

	@Test
	void aSessionEndsAfterTheIdleTimeoutWithoutARequest() {
		String email = user("idle");
		WebSession session = WebSession.signedIn(port, email, PASSWORD);
		long expiresAtMillis = jdbc.sql("select expiry_time from spring_session where principal_name = :email")
			.param("email", email).query(Long.class).single();
		long signedInMillis = jdbc.sql("select last_access_time from spring_session where principal_name = :email")
			.param("email", email).query(Long.class).single();
		assertThat(expiresAtMillis - signedInMillis).isEqualTo(4_000);
		// Wait, without touching the session, until Spring Session considers it expired.
		await().atMost(Duration.ofSeconds(15)).until(() -> System.currentTimeMillis() > expiresAtMillis);
		assertThat(session.get("/profile").statusCode()).isEqualTo(302);
	}

	@Test
	void aTokenWorksUntilItExpires() {
		String email = user("expiring");
		Instant expiresAt = clock.instant().plus(Duration.ofDays(1));
		ApiClient.Response created = ApiClient.anonymous(port).post("/api/v1/auth/tokens", "{\"email\":\"" + email
				+ "\",\"password\":\"" + PASSWORD + "\",\"name\":\"one day\",\"expiresAt\":\"" + expiresAt + "\"}");
		assertThat(created.status()).isEqualTo(201);
		ApiClient script = new ApiClient(port, created.json().get("token").asString());
		ApiClient lasting = ApiClient.as(port, email, PASSWORD);
		assertThat(script.get("/api/v1/me").status()).isEqualTo(200);
		clock.advance(Duration.ofHours(23).plusMinutes(59));
		assertThat(script.get("/api/v1/me").status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(1));
		assertThat(script.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(lasting.get("/api/v1/me").status()).as("a token without expiry").isEqualTo(200);
	}

	private String user(String name) {
		String email = name + "@lifetimes.test";
		users.create(admin, new NewUser(email, "Person " + name, Role.REP, "en", PASSWORD, List.of()));
		return email;
	}
}
