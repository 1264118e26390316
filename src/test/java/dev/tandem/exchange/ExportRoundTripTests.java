package dev.tandem.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.NewAccount;
import dev.tandem.crm.NewContact;
import dev.tandem.exchange.ExchangeTestData.Org;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving out and in again: the demo organisation's full export (two years of history), imported into
 * an empty organisation of another installation, exports again to the same records; ids differ, so
 * they are compared by what they refer to. Cells that look like formulas come back unchanged.
 */
@TandemIntegrationTest
class ExportRoundTripTests {

	private static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	private static final List<String> PRIMARY = List.of("accounts.csv", "contacts.csv", "deals.csv", "activities.csv", "leads.csv");

	@TempDir static Path dataDir;
	static ConfigurableApplicationContext elsewhere;

	@LocalServerPort int port;
	@Autowired ExportManagement export;
	@Autowired OrganisationManagement organisations;
	@Autowired AccountManagement accounts;
	@Autowired JdbcClient jdbc;

	@BeforeAll
	static void startSecondInstallation() {
		elsewhere = SecondInstallation.start(dataDir);
	}

	@AfterAll
	static void stopSecondInstallation() {
		if (elsewhere != null) {
			elsewhere.close();
		}
	}

	@Test
	void theDemoOrganisationMovesToAnotherInstallationWithoutLosingAnything() throws IOException {
		CurrentUser northwind = Demo.user(jdbc, Demo.ADMIN);
		Map<String, List<String>> before = files(exportOf(export, northwind));
		assertThat(before.get("deal-history.csv").size()).isGreaterThan(1000);

		CurrentUser moved = SecondInstallation.openOrganisation(elsewhere, Demo.ADMIN, northwind.displayName());
		ImportManagement imports = elsewhere.getBean(ImportManagement.class);
		ImportJob job = SecondInstallation.importFile(imports, moved, "northwind.zip", exportOf(export, northwind));
		assertThat(job.status()).as(String.valueOf(job.error())).isEqualTo(ImportStatus.DONE);

		Map<String, List<String>> after = files(exportOf(elsewhere.getBean(ExportManagement.class), moved));
		assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
		for (String file : before.keySet()) {
			assertThat(after.get(file)).as(file).containsExactlyElementsOf(before.get(file));
		}
	}

	@Test
	void cellsThatLookLikeFormulasRoundTripUnchanged() throws IOException {
		Org org = ExchangeTestData.emptyOrganisation(organisations, port);
		// Names are trimmed when saved, so a leading tab or carriage return is covered by SpreadsheetCellsTests.
		List<String> tricky = List.of("=HYPERLINK(\"http://evil.test\",\"click\")", "+31 20 123 4567", "-5", "@SUM(A1:A2)",
				"'=already quoted", "plain");
		var account = accounts.create(org.admin(), new NewAccount("=cmd|' /C calc'!A0", "+Sector", null, "@NL", "-web", null));
		for (String name : tricky) {
			accounts.createContact(org.admin(), new NewContact(account.id(), name, name, null, name, null));
		}
		byte[] zip = exportOf(export, org.admin());
		String contacts = new String(entries(zip).get("contacts.csv"), StandardCharsets.UTF_8);
		assertThat(contacts).contains("'=HYPERLINK").contains("'+31 20").contains("'@SUM").contains("''=already quoted")
			.doesNotContain(",=HYPERLINK");

		CurrentUser moved = SecondInstallation.openOrganisation(elsewhere, org.admin().email(), org.admin().displayName());
		ImportJob job = SecondInstallation.importFile(elsewhere.getBean(ImportManagement.class), moved, "export.zip", zip);
		assertThat(job.status()).isEqualTo(ImportStatus.DONE);
		JdbcClient there = elsewhere.getBean(JdbcClient.class);
		assertThat(there.sql("select name from crm_account where org_id = :org").param("org", moved.orgId()).query(String.class).single())
			.isEqualTo("=cmd|' /C calc'!A0");
		assertThat(there.sql("select name from crm_contact where org_id = :org order by name").param("org", moved.orgId())
			.query(String.class).list()).containsExactlyInAnyOrderElementsOf(tricky);
		assertThat(there.sql("select title from crm_contact where org_id = :org").param("org", moved.orgId())
			.query(String.class).list()).containsExactlyInAnyOrderElementsOf(tricky);
	}

	static byte[] exportOf(ExportManagement export, CurrentUser admin) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.export(admin, out);
		return out.toByteArray();
	}

	static Map<String, byte[]> entries(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	/**
	 * Every file as its sorted lines, each record's id replaced by its place in the primary files (the
	 * same in both exports, which list records in the order they were created), so references compare.
	 */
	static Map<String, List<String>> files(byte[] zip) throws IOException {
		Map<String, byte[]> entries = entries(zip);
		Map<String, String> ids = new HashMap<>();
		for (String file : PRIMARY) {
			String[] lines = new String(entries.get(file), StandardCharsets.UTF_8).split("\r\n");
			for (int i = 1; i < lines.length; i++) {
				Matcher id = UUID_PATTERN.matcher(lines[i]);
				if (id.find()) {
					ids.putIfAbsent(id.group(), file + "#" + i);
				}
			}
		}
		Map<String, List<String>> files = new LinkedHashMap<>();
		entries.forEach((file, content) -> {
			List<String> lines = new ArrayList<>();
			for (String line : new String(content, StandardCharsets.UTF_8).split("\r\n")) {
				lines.add(UUID_PATTERN.matcher(line).replaceAll(m -> ids.getOrDefault(m.group(), "?")));
			}
			lines.sort(null);
			files.put(file, lines);
		});
		return files;
	}
}
