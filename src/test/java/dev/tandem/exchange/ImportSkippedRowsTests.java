package dev.tandem.exchange;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.exchange.ExchangeTestData.Org;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deals import whose admin chose to skip the rows that would fail: the rest is imported, the skipped rows count as
 * skipped, leave nothing behind (not even an account a refused row named), and download as {@code skipped.csv} with
 * their own cells and the reasons in the reader's language. All or nothing stays the default.
 */
@TandemIntegrationTest
class ImportSkippedRowsTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired PlaybookManagement playbook;
	@Autowired JdbcClient jdbc;

	Org org;
	String id;
	int version;

	@BeforeEach
	void organisationWithRosterAndUpload() {
		org = ExchangeTestData.emptyOrganisation(organisations, port);
		org.importRoster();
		ApiClient.Response uploaded = ExchangeTestData.upload(port, org.api().token(), "deals-to-skip.csv",
				org.fixture("deals-to-skip.csv"), "?kind=DEALS");
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		id = uploaded.json().get("id").asString();
		version = uploaded.json().get("version").asInt();
	}

	@Test
	void refusedRowsStopTheWholeImportByDefault() {
		JsonNode report = map(null).get("report");
		assertThat(report.get("ready").asBoolean()).isFalse();
		assertThat(report.get("problemsTotal").asInt()).isEqualTo(3);
		assertThat(report.get("skippedRows").asInt()).isZero();
	}

	@Test
	void skipsTheRowsThatWouldFailAndImportsTheRest() {
		JsonNode report = map("SKIP").get("report");
		assertThat(report.get("ready").asBoolean()).as(report.toString()).isTrue();
		assertThat(report.get("skippedRows").asInt()).isEqualTo(3);
		assertThat(report.get("problemsTotal").asInt()).isZero();
		assertThat(report.get("counts").valueStream().map(c -> c.get("kind").asString() + " " + c.get("created").asInt() + "/"
				+ c.get("skipped").asInt()).toList()).containsExactlyInAnyOrder("ACCOUNTS 2/0", "DEALS 2/3");

		JsonNode done = org.run(id);
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
		assertThat(done.get("created").asInt()).isEqualTo(4);
		assertThat(done.get("skipped").asInt()).isEqualTo(3);
		assertThat(jdbc.sql("select title from crm_deal where org_id = :org order by title").param("org", org.admin().orgId())
			.query(String.class).list()).containsExactly("GTX Basic", "GTX Plus");
		// Row 4 named an account before it failed; skipped, it makes none.
		assertThat(jdbc.sql("select name from crm_account where org_id = :org order by name").param("org", org.admin().orgId())
			.query(String.class).list()).containsExactly("Acme Logistics", "Beta Foods");
	}

	@Test
	void theSkippedRowsDownloadWithTheirCellsAndReasonsInTheReadersLanguage() throws Exception {
		map("SKIP");
		org.run(id);
		ApiClient.Response csv = org.api().get("/api/v1/imports/" + id + "/skipped.csv");
		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"skipped.csv\"");
		List<CSVRecord> rows = parse(csv.body());
		assertThat(rows.get(0).toList()).containsExactly("opportunity_id", "sales_agent", "product", "account", "deal_stage",
				"engage_date", "close_date", "close_value", "reason");
		assertThat(rows.subList(1, rows.size()).stream().map(CSVRecord::toList).toList()).containsExactly(
				List.of("S2", "Daan Imported", "GTX Pro", "", "Prospecting", "2026-10-01", "2026-12-10", "5000", "account: Required, but empty."),
				List.of("S3", "Sanne Imported", "MG Special", "Ghost Account", "Won", "", "", "300",
						"close_date: A won or lost deal needs its close date."),
				List.of("S4", "Daan Imported", "'=SUM(A1)", "Beta Foods", "Prospecting", "2026-10-01", "2026-12-20", "abc",
						"close_value: Not an amount Tandem can read."));

		List<CSVRecord> dutch = parse(ApiClient.as(port, org.admin().email(), ExchangeTestData.PASSWORD).language("nl")
			.get("/api/v1/imports/" + id + "/skipped.csv").body());
		assertThat(dutch.stream().map(r -> r.get(8)).toList()).containsExactly("reason", "account: Verplicht, maar leeg.",
				"close_date: Een gewonnen of verloren deal heeft een sluitdatum nodig.", "close_value: Geen bedrag dat Tandem kan lezen.");

		WebSession web = WebSession.signedIn(port, org.admin().email(), ExchangeTestData.PASSWORD);
		assertThat(web.get("/imports/" + id).body()).contains("3 rows were skipped because they would fail.")
			.contains("href=\"/imports/" + id + "/skipped.csv\"");
		var page = web.get("/imports/" + id + "/skipped.csv");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(parse(page.body())).hasSize(4);
	}

	@Test
	void beforeTheRunTheCheckShowsWhatWouldBeSkipped() throws Exception {
		map("SKIP");
		WebSession web = WebSession.signedIn(port, org.admin().email(), ExchangeTestData.PASSWORD);
		assertThat(web.get("/imports/" + id).body()).contains("3 rows that would fail will be skipped; the rest is imported.");
		assertThat(parse(org.api().get("/api/v1/imports/" + id + "/skipped.csv").body())).hasSize(4);
		assertThat(jdbc.sql("select count(*) from crm_deal where org_id = :org").param("org", org.admin().orgId()).query(Long.class)
			.single()).isZero();
	}

	@Test
	void skippingIsForDealsImportsOnly() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", version);
		body.put("kind", "ACCOUNTS");
		body.put("columns", Map.of());
		body.put("refusedRows", "SKIP");
		ApiClient.Response refused = org.api().put("/api/v1/imports/" + id + "/mapping", ExchangeTestData.json(body));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("refusedRows").contains("possible for a deals import only");
	}

	private static List<CSVRecord> parse(String csv) throws java.io.IOException {
		return CSVFormat.RFC4180.parse(new StringReader(csv.replace("\uFEFF", ""))).getRecords();
	}

	private JsonNode map(@org.jspecify.annotations.Nullable String refusedRows) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", version);
		body.put("kind", "DEALS");
		body.put("columns", ExchangeTestData.opportunityColumns());
		body.put("values", Map.of("stage", Map.of("Prospecting", stage("New lead"))));
		body.put("refusedRows", refusedRows);
		ApiClient.Response mapped = org.api().put("/api/v1/imports/" + id + "/mapping", ExchangeTestData.json(body));
		assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
		return org.check(id);
	}

	private String stage(String name) {
		return playbook.defaultPipeline(org.admin().orgId()).stages().stream().filter(s -> s.name().equals(name)).findFirst()
			.orElseThrow().id().toString();
	}
}
