package dev.tandem.people;

import java.nio.file.Path;
import java.util.UUID;

import dev.tandem.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator opens a second organisation on an installation set up for one; it is as isolated from the first as any
 * other, and nobody but the operator can list or open organisations.
 */
class OperatorTests {

	private static final String PASSWORD = "a long and unusual passphrase";

	@Test
	void anOrganisationTheOperatorOpensIsIsolatedFromTheFirst(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext context = EmptyInstallation.start(dataDir, "--tandem.setup.organisation-name=First BV",
				"--tandem.setup.admin-name=Olga Operator", "--tandem.setup.admin-email=olga@first.example",
				"--tandem.setup.admin-password=" + PASSWORD, "--tandem.organisations.allow-more=true",
				"--tandem.operator.emails=someone@else.example, OLGA@first.example")) {
			int port = EmptyInstallation.port(context);
			ApiClient operator = ApiClient.as(port, "olga@first.example", PASSWORD);

			ApiClient.Response opened = operator.post("/api/v1/operator/organisations", """
					{"organisationName":"Second BV","currency":"GBP","timeZone":"Europe/London","fiscalYearStartMonth":4,"language":"en",
					"adminName":"Sam Second","adminEmail":"sam@second.example","adminPassword":"%s"}""".formatted(PASSWORD));
			assertThat(opened.status()).as(opened.body()).isEqualTo(201);
			UUID second = UUID.fromString(opened.json().get("organisationId").asString());
			assertThat(operator.post("/api/v1/operator/organisations", """
					{"organisationName":"second bv","currency":"GBP","timeZone":"Europe/London","fiscalYearStartMonth":4,"language":"en",
					"adminName":"Sam Again","adminEmail":"sam2@second.example","adminPassword":"short"}""").status())
				.as("the same rules as the setup: name taken, password too short").isEqualTo(400);

			ApiClient.Response listed = operator.get("/api/v1/operator/organisations");
			assertThat(listed.status()).isEqualTo(200);
			assertThat(listed.json().get("items").toString()).contains("\"name\":\"First BV\"").contains("\"name\":\"Second BV\"");
			assertThat(listed.json().get("items").size()).isEqualTo(2);
			assertThat(listed.json().get("items").get(1).get("users").asInt()).isEqualTo(1);

			ApiClient sam = ApiClient.as(port, "sam@second.example", PASSWORD);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			UUID olga = jdbc.sql("select id from people_user where email = 'olga@first.example'").query(UUID.class).single();
			UUID samId = jdbc.sql("select id from people_user where email = 'sam@second.example'").query(UUID.class).single();
			assertThat(jdbc.sql("select org_id from people_user where id = :id").param("id", samId).query(UUID.class).single()).isEqualTo(second);

			assertThat(sam.get("/api/v1/users").body()).contains("sam@second.example").doesNotContain("olga@first.example");
			assertThat(sam.get("/api/v1/users/" + olga).status()).isEqualTo(404);
			assertThat(operator.get("/api/v1/users").body()).contains("olga@first.example").doesNotContain("sam@second.example");
			assertThat(operator.get("/api/v1/users/" + samId).status()).isEqualTo(404);

			assertThat(sam.get("/api/v1/operator/organisations").status()).as("an admin, but no operator").isEqualTo(404);
			assertThat(sam.post("/api/v1/operator/organisations", "{}").status()).isEqualTo(404);
			assertThat(ApiClient.anonymous(port).get("/api/v1/operator/organisations").status()).isEqualTo(401);
		}
	}

	@Test
	void withoutTheSettingNobodyOpensMoreOrganisations(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext context = EmptyInstallation.start(dataDir, "--tandem.setup.organisation-name=Only BV",
				"--tandem.setup.admin-name=Olga Operator", "--tandem.setup.admin-email=olga@only.example",
				"--tandem.setup.admin-password=" + PASSWORD, "--tandem.operator.emails=olga@only.example")) {
			ApiClient olga = ApiClient.as(EmptyInstallation.port(context), "olga@only.example", PASSWORD);
			assertThat(olga.get("/api/v1/operator/organisations").status()).isEqualTo(404);
			assertThat(olga.post("/api/v1/operator/organisations", """
					{"organisationName":"More BV","currency":"EUR","timeZone":"Europe/Amsterdam","fiscalYearStartMonth":1,"language":"en",
					"adminName":"M","adminEmail":"m@more.example","adminPassword":"%s"}""".formatted(PASSWORD)).status()).isEqualTo(404);
			assertThat(context.getBean(JdbcClient.class).sql("select count(*) from people_organisation").query(Long.class).single()).isEqualTo(1);
		}
	}
}
