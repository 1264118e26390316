package dev.tandem.people;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/**
 * Personal API tokens as a secret: at least 128 bits from a secure random source, only a hash of them in the
 * database, accepted only in the Authorization header, refused from the moment they are revoked or expire, and shown
 * once. On a clock the test moves on, in a context of its own without the demo.
 */
@MovableClockTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenTests {

	private static final String PASSWORD = "tokens-are-secrets";

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired AdjustableClock clock;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;

	TestOrganisation org;

	@BeforeAll
	void openOrganisation() {
		org = TestOrganisation.open(organisations, "Tokens", PASSWORD);
	}

	@Test
	void aTokenCarriesAtLeast128RandomBitsAndNeverRepeats() throws Exception {
		String email = user("entropy");
		List<String> secrets = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			secrets.add(create(email, "token " + i, null));
		}
		Set<Character> alphabet = new HashSet<>();
		for (String secret : secrets) {
			// Past the prefix, letters of the 64 of base64url: six bits each.
			assertThat(secret).matches("tdm_[A-Za-z0-9_-]+");
			assertThat((secret.length() - 4) * 6).as("bits of " + secret.substring(0, 8)).isGreaterThanOrEqualTo(128);
			secret.substring(4).chars().forEach(c -> alphabet.add((char) c));
		}
		// 40 random tokens of 43 letters use nearly every letter, and hardly two share their first four.
		assertThat(new HashSet<>(secrets)).hasSize(secrets.size());
		assertThat(alphabet).hasSizeGreaterThan(58);
		assertThat(secrets.stream().map(s -> s.substring(4, 8)).distinct().count()).isGreaterThan(35);
		Field random = Secrets.class.getDeclaredField("RANDOM");
		assertThat(random.getType()).isEqualTo(SecureRandom.class);
		assertThat(Modifier.isStatic(random.getModifiers())).isTrue();
	}

	@Test
	void theDatabaseHoldsOnlyAHashOfATokenFromTheApiOrTheProfile() {
		String email = user("hashed");
		String fromApi = create(email, "script", null);
		assertThat(columnsHoldingASecret()).isEmpty();
		assertThat(jdbc.sql("select count(*) from people_api_token where token_hash = sha256(convert_to(:secret, 'UTF8'))")
			.param("secret", fromApi).query(Long.class).single()).isEqualTo(1);

		WebSession session = WebSession.signedIn(port, email, PASSWORD);
		HttpResponse<String> created = session.post("/profile/tokens", Map.of("name", "laptop"));
		// The answer shows it: no redirect that would keep it in the session table for the next request.
		assertThat(created.statusCode()).isEqualTo(200);
		String fromProfile = created.body().replaceAll("(?s).*id=\"new-token\">(tdm_[A-Za-z0-9_-]+)<.*", "$1");
		assertThat(fromProfile).startsWith("tdm_");
		assertThat(columnsHoldingASecret()).isEmpty();
		assertThat(new ApiClient(port, fromProfile).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void aTokenIsAcceptedOnlyInTheAuthorizationHeader() {
		String email = user("header");
		String secret = create(email, "header only", null);
		ApiClient anonymous = ApiClient.anonymous(port);
		for (String parameter : List.of("token", "access_token", "api_key", "bearer")) {
			assertThat(anonymous.get("/api/v1/me?" + parameter + "=" + secret).status()).as(parameter).isEqualTo(401);
			assertThat(anonymous.get("/api/v1/deals?" + parameter + "=" + secret).status()).as(parameter).isEqualTo(401);
		}
		assertThat(new ApiClient(port, secret).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void aRevokedTokenIsRefusedOnTheVeryNextRequest() {
		String email = user("revoked");
		String secret = create(email, "to revoke", null);
		ApiClient script = new ApiClient(port, secret);
		ApiClient other = new ApiClient(port, create(email, "other", null));
		assertThat(script.get("/api/v1/me").status()).isEqualTo(200);
		String id = other.get("/api/v1/auth/tokens").json().get("items").valueStream()
			.filter(t -> t.get("name").asString().equals("to revoke")).findFirst().orElseThrow().get("id").asString();
		assertThat(other.delete("/api/v1/auth/tokens/" + id).status()).isEqualTo(204);
		assertThat(script.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(script.get("/api/v1/deals").status()).isEqualTo(401);
		assertThat(other.get("/api/v1/me").status()).as("another token of the same user").isEqualTo(200);
		// A token revoking itself is refused from its next request on.
		String selfId = other.get("/api/v1/auth/tokens").json().get("items").valueStream()
			.filter(t -> t.get("name").asString().equals("other")).findFirst().orElseThrow().get("id").asString();
		assertThat(other.delete("/api/v1/auth/tokens/" + selfId).status()).isEqualTo(204);
		assertThat(other.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aTokenIsRefusedFromItsExpiryOn() {
		String email = user("expiry");
		String secret = create(email, "an hour", clock.instant().plus(Duration.ofHours(1)));
		ApiClient script = new ApiClient(port, secret);
		assertThat(script.get("/api/v1/me").status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(59));
		assertThat(script.get("/api/v1/me").status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(1));
		assertThat(script.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(script.get("/api/v1/deals").status()).isEqualTo(401);
	}

	@Test
	void aTokenIsShownOnceOnly() {
		String email = user("once");
		ApiClient.Response created = ApiClient.anonymous(port).post("/api/v1/auth/tokens",
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"once\"}");
		String secret = created.json().get("token").asString();
		ApiClient script = new ApiClient(port, secret);
		String listed = script.get("/api/v1/auth/tokens").body();
		assertThat(listed).contains(secret.substring(0, 8)).doesNotContain(secret.substring(0, 12));
		assertThat(script.get("/api/v1/auth/tokens/" + created.json().get("id").asString()).body()).doesNotContain(secret);

		WebSession session = WebSession.signedIn(port, email, PASSWORD);
		assertThat(session.get("/profile/tokens").body()).doesNotContain(secret.substring(0, 12));
		HttpResponse<String> made = session.post("/profile/tokens", Map.of("name", "shown once"));
		assertThat(made.statusCode()).isEqualTo(200);
		String shown = made.body().replaceAll("(?s).*id=\"new-token\">(tdm_[A-Za-z0-9_-]+)<.*", "$1");
		assertThat(shown).startsWith("tdm_");
		assertThat(session.get("/profile/tokens").body()).doesNotContain(shown.substring(0, 12));
	}

	/** Every column of any table in which a value holds something shaped like a token, as "table.column". */
	private List<String> columnsHoldingASecret() {
		List<String> holding = new ArrayList<>();
		List<String[]> columns = jdbc.sql("""
				select c.table_name, c.column_name, c.data_type from information_schema.columns c
				  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
				   and c.data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'ARRAY')
				""").query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).list();
		for (String[] column : columns) {
			// A serialised session attribute is bytes: read them as text, as they would leak.
			String value = column[2].equals("bytea") ? "encode(\"" + column[1] + "\", 'escape')" : "\"" + column[1] + "\"::text";
			// Names come from the catalogue, not from input.
			boolean found = jdbc.sql("select exists (select 1 from \"" + column[0] + "\" where " + value + " ~ :shape)")
				.param("shape", "tdm_[A-Za-z0-9_-]{40}").query(Boolean.class).single();
			if (found) {
				holding.add(column[0] + "." + column[1]);
			}
		}
		return holding;
	}

	private String create(String email, String name, Instant expiresAt) {
		ApiClient.Response created = ApiClient.anonymous(port).post("/api/v1/auth/tokens", "{\"email\":\"" + email
				+ "\",\"password\":\"" + PASSWORD + "\",\"name\":\"" + name + "\""
				+ (expiresAt == null ? "" : ",\"expiresAt\":\"" + expiresAt + "\"") + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("token").asString();
	}

	private String user(String login) {
		return org.user(users, login, Role.REP, "en").email();
	}
}
