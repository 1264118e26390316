package dev.tandem.people;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import dev.tandem.support.ApiClient;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web sessions and API tokens follow the user as stored now: an admin's change of role or a deactivation counts
 * from the next request of every session; a user signs out everywhere at once; tokens show their last use and expire.
 * Each test works in an organisation of its own.
 */
@TandemIntegrationTest
class SessionTests {

	private static final String PASSWORD = "sessions-follow-the-user";

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired Clock clock;

	TestOrganisation org;

	@BeforeEach
	void openOrganisation() {
		org = TestOrganisation.open(organisations, "Sessions", PASSWORD);
	}

	@Test
	void aDemotedAdminIsARepFromTheNextRequestOfEverySession() {
		User boss = user("boss", Role.ADMIN);
		WebSession first = WebSession.signedIn(port, boss.email(), PASSWORD);
		WebSession second = WebSession.signedIn(port, boss.email(), PASSWORD);
		ApiClient api = ApiClient.as(port, boss.email(), PASSWORD);
		assertThat(first.get("/admin/users").statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/me").json().get("role").asString()).isEqualTo("ADMIN");

		users.update(org.admin(), boss.id(), new UserChanges(boss.version(), null, Role.REP, null, null, null));

		assertThat(first.get("/admin/users").statusCode()).isEqualTo(403);
		String newAdmin = "made-by-a-rep@" + org.domain();
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

		users.update(org.admin(), leaver.id(), new UserChanges(leaver.version(), null, null, null, false, null));

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

	@Test
	void signingOutEverywhereEndsEverySessionOfThatUserAndNoOneElses() {
		User rep = user("everywhere", Role.REP);
		User colleague = user("colleague", Role.REP);
		WebSession laptop = WebSession.signedIn(port, rep.email(), PASSWORD);
		WebSession phone = WebSession.signedIn(port, rep.email(), PASSWORD);
		WebSession other = WebSession.signedIn(port, colleague.email(), PASSWORD);
		ApiClient script = ApiClient.as(port, rep.email(), PASSWORD);
		assertThat(laptop.get("/profile").body()).contains("Sign out everywhere");
		assertThat(sessionsOf(rep.email())).isEqualTo(2);

		HttpResponse<String> out = laptop.post("/profile/sign-out-everywhere", Map.of());

		assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?signed-out-everywhere"));
		assertThat(sessionsOf(rep.email())).isZero();
		assertRedirectedToLogin(laptop.get("/profile"));
		assertRedirectedToLogin(phone.get("/profile"));
		assertThat(other.get("/profile").statusCode()).isEqualTo(200);
		assertThat(script.get("/api/v1/me").status()).as("an API token is no session").isEqualTo(200);
		assertThat(new WebSession(port).get("/login?signed-out-everywhere").body()).contains("You are signed out everywhere");
		assertThat(new WebSession(port).language("nl").get("/login?signed-out-everywhere").body()).contains("Je bent overal afgemeld");
	}

	@Test
	void tokensShowTheirLastUseAndExpiryAndCanBeRevokedThroughTheApi() {
		User rep = user("tokens", Role.REP);
		Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(30));
		ApiClient.Response created = ApiClient.anonymous(port).post("/api/v1/auth/tokens", "{\"email\":\"" + rep.email()
				+ "\",\"password\":\"" + PASSWORD + "\",\"name\":\"nightly export\",\"expiresAt\":\"" + expiresAt + "\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(Instant.parse(created.json().get("expiresAt").asString())).isEqualTo(expiresAt);
		ApiClient script = new ApiClient(port, created.json().get("token").asString());
		Instant beforeUse = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		assertThat(script.get("/api/v1/me").status()).isEqualTo(200);

		List<JsonNode> tokens = script.get("/api/v1/auth/tokens").json().get("items").valueStream().toList();
		assertThat(tokens).hasSize(1);
		JsonNode token = tokens.get(0);
		assertThat(token.get("name").asString()).isEqualTo("nightly export");
		assertThat(token.has("token")).as("the secret is never listed").isFalse();
		assertThat(Instant.parse(token.get("expiresAt").asString())).isEqualTo(expiresAt);
		assertThat(Instant.parse(token.get("lastUsedAt").asString())).isBetween(beforeUse, clock.instant());
		assertThat(token.get("revokedAt").isNull()).isTrue();

		WebSession web = WebSession.signedIn(port, rep.email(), PASSWORD);
		String profile = web.get("/profile").body();
		assertThat(profile).contains("nightly export");
		assertThat(profile.replaceAll("(?s).*nightly export</td>\\s*<td class=\"token-last-used\">([^<]*)<.*", "$1"))
			.isNotEqualTo("never").matches("\\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2}");

		assertThat(script.delete("/api/v1/auth/tokens/" + token.get("id").asString()).status()).isEqualTo(204);
		assertThat(script.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aTokenCannotExpireInThePast() {
		User rep = user("past", Role.REP);
		ApiClient.Response refused = ApiClient.anonymous(port).post("/api/v1/auth/tokens", "{\"email\":\"" + rep.email()
				+ "\",\"password\":\"" + PASSWORD + "\",\"name\":\"x\",\"expiresAt\":\"" + clock.instant().minusSeconds(60) + "\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("expiresAt");
		assertThat(jdbc.sql("select count(*) from people_api_token where user_id = :id").param("id", rep.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void requestsAtTheSameMomentOnAFreshSessionAllSucceed() throws Exception {
		// The first pages after sign-in each create the session's CSRF token: stored at the same moment by
		// several requests, the second insert of the same attribute failed and the page answered 500.
		User rep = user("many-tabs", Role.REP);
		ExecutorService tabs = Executors.newFixedThreadPool(8);
		for (int attempt = 0; attempt < 3; attempt++) {
			WebSession session = WebSession.signedIn(port, rep.email(), PASSWORD);
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<Integer>> pages = IntStream.range(0, 8)
				.mapToObj(i -> CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					return session.get("/profile").statusCode();
				}, tabs))
				.toList();
			start.countDown();
			assertThat(pages.stream().map(CompletableFuture::join).toList()).containsOnly(200);
		}
		tabs.shutdown();
	}

	private User user(String name, Role role) {
		return org.user(users, name, role, "en");
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
