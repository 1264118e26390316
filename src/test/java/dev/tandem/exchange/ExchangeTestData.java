package dev.tandem.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Multipart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Builds what import tests need: an empty organisation of their own (so nothing they import touches
 * another test's data), uploads through the API as a browser would send them, and waiting for a run.
 */
final class ExchangeTestData {

	static final String PASSWORD = "a-long-password";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ExchangeTestData() {
	}

	/** A new, empty organisation and its admin, who may import. */
	static Org emptyOrganisation(OrganisationManagement organisations, int port) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String email = "admin@" + suffix + ".import.test";
		CurrentUser admin = organisations.open(new NewOrganisation("Import Test " + suffix, "Europe/Amsterdam", "EUR", "en", 1),
				email, "Ilse Import", PASSWORD);
		return new Org(admin, ApiClient.as(port, email, PASSWORD), port, suffix);
	}

	static byte[] fixture(String name) {
		try (InputStream in = ExchangeTestData.class.getResourceAsStream("/exchange/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code POST /api/v1/imports} with the file as multipart form data. */
	static ApiClient.Response upload(int port, String token, String fileName, byte[] content, String query) {
		String boundary = "----tandem" + UUID.randomUUID();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports" + query))
			.header("Authorization", "Bearer " + token).header("Accept-Language", "en")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.file(boundary, fileName, content))).build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			return new ApiClient.Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The mapping of the sales-opportunities files (a CRM's deals export): field to column. */
	static Map<String, String> opportunityColumns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("id", "opportunity_id");
		columns.put("owner", "sales_agent");
		columns.put("title", "product");
		columns.put("account", "account");
		columns.put("stage", "deal_stage");
		columns.put("engagedOn", "engage_date");
		columns.put("closeDate", "close_date");
		columns.put("amount", "close_value");
		return columns;
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/**
	 * An organisation of a test; e-mail addresses are logins across the installation, so the fixtures'
	 * {@code @import.test} addresses become this organisation's own.
	 */
	/** A ZIP of text files, name to content, in the order given. */
	static byte[] zip(java.util.Map<String, String> files) throws java.io.IOException {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			for (java.util.Map.Entry<String, String> file : files.entrySet()) {
				zip.putNextEntry(new java.util.zip.ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	record Org(CurrentUser admin, ApiClient api, int port, String suffix) {

		byte[] fixture(String name) {
			return new String(ExchangeTestData.fixture(name), StandardCharsets.UTF_8).replace("@import.test", "@" + suffix + ".import.test")
				.getBytes(StandardCharsets.UTF_8);
		}

		/** Uploads, answers the import as JSON. */
		JsonNode upload(String fileName, byte[] content) {
			ApiClient.Response response = ExchangeTestData.upload(port, api.token(), fileName, content, "");
			assertThat(response.status()).as(response.body()).isEqualTo(201);
			return response.json();
		}

		JsonNode check(String id) {
			ApiClient.Response response = api.post("/api/v1/imports/" + id + "/check", "");
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			return response.json();
		}

		/** Imports the roster fixture (a manager and two reps with their team), so deal files can name their owners. */
		void importRoster() {
			String id = upload("roster.csv", fixture("roster.csv")).get("id").asString();
			check(id);
			assertThat(run(id).get("status").asString()).isEqualTo("DONE");
		}

		/** Runs the import and waits until it is no longer running; answers it. */
		JsonNode run(String id) {
			ApiClient.Response response = api.post("/api/v1/imports/" + id + "/run", "");
			assertThat(response.status()).as(response.body()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
				String status = api.get("/api/v1/imports/" + id).json().get("status").asString();
				return !status.equals("RUNNING") && !status.equals("CHECKED");
			});
			return api.get("/api/v1/imports/" + id).json();
		}

		/** Sets value mappings (category to source value to target) on the import, keeping its columns. */
		JsonNode mapValues(JsonNode job, java.util.Map<String, java.util.Map<String, String>> values) {
			JsonNode settings = job.get("settings");
			java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
			body.put("version", job.get("version").asInt());
			body.put("kind", settings.get("kind").asString());
			body.put("preset", settings.get("preset").isNull() ? null : settings.get("preset").asString());
			body.put("columns", JSON.convertValue(settings.get("columns"), java.util.Map.class));
			body.put("values", values);
			body.put("dateOrder", settings.get("dateOrder").asString());
			body.put("decimalMark", settings.get("decimalMark").asString());
			body.put("duplicates", settings.get("duplicates").asString());
			ApiClient.Response response = api.put("/api/v1/imports/" + job.get("id").asString() + "/mapping", json(body));
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			return response.json();
		}
	}
}
