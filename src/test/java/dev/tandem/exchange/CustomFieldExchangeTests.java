package dev.tandem.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.CustomField;
import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.CustomFieldManagement;
import dev.tandem.crm.CustomFieldType;
import dev.tandem.exchange.ImportReport.Count;
import dev.tandem.exchange.ImportSettings.Duplicates;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.tandem.exchange.ExportRoundTripTests.entries;
import static dev.tandem.exchange.ExportRoundTripTests.exportOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Columns an import keeps as custom fields: mapped to {@code custom.<key>}, the run makes the field (typed from the
 * column's values) and keeps the values; the export writes them as {@code custom.<key>} columns, and importing the
 * export into the same organisation puts them back on the same records.
 */
@TandemIntegrationTest
class CustomFieldExchangeTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired ImportManagement imports;
	@Autowired ExportManagement export;
	@Autowired AccountManagement accounts;
	@Autowired CustomFieldManagement fields;
	@Autowired JdbcClient jdbc;

	private static final String FILE = "name,country,year_established,founded,notes\r\n"
			+ "Globex,NL,1998,1998-06-01,big\r\n"
			+ "Initech,US,2001.50,2001-02-03,\r\n"
			+ "Umbrella,DE,,2003-12-31,secretive\r\n";

	@Test
	void aKeptColumnBecomesAFieldTypedFromItsValuesAndItsValuesAreKept() {
		CurrentUser admin = ExchangeTestData.emptyOrganisation(organisations, port).admin();
		ImportJob done = importAccounts(admin, FILE, Map.of("custom.year_established", "year_established", "custom.founded", "founded",
				"custom.notes", "notes"));
		assertThat(done.status()).isEqualTo(ImportStatus.DONE);
		assertThat(fields.list(admin, CustomFieldKind.ACCOUNT, true)).extracting(CustomField::key, CustomField::label, CustomField::type)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("year_established", "year_established", CustomFieldType.NUMBER),
					org.assertj.core.groups.Tuple.tuple("founded", "founded", CustomFieldType.DATE),
					org.assertj.core.groups.Tuple.tuple("notes", "notes", CustomFieldType.TEXT));
		assertThat(account(admin, "Initech").customFields()).containsExactlyInAnyOrderEntriesOf(
				Map.of("year_established", "2001.5", "founded", "2001-02-03"));
		assertThat(account(admin, "Umbrella").customFields()).containsExactlyInAnyOrderEntriesOf(
				Map.of("founded", "2003-12-31", "notes", "secretive"));
	}

	@Test
	void theWizardOffersToKeepTheColumnsNoFieldTakes() {
		CurrentUser admin = ExchangeTestData.emptyOrganisation(organisations, port).admin();
		ImportJob uploaded = imports.upload(admin, "accounts.csv", FILE.getBytes(StandardCharsets.UTF_8), EntityKind.ACCOUNTS, null);
		dev.tandem.support.WebSession web = dev.tandem.support.WebSession.signedIn(port, admin.email(), ExchangeTestData.PASSWORD);
		String page = web.get("/imports/" + uploaded.id()).body();
		assertThat(page).contains("Keep as custom field", "name=\"col|custom.year_established\" value=\"year_established\"")
			.doesNotContain("name=\"col|custom.name\"");

		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", String.valueOf(uploaded.version()));
		form.put("kind", "ACCOUNTS");
		form.put("preset", uploaded.settings().preset() == null ? "" : uploaded.settings().preset().name());
		uploaded.settings().columns().forEach((field, column) -> form.put("col|" + field, column));
		form.put("col|custom.year_established", "year_established");
		assertThat(web.post("/imports/" + uploaded.id() + "/check", form).statusCode()).isEqualTo(302);
		assertThat(imports.get(admin, uploaded.id()).settings().columns()).containsEntry("custom.year_established", "year_established");
		assertThat(web.get("/imports/" + uploaded.id()).body()).contains("value=\"year_established\" checked");
	}

	@Test
	void aValueThatBreaksAnExistingFieldsTypeIsAProblemOfItsRow() {
		CurrentUser admin = ExchangeTestData.emptyOrganisation(organisations, port).admin();
		fields.create(admin, new dev.tandem.crm.CustomFieldInput(CustomFieldKind.ACCOUNT, "notes", "Notes", CustomFieldType.NUMBER,
				List.of(), null, true));
		ImportJob checked = checkAccounts(admin, FILE, Map.of("custom.notes", "notes"));
		assertThat(checked.runnable()).isFalse();
		assertThat(checked.report().problems()).extracting(p -> p.row() + " " + p.column() + " " + p.value() + " " + p.rule())
			.containsExactly("2 notes big exchange.rule.custom-number", "4 notes secretive exchange.rule.custom-number");
	}

	@Test
	void theExportCarriesTheFieldsAndImportsBackIntoTheSameRecords() throws Exception {
		CurrentUser admin = ExchangeTestData.emptyOrganisation(organisations, port).admin();
		importAccounts(admin, FILE, Map.of("custom.year_established", "year_established"));
		Map<String, byte[]> files = entries(exportOf(export, admin));
		List<String> lines = List.of(new String(files.get("accounts.csv"), StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n"));
		assertThat(lines.get(0)).endsWith(",createdAt,custom.year_established");
		assertThat(lines).anyMatch(l -> l.startsWith(account(admin, "Globex").id() + ",Globex,") && l.endsWith(",1998"))
			.anyMatch(l -> l.contains(",Umbrella,") && l.endsWith(","));

		Account globex = account(admin, "Globex");
		accounts.update(admin, globex.id(), globex.version(), new dev.tandem.crm.NewAccount("Globex", null, null, "NL", null, null),
				Map.of("year_established", 1900));
		// Umbrella had no value; the file gives it one.
		files.put("accounts.csv", String.join("\r\n", lines.stream().map(l -> l.contains(",Umbrella,") ? l + "1850" : l).toList())
			.getBytes(StandardCharsets.UTF_8));
		ImportJob uploaded = imports.upload(admin, "export.zip", ExportSourceIdTests.zip(files), null, null);
		ImportSettings s = uploaded.settings();
		imports.configure(admin, uploaded.id(), uploaded.version(),
				new ImportSettings(s.kind(), s.preset(), s.columns(), s.values(), s.dateOrder(), s.decimalMark(), Duplicates.UPDATE));
		ImportJob checked = imports.check(admin, uploaded.id());
		assertThat(checked.runnable()).as(String.valueOf(checked.report())).isTrue();
		assertThat(checked.report().counts()).contains(new Count(EntityKind.ACCOUNTS, 0, 3, 0));
		assertThat(run(admin, checked).status()).isEqualTo(ImportStatus.DONE);

		assertThat(jdbc.sql("select count(*) from crm_account where org_id = :org").param("org", admin.orgId()).query(Long.class).single())
			.isEqualTo(3L);
		assertThat(account(admin, "Globex").customFields()).containsExactly(Map.entry("year_established", "1998"));
		assertThat(account(admin, "Initech").customFields()).containsExactly(Map.entry("year_established", "2001.5"));
		assertThat(account(admin, "Umbrella").customFields()).containsExactly(Map.entry("year_established", "1850"));
		assertThat(fields.list(admin, CustomFieldKind.ACCOUNT, true)).hasSize(1);

		// Undone, every record has the values it had before.
		assertThat(imports.undo(admin, checked.id()).status()).isEqualTo(ImportStatus.UNDONE);
		assertThat(account(admin, "Globex").customFields()).containsExactly(Map.entry("year_established", "1900"));
		assertThat(account(admin, "Initech").customFields()).containsExactly(Map.entry("year_established", "2001.5"));
		assertThat(account(admin, "Umbrella").customFields()).isEmpty();
	}

	private Account account(CurrentUser admin, String name) {
		UUID id = jdbc.sql("select id from crm_account where org_id = :org and name = :name").param("org", admin.orgId())
			.param("name", name).query(UUID.class).single();
		return accounts.get(admin, id);
	}

	private ImportJob checkAccounts(CurrentUser admin, String csv, Map<String, String> custom) {
		ImportJob uploaded = imports.upload(admin, "accounts.csv", csv.getBytes(StandardCharsets.UTF_8), EntityKind.ACCOUNTS, null);
		ImportSettings s = uploaded.settings();
		Map<String, String> columns = new LinkedHashMap<>(s.columns());
		columns.putAll(custom);
		imports.configure(admin, uploaded.id(), uploaded.version(), s.withColumns(columns));
		return imports.check(admin, uploaded.id());
	}

	private ImportJob importAccounts(CurrentUser admin, String csv, Map<String, String> custom) {
		ImportJob checked = checkAccounts(admin, csv, custom);
		assertThat(checked.runnable()).as(String.valueOf(checked.report())).isTrue();
		return run(admin, checked);
	}

	private ImportJob run(CurrentUser admin, ImportJob checked) {
		imports.run(admin, checked.id());
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
			.until(() -> imports.get(admin, checked.id()).status() != ImportStatus.RUNNING
					&& imports.get(admin, checked.id()).status() != ImportStatus.CHECKED);
		return imports.get(admin, checked.id());
	}
}
