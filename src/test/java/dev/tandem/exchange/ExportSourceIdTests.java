package dev.tandem.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.Contact;
import dev.tandem.crm.Deal;
import dev.tandem.crm.DealLineManagement;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.NewDealLine;
import dev.tandem.crm.ProductInput;
import dev.tandem.crm.ProductManagement;
import dev.tandem.crm.NewAccount;
import dev.tandem.crm.NewContact;
import dev.tandem.crm.NewDeal;
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
 * A full export names each CRM record by its source id: the one an import brought it under, else its Tandem id. An
 * import of the export into the same organisation finds every record again and updates or skips it as chosen, instead
 * of making it twice; in another organisation the same ids match nothing of that organisation's.
 */
@TandemIntegrationTest
class ExportSourceIdTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired ImportManagement imports;
	@Autowired ExportManagement export;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired ProductManagement products;
	@Autowired DealLineManagement lines;
	@Autowired JdbcClient jdbc;

	/** An organisation with Globex imported under source id SF-001, and Initech, a contact and a deal made in Tandem. */
	private record Fixture(CurrentUser admin, UUID globex, Account initech, Contact peter, Deal deal) {
	}

	private Fixture fixture() {
		CurrentUser admin = ExchangeTestData.emptyOrganisation(organisations, port).admin();
		ImportJob job = SecondInstallation.importFile(imports, admin, "accounts.csv",
				"id,name,country\r\nSF-001,Globex,NL\r\n".getBytes(StandardCharsets.UTF_8));
		assertThat(job.status()).isEqualTo(ImportStatus.DONE);
		UUID globex = jdbc.sql("select id from crm_account where org_id = :org and name = 'Globex'").param("org", admin.orgId())
			.query(UUID.class).single();
		Account initech = accounts.create(admin, new NewAccount("Initech", null, null, "US", "initech.example", null));
		Contact peter = accounts.createContact(admin, new NewContact(globex, "Peter Gibbons", "Engineer", null, null, null));
		Deal deal = deals.create(admin, new NewDeal(initech.id(), "TPS reports", new BigDecimal("12000"), null, null, null, null, null,
				null, null), null);
		// Its 12,000 is one line: 120 widgets at 100.
		UUID widget = products.create(admin, new ProductInput("Widget", "W-1", true, Map.of("EUR", new BigDecimal("100")))).id();
		deal = lines.replace(admin, deal.id(), deal.version(), List.of(new NewDealLine(widget, new BigDecimal("120"), null, null)));
		return new Fixture(admin, globex, initech, peter, deal);
	}

	@Test
	void namesImportedRecordsByTheirSourceIdAndTheOthersByTheirOwnId() throws IOException {
		Fixture f = fixture();
		Map<String, byte[]> files = entries(exportOf(export, f.admin()));

		List<String> accountLines = lines(files.get("accounts.csv"));
		assertThat(accountLines.get(0)).startsWith("id,name,");
		assertThat(accountLines).anyMatch(l -> l.startsWith("SF-001,Globex,"))
			.anyMatch(l -> l.startsWith(f.initech().id() + ",Initech,"))
			.noneMatch(l -> l.startsWith(f.globex().toString()));
		// References carry the same source id as the record they refer to.
		assertThat(lines(files.get("contacts.csv"))).anyMatch(l -> l.startsWith(f.peter().id() + ",SF-001,Globex,Peter Gibbons,"));
		assertThat(lines(files.get("deals.csv"))).anyMatch(l -> l.startsWith(f.deal().id() + ",TPS reports," + f.initech().id() + ",Initech,"));
		assertThat(lines(files.get("products.csv"))).containsExactly("id,name,code,active,prices", widget(f) + ",Widget,W-1,true,EUR:100.00");
		assertThat(lines(files.get("deal-lines.csv"))).containsExactly("dealId,product,quantity,unitPrice,discount",
				f.deal().id() + ",Widget,120,100.00,0.00");
		assertThat(lines(files.get("deal-history.csv"))).allMatch(l -> l.startsWith("dealId,") || l.startsWith(f.deal().id().toString()));
	}

	@Test
	void importingTheExportIntoTheSameOrganisationUpdatesItsRecordsInPlace() throws IOException {
		Fixture f = fixture();
		Map<String, Long> before = counts(f.admin().orgId());
		Map<String, byte[]> files = entries(exportOf(export, f.admin()));
		String accountsCsv = new String(files.get("accounts.csv"), StandardCharsets.UTF_8);
		files.put("accounts.csv", accountsCsv.replace("initech.example", "initech.example.org").replace(",NL,", ",BE,")
			.getBytes(StandardCharsets.UTF_8));

		ImportJob checked = check(f.admin(), zip(files), Duplicates.UPDATE);
		// Globex by its import's source id, Initech by its own id; the deal and the contact by theirs. The catalogue has
		// the product, and the deal its line.
		assertThat(checked.report().counts()).contains(new Count(EntityKind.ACCOUNTS, 0, 2, 0), new Count(EntityKind.CONTACTS, 0, 1, 0),
				new Count(EntityKind.DEALS, 0, 1, 0), new Count(EntityKind.PRODUCTS, 0, 0, 1), new Count(EntityKind.DEAL_LINES, 0, 0, 1));
		assertThat(run(f.admin(), checked).status()).isEqualTo(ImportStatus.DONE);

		assertThat(counts(f.admin().orgId())).isEqualTo(before);
		assertThat(jdbc.sql("select website from crm_account where org_id = :org and id = :id").param("org", f.admin().orgId())
			.param("id", f.initech().id()).query(String.class).single()).isEqualTo("initech.example.org");
		assertThat(jdbc.sql("select country from crm_account where org_id = :org and id = :id").param("org", f.admin().orgId())
			.param("id", f.globex()).query(String.class).single()).isEqualTo("BE");
	}

	@Test
	void importingTheExportIntoTheSameOrganisationSkipsWhatItHasWhenAskedTo() throws IOException {
		Fixture f = fixture();
		Map<String, Long> before = counts(f.admin().orgId());
		ImportJob checked = check(f.admin(), exportOf(export, f.admin()), Duplicates.SKIP);
		assertThat(checked.report().counts()).contains(new Count(EntityKind.ACCOUNTS, 0, 0, 2), new Count(EntityKind.CONTACTS, 0, 0, 1),
				new Count(EntityKind.DEALS, 0, 0, 1));
		assertThat(run(f.admin(), checked).status()).isEqualTo(ImportStatus.DONE);
		assertThat(counts(f.admin().orgId())).isEqualTo(before);
	}

	@Test
	void anotherOrganisationsIdsMatchNothingOfItsOwn() throws IOException {
		Fixture f = fixture();
		Map<String, Long> before = counts(f.admin().orgId());
		CurrentUser other = ExchangeTestData.emptyOrganisation(organisations, port).admin();
		// An e-mail address is one user's across the installation, so the file names the other organisation's admin.
		Map<String, byte[]> files = entries(exportOf(export, f.admin()));
		files.replaceAll((name, content) -> new String(content, StandardCharsets.UTF_8).replace(f.admin().email(), other.email())
			.getBytes(StandardCharsets.UTF_8));
		ImportJob checked = check(other, zip(files), Duplicates.UPDATE);
		assertThat(checked.report().counts()).contains(new Count(EntityKind.ACCOUNTS, 2, 0, 0), new Count(EntityKind.CONTACTS, 1, 0, 0),
				new Count(EntityKind.DEALS, 1, 0, 0), new Count(EntityKind.PRODUCTS, 1, 0, 0), new Count(EntityKind.DEAL_LINES, 1, 0, 0));
		assertThat(run(other, checked).status()).isEqualTo(ImportStatus.DONE);

		assertThat(counts(f.admin().orgId())).isEqualTo(before);
		assertThat(counts(other.orgId())).isEqualTo(Map.of("crm_account", 2L, "crm_contact", 1L, "crm_deal", 1L, "crm_product", 1L,
				"crm_deal_line", 1L));
		assertThat(jdbc.sql("""
				select p.name || ' ' || p.code || ' ' || r.currency || ' ' || r.unit_price || ' ' || l.quantity::int || ' ' || l.unit_price
				       || ' ' || d.amount
				  from crm_deal_line l join crm_product p on p.org_id = l.org_id and p.id = l.product_id
				  join crm_product_price r on r.org_id = p.org_id and r.product_id = p.id
				  join crm_deal d on d.org_id = l.org_id and d.id = l.deal_id where l.org_id = :org
				""").param("org", other.orgId()).query(String.class).single()).isEqualTo("Widget W-1 EUR 100.00 120 100.00 12000.00");
		assertThat(jdbc.sql("select count(*) from crm_account where org_id = :org and id in (:ids)").param("org", other.orgId())
			.param("ids", List.of(f.globex(), f.initech().id())).query(Long.class).single()).isZero();
		// Exported again from there, the records keep the source ids they came with.
		assertThat(lines(entries(exportOf(export, other)).get("accounts.csv"))).anyMatch(l -> l.startsWith("SF-001,Globex,"))
			.anyMatch(l -> l.startsWith(f.initech().id() + ",Initech,"));
	}

	private ImportJob check(CurrentUser admin, byte[] zip, Duplicates duplicates) {
		ImportJob uploaded = imports.upload(admin, "export.zip", zip, null, null);
		ImportSettings s = uploaded.settings();
		imports.configure(admin, uploaded.id(), uploaded.version(),
				new ImportSettings(s.kind(), s.preset(), s.columns(), s.values(), s.dateOrder(), s.decimalMark(), duplicates));
		ImportJob checked = imports.check(admin, uploaded.id());
		assertThat(checked.runnable()).as(String.valueOf(checked.report())).isTrue();
		return checked;
	}

	private ImportJob run(CurrentUser admin, ImportJob checked) {
		imports.run(admin, checked.id());
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
			.until(() -> imports.get(admin, checked.id()).status() != ImportStatus.RUNNING
					&& imports.get(admin, checked.id()).status() != ImportStatus.CHECKED);
		return imports.get(admin, checked.id());
	}

	private Map<String, Long> counts(UUID orgId) {
		return jdbc.sql("""
				select (select count(*) from crm_account where org_id = :org) as accounts,
				       (select count(*) from crm_contact where org_id = :org) as contacts,
				       (select count(*) from crm_deal where org_id = :org) as deals,
				       (select count(*) from crm_product where org_id = :org) as products,
				       (select count(*) from crm_deal_line where org_id = :org) as lines
				""").param("org", orgId).query((rs, n) -> Map.of("crm_account", rs.getLong("accounts"), "crm_contact", rs.getLong("contacts"),
						"crm_deal", rs.getLong("deals"), "crm_product", rs.getLong("products"), "crm_deal_line", rs.getLong("lines"))).single();
	}

	private UUID widget(Fixture f) {
		return jdbc.sql("select id from crm_product where org_id = :org").param("org", f.admin().orgId()).query(UUID.class).single();
	}

	private static List<String> lines(byte[] csv) {
		return List.of(new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n"));
	}

	static byte[] zip(Map<String, byte[]> files) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}
}
