package dev.tandem.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import dev.tandem.platform.Period;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving out and in again: the demo organisation's full export (two years of history), imported into
 * an empty organisation of another installation, exports again to the same records; ids differ, so
 * they are compared by what they refer to. An organisation of the test's own, with a second pipeline,
 * goals and forecasts, shows the same figures there as here. Cells that look like formulas come back unchanged.
 */
@TandemIntegrationTest
class ExportRoundTripTests {

	private static final Pattern UUID_PATTERN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	private static final List<String> PRIMARY = List.of("products.csv", "accounts.csv", "contacts.csv", "deals.csv", "activities.csv", "leads.csv",
			"goals.csv", "forecast-submissions.csv", "forecast-snapshots.csv");

	@TempDir static Path dataDir;
	static ConfigurableApplicationContext elsewhere;

	@LocalServerPort int port;
	@Autowired ApplicationContext context;
	@Autowired ExportManagement export;
	@Autowired OrganisationManagement organisations;
	@Autowired AccountManagement accounts;
	@Autowired JdbcClient jdbc;

	@BeforeAll
	static void startSecondInstallation(@Autowired Clock clock) {
		elsewhere = SecondInstallation.start(dataDir, clock);
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
		// The playbook, goals and the forecast history move too (a line is the header).
		assertThat(before.get("stages.csv").size()).isGreaterThan(9);
		assertThat(before.get("goals.csv").size()).isGreaterThan(100);
		assertThat(before.get("goal-proposals.csv").size()).isGreaterThan(100);
		assertThat(before.get("forecast-submissions.csv").size()).isGreaterThan(100);
		assertThat(before.get("forecast-adjustments.csv").size()).isGreaterThan(1);
		assertThat(before.get("forecast-snapshots.csv").size()).isGreaterThan(26);
		assertThat(before.get("snapshot-forecasts.csv").size()).isGreaterThan(100);
		assertThat(before.get("snapshot-deals.csv").size()).isGreaterThan(100);

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
	void aSecondPipelineGoalsAndForecastsMoveWithTheirFiguresUnchanged() throws IOException {
		Org org = ExchangeTestData.emptyOrganisation(organisations, port);
		RoundTripOrganisation source = new RoundTripOrganisation(context, org.admin(), org.suffix()).build();
		Map<String, String> before = figures(org.api(), context.getBean(JdbcClient.class), org.admin(), source);
		// Worked out by hand in RoundTripOrganisation.
		assertThat(before).containsEntry("East won", "10000").containsEntry("East commit", "13000").containsEntry("East best case", "21000")
			.containsEntry("East roll-up commit", "14000").containsEntry("East roll-up best case", "22000")
			.containsEntry("East open commit", "6000").containsEntry("East open best case", "4000").containsEntry("East goal", "40000")
			.containsEntry("East members' goal", "20000").containsEntry("East gap", "27000")
			.containsEntry("Rosa commit", "14000").containsEntry("Rosa said", "15000").containsEntry("Rosa revision", "2")
			.containsEntry("Rosa adjusted", "14000").containsEntry("Ravi best case", "4000")
			.containsEntry("Rosa accuracy last month", "0.8").containsEntry("Rosa bias last month", "0.2")
			.containsEntry("Rosa goal WON_REVENUE", "20000 AGREED 0.5").containsEntry("East goal WON_REVENUE", "40000 AGREED 0.25")
			.containsEntry("Ravi goal NEW_PIPELINE", "100000 AWAITING_MANAGER 0.04").containsEntry("Rosa goal ACTIVITIES", "30 AGREED 0")
			.containsEntry("Rosa goal UNITS_SOLD", "20 AGREED 0")
			.containsEntry("Seats", "SEAT true EUR 500.00, USD 550.50").containsEntry("Support", "null true EUR 1500.00")
			.containsEntry("Legacy licence", "OLD-1 false ")
			.containsEntry("Acme renewal lines", "Seats 10 500.00 10.00, Support 1 1500.00 0.00")
			.containsEntry("Acme renewal amount", "6000.00")
			.containsEntry("Renewals", "Renewal due, Terms agreed, Renewed, Churned")
			.containsEntry("Renewals Terms agreed criteria", "Budget owner signed (ECONOMIC_BUYER), Legal reviewed")
			.containsEntry("New business Proposal criteria", "Budget confirmed, Decision process known, Champion found (CHAMPION)")
			.containsEntry("Acme renewal ticked", "Contract end date known, Legal reviewed")
			.containsEntry("Acme renewal stage", "Renewals: Terms agreed");
		byte[] zip = exportOf(export, org.admin());

		CurrentUser moved = SecondInstallation.openOrganisation(elsewhere, org.admin().email(), org.admin().displayName());
		ImportJob job = SecondInstallation.importFile(elsewhere.getBean(ImportManagement.class), moved, "export.zip", zip);
		assertThat(job.status()).as(String.valueOf(job.error())).isEqualTo(ImportStatus.DONE);
		JdbcClient there = elsewhere.getBean(JdbcClient.class);
		ApiClient api = ApiClient.as(Integer.parseInt(elsewhere.getEnvironment().getProperty("local.server.port")), org.admin().email(),
				ExchangeTestData.PASSWORD);
		assertThat(figures(api, there, moved, source)).isEqualTo(before);
		Map<String, List<String>> again = files(exportOf(elsewhere.getBean(ExportManagement.class), moved));
		Map<String, List<String>> first = files(zip);
		for (String file : first.keySet()) {
			assertThat(again.get(file)).as(file).containsExactlyElementsOf(first.get(file));
		}

		// Undone, the import takes its goals and forecast history with it; the playbook stays as it set it.
		assertThat(elsewhere.getBean(ImportManagement.class).undo(moved, job.id()).status()).isEqualTo(ImportStatus.UNDONE);
		for (String table : List.of("goals_goal", "goals_proposal", "forecast_submission", "forecast_adjustment", "forecast_snapshot",
				"forecast_snapshot_submission", "forecast_snapshot_deal", "crm_deal", "crm_deal_criterion", "crm_deal_line", "crm_product")) {
			assertThat(there.sql("select count(*) from " + table + " where org_id = :org").param("org", moved.orgId()).query(Long.class)
				.single()).as(table).isZero();
		}
		assertThat(there.sql("select name from playbook_pipeline where org_id = :org order by name").param("org", moved.orgId())
			.query(String.class).list()).containsExactly("New business", "Renewals");
	}

	/**
	 * What people see of the organisation, by name: forecast roll-ups, accuracy and goal attainment through the API,
	 * the playbook, where a deal stands and what is ticked on it. Ids are looked up by e-mail and name in the
	 * installation asked, so the same map comes out on both sides of a move.
	 */
	private static Map<String, String> figures(ApiClient api, JdbcClient jdbc, CurrentUser admin, RoundTripOrganisation org) {
		Map<String, String> figures = new LinkedHashMap<>();
		UUID rosa = id(jdbc, admin, "select id from people_user where org_id = :org and email = :name", org.rosa.email());
		UUID ravi = id(jdbc, admin, "select id from people_user where org_id = :org and email = :name", org.ravi.email());
		UUID east = id(jdbc, admin, "select id from people_team where org_id = :org and name = :name", "East");
		JsonNode team = api.get("/api/v1/forecast/teams/" + east + "?period=" + org.month.key()).json();
		figures.put("East won", amount(team.get("won")));
		figures.put("East commit", amount(team.get("commit")));
		figures.put("East best case", amount(team.get("bestCase")));
		figures.put("East roll-up commit", amount(team.get("rollup").get("commit")));
		figures.put("East roll-up best case", amount(team.get("rollup").get("bestCase")));
		figures.put("East open commit", amount(team.get("open").get("commit")));
		figures.put("East open best case", amount(team.get("open").get("bestCase")));
		figures.put("East goal", amount(team.get("goal")));
		figures.put("East members' goal", amount(team.get("membersGoal")));
		figures.put("East gap", amount(team.get("gap")));
		for (JsonNode child : team.get("children")) {
			String who = UUID.fromString(child.get("userId").asString()).equals(rosa) ? "Rosa" : "Ravi";
			figures.put(who + " commit", amount(child.get("commit")));
			figures.put(who + " best case", amount(child.get("bestCase")));
			if (!child.get("submitted").isNull()) {
				figures.put(who + " said", amount(child.get("submitted").get("commit")));
				figures.put(who + " revision", child.get("submitted").get("revision").asString());
				figures.put(who + " adjusted", amount(child.get("adjusted").get("commit")));
			}
		}
		JsonNode accuracy = api.get("/api/v1/forecast/accuracy?userId=" + rosa + "&kind=MONTH&count=1").json().get("periods").get(0);
		figures.put("Rosa accuracy last month", Math.round(accuracy.get("accuracy").asDouble() * 1000) / 1000.0 + "");
		figures.put("Rosa bias last month", Math.round(accuracy.get("bias").asDouble() * 1000) / 1000.0 + "");
		goals(figures, api, "Rosa", "/api/v1/insight/users/" + rosa + "/summary?period=" + org.month.key());
		goals(figures, api, "Rosa", "/api/v1/insight/users/" + rosa + "/summary?period="
				+ Period.containing(org.month.start(), Period.Kind.QUARTER, 1).key());
		goals(figures, api, "East", "/api/v1/insight/teams/" + east + "/summary?period=" + org.month.key());
		goals(figures, api, "Ravi", "/api/v1/insight/users/" + ravi + "/summary?period="
				+ Period.containing(org.month.start(), Period.Kind.YEAR, 1).key());
		jdbc.sql("""
				select p.name as pipeline, p.is_default, p.review_cadence_days, s.name, s.kind, s.win_probability, s.forecast_category,
				       s.gate_mode, s.guidance, s.min_stakeholders, s.requires_decision_maker,
				       (select string_agg(r.activity_type || ':' || r.min_count, ';' order by r.activity_type) from playbook_required_activity r
				         where r.org_id = s.org_id and r.stage_id = s.id) as required,
				       (select string_agg(c.label || coalesce(' (' || c.satisfied_by_role || ')', ''), ', ' order by c.position)
				          from playbook_exit_criterion c where c.org_id = s.org_id and c.stage_id = s.id) as criteria
				  from playbook_stage s join playbook_pipeline p on p.org_id = s.org_id and p.id = s.pipeline_id
				 where s.org_id = :org order by p.name, s.position
				""").param("org", admin.orgId()).query(rs -> {
			String pipeline = rs.getString("pipeline");
			figures.merge(pipeline, rs.getString("name"), (a, b) -> a + ", " + b);
			figures.put(pipeline + " " + rs.getString("name"), String.join(" ", rs.getString("kind"), rs.getString("win_probability"),
					rs.getString("forecast_category"), rs.getString("gate_mode"), rs.getString("min_stakeholders"),
					rs.getString("requires_decision_maker"), String.valueOf(rs.getString("required")), rs.getString("guidance"),
					rs.getString("is_default"), rs.getString("review_cadence_days")));
			if (rs.getString("criteria") != null) {
				figures.put(pipeline + " " + rs.getString("name") + " criteria", rs.getString("criteria"));
			}
		});
		jdbc.sql("""
				select p.name, p.code, p.active,
				       coalesce((select string_agg(r.currency || ' ' || r.unit_price, ', ' order by r.currency) from crm_product_price r
				                  where r.org_id = p.org_id and r.product_id = p.id), '') as prices
				  from crm_product p where p.org_id = :org
				""").param("org", admin.orgId()).query(rs -> {
			figures.put(rs.getString("name"), rs.getString("code") + " " + rs.getBoolean("active") + " " + rs.getString("prices"));
		});
		jdbc.sql("""
				select d.title, d.amount, string_agg(p.name || ' ' || trim(trailing '.' from trim(trailing '0' from l.quantity::text)) || ' '
				       || l.unit_price || ' ' || l.discount_pct, ', ' order by l.position) as lines
				  from crm_deal_line l join crm_deal d on d.org_id = l.org_id and d.id = l.deal_id
				  join crm_product p on p.org_id = l.org_id and p.id = l.product_id
				 where l.org_id = :org group by d.title, d.amount
				""").param("org", admin.orgId()).query(rs -> {
			figures.put(rs.getString("title") + " lines", rs.getString("lines"));
			figures.put(rs.getString("title") + " amount", rs.getBigDecimal("amount").toPlainString());
		});
		jdbc.sql("""
				select d.title, p.name || ': ' || s.name as stage,
				       (select string_agg(c.label, ', ' order by c.label) from crm_deal_criterion t
				          join playbook_exit_criterion c on c.org_id = t.org_id and c.id = t.criterion_id
				         where t.org_id = d.org_id and t.deal_id = d.id) as ticked
				  from crm_deal d join playbook_stage s on s.org_id = d.org_id and s.id = d.stage_id
				  join playbook_pipeline p on p.org_id = d.org_id and p.id = d.pipeline_id
				 where d.org_id = :org
				""").param("org", admin.orgId()).query(rs -> {
			figures.put(rs.getString("title") + " stage", rs.getString("stage"));
			if (rs.getString("ticked") != null) {
				figures.put(rs.getString("title") + " ticked", rs.getString("ticked"));
			}
		});
		return figures;
	}

	private static void goals(Map<String, String> figures, ApiClient api, String who, String path) {
		for (JsonNode goal : api.get(path).json().get("goals")) {
			figures.put(who + " goal " + goal.get("metric").asString(), amount(goal.get("target")) + " " + goal.get("status").asString() + " "
					+ BigDecimal.valueOf(goal.get("attainment").asDouble()).stripTrailingZeros().toPlainString());
		}
	}

	private static String amount(JsonNode node) {
		return node.decimalValue().stripTrailingZeros().toPlainString();
	}

	private static UUID id(JdbcClient jdbc, CurrentUser admin, String sql, String name) {
		return jdbc.sql(sql).param("org", admin.orgId()).param("name", name).query(UUID.class).single();
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
