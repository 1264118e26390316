package dev.tandem.exchange;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.exchange.ExchangeTestData.Org;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Deals whose row names no account: refused by default, the dry run naming each row, column and rule; when the admin
 * names a placeholder account for them, all on that one account, made once; or, when the admin chooses so, made without
 * an account, and then shown everywhere a deal shows (board, list, deal page, forecast, export, API) as having none.
 */
@TandemIntegrationTest
class ImportWithoutAccountTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired PlaybookManagement playbook;
	@Autowired ExportManagement export;
	@Autowired JdbcClient jdbc;

	Org org;
	JsonNode job;

	@BeforeEach
	void organisationWithRosterAndUpload() {
		org = ExchangeTestData.emptyOrganisation(organisations, port);
		JsonNode roster = org.upload("roster.csv", org.fixture("roster.csv"));
		org.check(roster.get("id").asString());
		assertThat(org.run(roster.get("id").asString()).get("status").asString()).isEqualTo("DONE");
		ApiClient.Response uploaded = ExchangeTestData.upload(port, org.api().token(), "deals-without-account.csv",
				org.fixture("deals-without-account.csv"), "?kind=DEALS");
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		job = uploaded.json();
	}

	@Test
	void rowsWithoutAnAccountAreRefusedByDefaultWithRowColumnAndRuleNamed() {
		JsonNode report = map(Map.of()).get("report");
		assertThat(report.get("ready").asBoolean()).isFalse();
		assertThat(report.get("problems").valueStream()
			.map(p -> p.get("row").asInt() + "|" + p.get("column").asString() + "|" + p.get("value").asString() + "|" + p.get("message").asString())
			.toList()).containsExactly("3|account||Required, but empty.", "4|account||Required, but empty.");
		assertThat(jdbc.sql("select count(*) from crm_deal where org_id = :org").param("org", org.admin().orgId()).query(Long.class).single())
			.isZero();
	}

	@Test
	void aNamedPlaceholderAccountTakesEveryDealWithoutOne() {
		JsonNode report = map(Map.of("", "Unassigned deals")).get("report");
		assertThat(report.get("ready").asBoolean()).as(report.toString()).isTrue();
		assertThat(org.run(job.get("id").asString()).get("status").asString()).isEqualTo("DONE");
		assertThat(jdbc.sql("""
				select d.title, a.name from crm_deal d join crm_account a on a.org_id = d.org_id and a.id = d.account_id
				 where d.org_id = :org order by d.title
				""").param("org", org.admin().orgId()).query((rs, n) -> tuple(rs.getString(1), rs.getString(2))).list())
			.containsExactly(tuple("GTX Basic", "Acme Logistics"), tuple("GTX Pro", "Unassigned deals"), tuple("MG Special", "Unassigned deals"));
		assertThat(jdbc.sql("select name from crm_account where org_id = :org order by name").param("org", org.admin().orgId())
			.query(String.class).list()).isEqualTo(List.of("Acme Logistics", "Unassigned deals"));
	}

	@Test
	void theWizardAsksForThePlaceholderAccountAndKeepsTheAnswer() {
		WebSession web = WebSession.signedIn(port, org.admin().email(), ExchangeTestData.PASSWORD);
		String id = job.get("id").asString();
		assertThat(web.get("/imports/" + id).body()).contains("Deals without an account").contains("name=\"v|account|\"");
		Map<String, String> form = wizardForm();
		form.put("v|account|", "Unassigned deals");
		assertThat(web.post("/imports/" + id + "/check", form).statusCode()).isEqualTo(302);
		JsonNode saved = org.api().get("/api/v1/imports/" + id).json();
		assertThat(saved.get("settings").get("values").get("account").get("").asString()).isEqualTo("Unassigned deals");
		assertThat(saved.get("report").get("ready").asBoolean()).as(saved.toString()).isTrue();
		assertThat(web.get("/imports/" + id).body()).contains("value=\"Unassigned deals\"");
	}

	@Test
	void importsDealsWithoutAnAccountWhenTheAdminChoosesSo() {
		JsonNode report = map("NONE", Map.of()).get("report");
		assertThat(report.get("ready").asBoolean()).as(report.toString()).isTrue();
		assertThat(org.run(job.get("id").asString()).get("status").asString()).isEqualTo("DONE");
		assertThat(jdbc.sql("select title from crm_deal where org_id = :org and account_id is null order by title")
			.param("org", org.admin().orgId()).query(String.class).list()).containsExactly("GTX Pro", "MG Special");
		assertThat(jdbc.sql("select name from crm_account where org_id = :org").param("org", org.admin().orgId())
			.query(String.class).list()).containsExactly("Acme Logistics");
	}

	@Test
	void aDealWithoutAnAccountShowsOnBoardListDealPageForecastExportAndApi() throws Exception {
		map("NONE", Map.of());
		org.run(job.get("id").asString());
		UUID pro = jdbc.sql("select id from crm_deal where org_id = :org and title = 'GTX Pro'").param("org", org.admin().orgId())
			.query(UUID.class).single();
		UUID daan = jdbc.sql("select id from people_user where org_id = :org and display_name = 'Daan Imported'")
			.param("org", org.admin().orgId()).query(UUID.class).single();
		WebSession web = WebSession.signedIn(port, org.admin().email(), ExchangeTestData.PASSWORD);

		assertThat(web.get("/pipeline").body()).contains("GTX Pro").contains("No account");
		// Every status: MG Special is closed, and the list opens on open deals.
		String list = web.get("/deals?status=any").body();
		assertThat(list).contains("GTX Pro").contains("MG Special").contains("No account");
		assertThat(web.get("/deals?q=GTX&status=any").body()).contains("GTX Pro").contains("GTX Basic");
		var page = web.get("/deals/" + pro);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("GTX Pro").contains("No account").doesNotContain("/accounts/null");
		String forecast = web.get("/forecast/people/" + daan + "?period=2026-Q4").body();
		assertThat(forecast).contains("GTX Pro").contains("No account");
		web.post("/language", Map.of("lang", "nl"));
		assertThat(web.get("/deals/" + pro).body()).contains("Geen account");

		ApiClient.Response one = org.api().get("/api/v1/deals/" + pro);
		assertThat(one.status()).as(one.body()).isEqualTo(200);
		assertThat(one.json().get("accountId").isNull()).as(one.body()).isTrue();
		assertThat(one.json().get("title").asString()).isEqualTo("GTX Pro");
		ApiClient.Response all = org.api().get("/api/v1/deals");
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		assertThat(all.body()).contains("GTX Pro", "MG Special", "GTX Basic");

		String deals = new String(ExportRoundTripTests.entries(ExportRoundTripTests.exportOf(export, org.admin())).get("deals.csv"),
				StandardCharsets.UTF_8).replace("\uFEFF", "");
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(deals)).getRecords();
		assertThat(rows).filteredOn(r -> r.get("title").equals("GTX Pro")).singleElement()
			.satisfies(r -> assertThat(List.of(r.get("accountId"), r.get("account"), r.get("amount"))).containsExactly("", "", "5000.00"));
		assertThat(rows).filteredOn(r -> r.get("title").equals("GTX Basic")).singleElement()
			.satisfies(r -> assertThat(r.get("account")).isEqualTo("Acme Logistics"));
	}

	@Test
	void theFullExportTakesDealsWithoutAnAccountBackAsTheyAre() throws Exception {
		map("NONE", Map.of());
		org.run(job.get("id").asString());
		JsonNode again = org.upload("export.zip", ExportRoundTripTests.exportOf(export, org.admin()));
		JsonNode report = org.check(again.get("id").asString()).get("report");
		assertThat(report.get("ready").asBoolean()).as(report.toString()).isTrue();
		assertThat(report.get("counts").valueStream().filter(c -> c.get("kind").asString().equals("DEALS"))
			.map(c -> c.get("created").asInt() + "/" + c.get("skipped").asInt()).toList()).containsExactly("0/3");
	}

	@Test
	void aPlaceholderChoiceWithoutANameIsRefusedNamingTheField() {
		Map<String, Object> body = body("PLACEHOLDER", Map.of());
		ApiClient.Response mapped = org.api().put("/api/v1/imports/" + job.get("id").asString() + "/mapping", ExchangeTestData.json(body));
		assertThat(mapped.status()).as(mapped.body()).isEqualTo(400);
		assertThat(mapped.body()).contains("values.account").contains("Name the account to attach deals without an account to.");
	}

	@Test
	void theWizardOffersTheThreeChoicesAndKeepsTheOneMade() {
		WebSession web = WebSession.signedIn(port, org.admin().email(), ExchangeTestData.PASSWORD);
		String id = job.get("id").asString();
		assertThat(web.get("/imports/" + id).body()).contains("name=\"withoutAccount\"").contains("Refuse those rows")
			.contains("Attach them to one account").contains("Import them without an account");
		Map<String, String> form = wizardForm();
		form.put("withoutAccount", "NONE");
		form.put("v|account|", "");
		assertThat(web.post("/imports/" + id + "/check", form).statusCode()).isEqualTo(302);
		JsonNode saved = org.api().get("/api/v1/imports/" + id).json();
		assertThat(saved.get("settings").get("withoutAccount").asString()).isEqualTo("NONE");
		assertThat(saved.get("report").get("ready").asBoolean()).as(saved.toString()).isTrue();
		assertThat(web.get("/imports/" + id).body().replaceAll("\\s+", " ")).contains("<option value=\"NONE\" selected=\"selected\"");
	}

	/** The wizard's mapping form as a browser sends it, before the choices for deals without an account. */
	private Map<String, String> wizardForm() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", String.valueOf(job.get("version").asInt()));
		form.put("kind", "DEALS");
		form.put("preset", "");
		ExchangeTestData.opportunityColumns().forEach((field, column) -> form.put("col|" + field, column));
		// The wizard reads the product column too: its names become new products.
		List.of("GTX Basic", "GTX Pro", "MG Special").forEach(name -> form.put("v|product|" + name, "create"));
		form.put("v|stage|Prospecting", stage("New lead"));
		form.put("dateOrder", "AUTO");
		form.put("decimalMark", "AUTO");
		form.put("duplicates", "SKIP");
		return form;
	}

	private JsonNode map(Map<String, String> account) {
		return map(null, account);
	}

	private Map<String, Object> body(@Nullable String withoutAccount, Map<String, String> account) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", job.get("version").asInt());
		body.put("kind", "DEALS");
		body.put("preset", null);
		body.put("columns", ExchangeTestData.opportunityColumns());
		body.put("values", Map.of("stage", Map.of("Prospecting", stage("New lead")), "account", account));
		body.put("duplicates", "SKIP");
		body.put("withoutAccount", withoutAccount);
		return body;
	}

	private JsonNode map(@Nullable String withoutAccount, Map<String, String> account) {
		ApiClient.Response mapped = org.api().put("/api/v1/imports/" + job.get("id").asString() + "/mapping",
				ExchangeTestData.json(body(withoutAccount, account)));
		assertThat(mapped.status()).as(mapped.body()).isEqualTo(200);
		return org.check(job.get("id").asString());
	}

	private String stage(String name) {
		return playbook.defaultPipeline(org.admin().orgId()).stages().stream().filter(s -> s.name().equals(name)).findFirst()
			.orElseThrow().id().toString();
	}
}
