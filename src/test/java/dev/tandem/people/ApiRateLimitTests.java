package dev.tandem.people;

import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.ResponseChecks;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token past its limit, and an organisation past its own, get 429 with {@code Retry-After}; another
 * organisation's requests go on as before. Limits of 5 per token and 8 per organisation an hour make it countable.
 */
@TandemIntegrationTest
@TestPropertySource(properties = { "tandem.api.rate-limit.per-token=5", "tandem.api.rate-limit.per-organisation=8",
		"tandem.api.rate-limit.window=1h" })
class ApiRateLimitTests {

	private static final String PATH = "/api/v1/pipelines";

	@LocalServerPort int port;

	@Test
	void aTokenAndThenItsOrganisationAreHeldBackWhileAnotherOrganisationGoesOn() {
		ApiClient sanne = ApiClient.as(port, Demo.REP, Demo.PASSWORD).language("en");
		ApiClient daan = ApiClient.as(port, "daan@northwind.demo", Demo.PASSWORD).language("nl");
		ApiClient zuidwind = ApiClient.as(port, Demo.OTHER_TENANT_MANAGER, Demo.PASSWORD);

		for (int i = 0; i < 5; i++) {
			assertThat(sanne.get(PATH).status()).as("request %d of Sanne's token", i + 1).isEqualTo(200);
		}
		ApiClient.Response sixth = sanne.get(PATH);
		assertThat(sixth.status()).isEqualTo(429);
		assertThat(sixth.contentType()).startsWith("application/problem+json");
		ResponseChecks.assertSecureHeaders("429", sixth.headers());
		assertThat(sixth.json().get("title").asString()).startsWith("Too many requests with this API token");
		// One request back every 3600 / 5 = 720 seconds.
		assertThat(Long.parseLong(sixth.retryAfter())).isBetween(600L, 720L);

		// Northwind has made 5 of its 8: Daan's token has 3 left before the organisation's limit holds him back too.
		for (int i = 0; i < 3; i++) {
			assertThat(daan.get(PATH).status()).as("request %d of Daan's token", i + 1).isEqualTo(200);
		}
		ApiClient.Response organisation = daan.get(PATH);
		assertThat(organisation.status()).isEqualTo(429);
		assertThat(organisation.json().get("title").asString()).startsWith("Te veel API-verzoeken vanuit je organisatie");
		assertThat(Long.parseLong(organisation.retryAfter())).isBetween(400L, 450L);

		for (int i = 0; i < 5; i++) {
			assertThat(zuidwind.get(PATH).status()).as("request %d of Zuidwind", i + 1).isEqualTo(200);
		}
	}
}
