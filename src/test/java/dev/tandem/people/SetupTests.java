package dev.tandem.people;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.tandem.support.ApiClient;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation without any organisation opens the setup instead of a dead sign-in, takes exactly one setup however
 * many race for it, and then is an ordinary installation whose admin signs in.
 */
class SetupTests {

	private static final String PASSWORD = "a long and unusual passphrase";

	@Test
	void theFormSetsUpTheOrganisationAndThenIsGone(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext context = EmptyInstallation.start(dataDir)) {
			int port = EmptyInstallation.port(context);
			WebSession web = new WebSession(port);
			assertThat(web.get("/login").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/setup"));
			HttpResponse<String> page = web.get("/setup");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Set up Tandem").contains("name=\"_csrf\"");
			assertThat(new WebSession(port).language("nl").get("/setup").body()).contains("Tandem inrichten");

			Map<String, String> form = form("Acme Sales", "admin@acme.example", "short");
			form.put("_csrf", WebSession.csrfFrom(page.body()));
			HttpResponse<String> refused = web.postForm("/setup", form);
			assertThat(refused.statusCode()).as("shown again with the rule broken").isEqualTo(200);
			assertThat(refused.body()).contains("must be at least 8 characters").contains("value=\"Acme Sales\"");

			Map<String, String> without = form("Acme Sales", "admin@acme.example", PASSWORD);
			assertThat(web.postForm("/setup", without).statusCode()).as("no CSRF token").isEqualTo(403);

			form.put("password", PASSWORD);
			HttpResponse<String> done = web.postForm("/setup", form);
			assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?set-up"));

			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select name, currency, time_zone, locale, fiscal_year_start_month, demo from people_organisation")
				.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
						+ rs.getInt(5) + " " + rs.getBoolean(6)).list())
				.containsExactly("Acme Sales USD America/New_York nl 4 false");
			assertThat(jdbc.sql("select email || ' ' || role || ' ' || display_name from people_user").query(String.class).list())
				.containsExactly("admin@acme.example ADMIN Ada Admin");

			WebSession after = new WebSession(port);
			assertThat(after.get("/setup").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
			HttpResponse<String> login = after.get("/login");
			assertThat(login.statusCode()).isEqualTo(200);
			assertThat(login.body()).as("no demo organisation, no demo logins").doesNotContain("northwind.demo");
			assertThat(WebSession.signedIn(port, "admin@acme.example", PASSWORD).get("/").statusCode()).isEqualTo(200);
			assertThat(ApiClient.anonymous(port).post("/api/v1/setup", body("Second", "second@acme.example"), "X-Setup-Token",
					EmptyInstallation.SETUP_TOKEN).status()).as("the API is gone too").isEqualTo(404);
		}
	}

	@Test
	void ofSetupsRacingThroughTheApiExactlyOneWinsAndTheOthersAreRefused(@TempDir Path dataDir) throws Exception {
		try (ConfigurableApplicationContext context = EmptyInstallation.start(dataDir)) {
			int port = EmptyInstallation.port(context);
			ApiClient anonymous = ApiClient.anonymous(port);
			assertThat(anonymous.post("/api/v1/setup", body("Wrong", "wrong@acme.example"), "X-Setup-Token", "guess").status())
				.as("a wrong token").isEqualTo(404);
			assertThat(anonymous.post("/api/v1/setup", body("None", "none@acme.example")).status()).as("no token").isEqualTo(404);

			int racers = 6;
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(racers);
			List<CompletableFuture<ApiClient.Response>> answers = new ArrayList<>();
			for (int i = 0; i < racers; i++) {
				String name = "Racer " + i;
				String email = "racer" + i + "@acme.example";
				answers.add(CompletableFuture.supplyAsync(() -> {
					awaitStart(start);
					return anonymous.post("/api/v1/setup", body(name, email), "X-Setup-Token", EmptyInstallation.SETUP_TOKEN);
				}, pool));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (CompletableFuture<ApiClient.Response> answer : answers) {
				statuses.add(answer.get(2, TimeUnit.MINUTES).status());
			}
			pool.shutdown();

			assertThat(statuses).as("one winner").containsOnlyOnce(201);
			assertThat(statuses).as("the others refused").filteredOn(s -> s != 201).hasSize(racers - 1).allMatch(s -> s == 404 || s == 409);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from people_organisation").query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from people_user").query(Long.class).single()).isEqualTo(1);
			String winner = jdbc.sql("select email from people_user").query(String.class).single();
			assertThat(ApiClient.as(port, winner, PASSWORD).token()).as("the winner signs in").isNotBlank();
		}
	}

	@Test
	void theSettingsSetUpAnAutomatedInstallAtStart(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext context = EmptyInstallation.start(dataDir, "--tandem.setup.organisation-name=Headless BV",
				"--tandem.setup.currency=EUR", "--tandem.setup.time-zone=Europe/Brussels", "--tandem.setup.fiscal-year-start-month=7",
				"--tandem.setup.language=nl", "--tandem.setup.admin-name=Hanna Headless", "--tandem.setup.admin-email=hanna@headless.example",
				"--tandem.setup.admin-password=" + PASSWORD)) {
			int port = EmptyInstallation.port(context);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select name || ' ' || time_zone || ' ' || fiscal_year_start_month || ' ' || locale from people_organisation")
				.query(String.class).list()).containsExactly("Headless BV Europe/Brussels 7 nl");
			assertThat(new WebSession(port).get("/login").statusCode()).as("no setup any more").isEqualTo(200);
			assertThat(WebSession.signedIn(port, "hanna@headless.example", PASSWORD)).isNotNull();
		}
	}

	private static Map<String, String> form(String name, String email, String password) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("currency", "usd");
		form.put("timeZone", "America/New_York");
		form.put("fiscalYearStartMonth", "4");
		form.put("locale", "nl");
		form.put("adminName", "Ada Admin");
		form.put("email", email);
		form.put("password", password);
		return form;
	}

	private static String body(String name, String email) {
		return """
				{"organisationName":"%s","currency":"EUR","timeZone":"Europe/Amsterdam","fiscalYearStartMonth":1,"language":"en",
				"adminName":"Racing Admin","adminEmail":"%s","adminPassword":"%s"}""".formatted(name, email, PASSWORD);
	}

	private static void awaitStart(CountDownLatch start) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
