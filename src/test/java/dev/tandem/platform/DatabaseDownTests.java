package dev.tandem.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import dev.tandem.TandemApplication;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.platform.database.EmbeddedDatabase;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Multipart;
import dev.tandem.support.ResponseChecks;
import dev.tandem.support.TestClock;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the database is unreachable Tandem answers, quickly and plainly: the API a 503 problem with
 * {@code Retry-After}, pages a 503 page in the layout, readiness DOWN; once the database is back it recovers by
 * itself, and what was tried meanwhile left nothing behind. In the same installation, an upload past the multipart
 * limit is a 413 problem naming the limit for the API and a 413 page for the UI.
 */
class DatabaseDownTests {

	private static final String PASSWORD = "a-long-password";
	private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

	@TempDir static Path dataDir;

	static ConfigurableApplicationContext tandem;
	static int port;
	static String email;

	@BeforeAll
	static void start() {
		tandem = SpringApplication.run(new Class<?>[] { TandemApplication.class, TestClock.class }, new String[] {
				"--server.port=0", "--tandem.data-dir=" + dataDir, "--tandem.demo.enabled=false", "--logging.file.name=",
				"--spring.jmx.enabled=false", "--spring.servlet.multipart.max-file-size=4KB",
				"--spring.servlet.multipart.max-request-size=4KB" });
		port = Integer.parseInt(tandem.getEnvironment().getProperty("local.server.port"));
		email = "admin@" + UUID.randomUUID().toString().substring(0, 8) + ".down.test";
		tandem.getBean(OrganisationManagement.class)
			.open(new NewOrganisation("Down Test", "Europe/Amsterdam", "EUR", "en", 1), email, "Dora Down", PASSWORD);
	}

	@AfterAll
	static void stop() {
		if (tandem != null) {
			tandem.close();
		}
	}

	@Test
	void withoutTheDatabaseRequestsAnswer503QuicklyAndAllRecoversOnceItIsBack() {
		ApiClient api = ApiClient.as(port, email, PASSWORD);
		WebSession web = WebSession.signedIn(port, email, PASSWORD);
		assertThat(web.get("/accounts", BROWSER).statusCode()).isEqualTo(200);
		assertThat(readiness().statusCode()).isEqualTo(200);
		EmbeddedDatabase database = tandem.getBean(EmbeddedDatabase.class);
		String duringOutage = "Written while down " + UUID.randomUUID();

		database.stop();
		try {
			long asked = System.nanoTime();
			ApiClient.Response read = api.get("/api/v1/accounts");
			Duration took = Duration.ofNanos(System.nanoTime() - asked);
			assertThat(took).as("answered within 5 s").isLessThan(Duration.ofSeconds(5));
			assertThat(read.status()).as(read.body()).isEqualTo(503);
			assertThat(read.contentType()).startsWith("application/problem+json");
			assertThat(read.retryAfter()).isEqualTo("10");
			ResponseChecks.assertSecureHeaders("503 of the API", read.headers());
			assertThat(read.json().get("title").asString()).isEqualTo("Tandem cannot reach its database");
			assertThat(api.language("nl").get("/api/v1/accounts").json().get("title").asString())
				.isEqualTo("Tandem kan zijn database niet bereiken");

			ApiClient.Response write = api.language("en").post("/api/v1/accounts", "{\"name\":\"" + duringOutage + "\"}");
			assertThat(write.status()).as(write.body()).isEqualTo(503);
			assertThat(write.retryAfter()).isEqualTo("10");

			HttpResponse<String> page = web.get("/accounts", BROWSER);
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
			assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
			ResponseChecks.assertSecureHeaders("503 page", page.headers());
			assertThat(page.body()).contains("<h1>Tandem cannot reach its database</h1>").contains("class=\"topbar\"")
				.contains("Try again in a minute");

			HttpResponse<String> notReady = readiness();
			assertThat(notReady.statusCode()).isEqualTo(503);
			assertThat(notReady.body()).contains("\"DOWN\"");
		}
		finally {
			database.start();
		}

		String afterOutage = "Written once back " + UUID.randomUUID();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> readiness().statusCode() == 200);
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
			.until(() -> api.post("/api/v1/accounts", "{\"name\":\"" + afterOutage + "\"}").status() == 201);
		assertThat(web.get("/accounts", BROWSER).statusCode()).as("the session outlived the outage").isEqualTo(200);

		JdbcClient jdbc = tandem.getBean(JdbcClient.class);
		assertThat(jdbc.sql("select count(*) from crm_account where name = :name").param("name", afterOutage)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from crm_account where name = :name").param("name", duringOutage)
			.query(Long.class).single()).as("the write tried during the outage left nothing").isZero();
	}

	@Test
	void anUploadPastTheMultipartLimitIsA413NamingTheLimit() {
		ApiClient api = ApiClient.as(port, email, PASSWORD);
		byte[] tooLarge = new byte[8 * 1024];
		Arrays.fill(tooLarge, (byte) 'a');

		HttpResponse<String> problem = upload("/api/v1/imports", tooLarge, Map.of("Authorization", "Bearer " + api.token(),
				"Accept-Language", "en"));
		assertThat(problem.statusCode()).as(problem.body()).isEqualTo(413);
		ResponseChecks.assertSecureHeaders("413 of the API", problem.headers());
		assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(problem.body()).contains("\"title\":\"Upload too large\"")
			.contains("The upload is larger than 4 KB, the most Tandem takes.").contains("\"status\":413");
		assertThat(upload("/api/v1/imports", tooLarge, Map.of("Authorization", "Bearer " + api.token(), "Accept-Language", "nl")).body())
			.contains("De upload is groter dan 4 KB");

		WebSession web = WebSession.signedIn(port, email, PASSWORD);
		HttpResponse<String> page = upload("/imports?_csrf=" + web.csrf(), tooLarge, Map.of("Cookie",
				"TANDEM_SESSION=" + web.cookie("TANDEM_SESSION"), "Accept", BROWSER.get("Accept")));
		assertThat(page.statusCode()).as(page.body()).isEqualTo(413);
		ResponseChecks.assertSecureHeaders("413 page", page.headers());
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(page.body()).contains("<h1>The file is too large</h1>").contains("class=\"mainnav\"")
			.contains("The upload is larger than 4 KB");
	}

	private static HttpResponse<String> readiness() {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).GET());
	}

	private static HttpResponse<String> upload(String path, byte[] content, Map<String, String> headers) {
		String boundary = "----tandem" + UUID.randomUUID();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.file(boundary, "big.csv", content)));
		headers.forEach(request::header);
		return send(request);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
