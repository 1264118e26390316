package dev.tandem.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.tandem.crm.RecycleBin;
import dev.tandem.exchange.ExchangeTestData.Org;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TableOwner;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects the data: the dry run lists every bad row and writes nothing, a row the database
 * refuses mid-way leaves nothing behind, an import is undone as a whole, duplicates are skipped or
 * updated (and the update undone), limits are named, and only an admin of the organisation imports.
 */
@TandemIntegrationTest
class ImportRulesTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired JdbcClient jdbc;
	@Autowired RecycleBin bin;
	@Autowired Clock clock;
	@Autowired DataSource dataSource;

	Org org;

	@BeforeEach
	void organisationWithRoster() {
		org = ExchangeTestData.emptyOrganisation(organisations, port);
		JsonNode roster = org.upload("roster.csv", org.fixture("roster.csv"));
		org.check(roster.get("id").asString());
		assertThat(org.run(roster.get("id").asString()).get("status").asString()).isEqualTo("DONE");
	}

	@Test
	void theDryRunListsEveryBadRowWithColumnValueAndRuleAndWritesNothing() {
		JsonNode job = org.upload("bad-deals.csv", org.fixture("bad-deals.csv"));
		JsonNode report = org.check(job.get("id").asString()).get("report");
		assertThat(report.get("ready").asBoolean()).isFalse();
		assertThat(report.get("problems").valueStream()
			.map(p -> p.get("row").asInt() + "|" + p.get("column").asString() + "|" + p.get("value").asString() + "|" + p.get("message").asString())
			.toList()).containsExactly(
				"3|Opportunity Name||Required, but empty.",
				"4|Account Name||Required, but empty.",
				"5|Amount|twelve|Not an amount Tandem can read.",
				"6|Close Date|31 February|Not a date Tandem can read.",
				"7|Close Date||A won or lost deal needs its close date.",
				"8|Amount|-50|Must not be negative.",
				"9|Opportunity ID|B1|The same record stands on an earlier row of the file.");
		assertThat(report.get("unmatched").valueStream().map(u -> u.get("category").asString() + ":" + u.get("value").asString()))
			.containsExactly("stage:Prospecting", "stage:Verbal yes", "owner:Nobody Known");
		assertThat(count("crm_deal")).isZero();
		assertThat(count("crm_account")).isZero();
		ApiClient.Response run = org.api().post("/api/v1/imports/" + job.get("id").asString() + "/run", "");
		assertThat(run.status()).isEqualTo(400);
		assertThat(run.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
	}

	@Test
	void theDryRunSpeaksTheReadersLanguage() {
		JsonNode job = org.upload("bad-deals.csv", org.fixture("bad-deals.csv"));
		org.check(job.get("id").asString());
		JsonNode dutch = org.api().language("nl").get("/api/v1/imports/" + job.get("id").asString()).json();
		assertThat(dutch.get("report").get("problems").get(0).get("message").asString()).isEqualTo("Verplicht, maar leeg.");
	}

	@Test
	void theDryRunOfAFullExportNamesWhatIsWrongWithItsPlaybookGoalsAndForecastsInTheReadersLanguage() throws java.io.IOException {
		String sanne = "sanne@" + org.suffix() + ".import.test";
		byte[] zip = ExchangeTestData.zip(Map.of(
				"pipelines.csv", "name,default,reviewCadenceDays\nRenewals,yes,400\nUpsell,maybe,\nExpansion,no,14\n",
				"stages.csv", "pipeline,name,kind,winProbability,requiredActivities\nRenewals,Due,OPEN,120,CALL:1\n"
						+ "Renewals,Done,WINNING,100,\nRenewals,Check,OPEN,10,CALL:0\nUpsell,Pitch,OPEN,30,\nUpsell,Won,WON,100,\n"
						+ "Upsell,Lost,LOST,0,\nExpansion,Explore,OPEN,20,\nNowhere,Start,OPEN,10,\n",
				"exit-criteria.csv", "pipeline,stage,label,satisfiedBy\nUpsell,Nowhere,Budget known,\nUpsell,Pitch,Champion,HERO\n",
				"goals.csv", "person,team,metric,periodKind,periodStart,target\n" + sanne + ",,WON_REVENUE,QUARTER,2026-11-01,1000\n"
						+ sanne + ",Benelux,WON_REVENUE,MONTH,2026-11-01,1000\n" + sanne + ",,WON_DEALS,MONTH,2026-11-01,2.5\n"
						+ sanne + ",,UNITS_SOLD,MONTH,2026-11-01,10\n",
				"forecast-submissions.csv", "person,periodKind,periodStart,commit,bestCase,submittedBy,submittedAt\n"
						+ sanne + ",MONTH,2026-11-01,5000,4000," + sanne + ",2026-11-02T09:00:00Z\n"));
		JsonNode job = org.upload("export.zip", zip);
		JsonNode report = org.check(job.get("id").asString()).get("report");
		assertThat(report.get("ready").asBoolean()).isFalse();
		assertThat(report.get("problems").valueStream().map(p -> p.get("sheet").asString() + "|" + p.get("row").asInt() + "|"
				+ p.get("column").asString() + "|" + p.get("value").asString() + "|" + p.get("message").asString()).toList())
			.containsExactlyInAnyOrder(
				"pipelines.csv|2|reviewCadenceDays|400|Must be between 1 and 365.",
				"pipelines.csv|3|default|maybe|Must be yes or no.",
				"pipelines.csv|4|name|Expansion|A pipeline needs at least one open stage, one won stage and one lost stage.",
				"stages.csv|2|winProbability|120|Must be between 0 and 100.",
				"stages.csv|3|kind|WINNING|Must be one of OPEN, WON, LOST.",
				"stages.csv|4|requiredActivities|CALL:0|Must be activity types with how many a deal needs, e.g. CALL:1;DEMO:2; "
						+ "each type once, 1 to 100 of it. Types: CALL, EMAIL, MEETING, DEMO, PROPOSAL, SOCIAL, NOTE, TASK.",
				"stages.csv|9|pipeline|Nowhere|Refers to a record that is neither in Tandem nor in this import.",
				"exit-criteria.csv|2|stage|Nowhere|Refers to a record that is neither in Tandem nor in this import.",
				"exit-criteria.csv|3|satisfiedBy|HERO|Must be one of DECISION_MAKER, ECONOMIC_BUYER, INFLUENCER, CHAMPION, USER, "
						+ "GATEKEEPER, BLOCKER.",
				"goals.csv|2|periodStart|2026-11-01|Must be the first day of a period of this kind in the organisation's fiscal "
						+ "calendar, whose year starts in month 1.",
				"goals.csv|3|person|" + sanne + "|Name either a person or a team.",
				"goals.csv|4|target|2.5|Must be a whole number for a goal that counts.",
				"goals.csv|5|product||A goal on units sold names the product it counts.",
				"forecast-submissions.csv|2|bestCase|4000|Must not be below the commit.");
		assertThat(count("playbook_pipeline")).isEqualTo(1);
		JsonNode dutch = org.api().language("nl").get("/api/v1/imports/" + job.get("id").asString()).json();
		assertThat(dutch.get("report").get("problems").valueStream().map(p -> p.get("message").asString()))
			.contains("Moet tussen 1 en 365 liggen.", "Noem een persoon of een team, niet allebei en niet geen van beide.",
					"Mag niet lager zijn dan de commit.",
					"Een pijplijn heeft minstens één open fase, één gewonnen fase en één verloren fase nodig.");
	}

	@Test
	void aRowTheDatabaseRefusesMidWayLeavesNothingBehind() {
		String activities = "Type,Subject,Owner,Date,Account\n"
				+ "Call,First call,Sanne Imported,2024-03-01,Mid Way Ltd\n"
				+ "Call,Second call,Sanne Imported,2024-03-02,Mid Way Ltd\n"
				+ "Meeting,REFUSE ME,Sanne Imported,2024-03-03,Mid Way Ltd\n";
		JsonNode job = org.upload("activities.csv", activities.getBytes(StandardCharsets.UTF_8));
		assertThat(org.check(job.get("id").asString()).get("report").get("ready").asBoolean()).isTrue();
		// The database refuses the last row while the accounts and the first rows are already written.
		JdbcClient owner = TableOwner.of(dataSource);
		owner.sql("""
				create or replace function test_refuse_activity() returns trigger language plpgsql as $$
				begin if new.subject = 'REFUSE ME' then raise exception 'refused for the test'; end if; return new; end $$
				""").update();
		owner.sql("create trigger test_refuse_activity before insert on crm_activity for each row execute function test_refuse_activity()").update();
		try {
			JsonNode done = org.run(job.get("id").asString());
			assertThat(done.get("status").asString()).isEqualTo("FAILED");
			assertThat(done.get("error").asString()).isEqualTo("Something went wrong while writing; nothing was written.");
		}
		finally {
			owner.sql("drop trigger test_refuse_activity on crm_activity").update();
		}
		assertThat(count("crm_activity")).isZero();
		assertThat(count("crm_account")).isZero();
		assertThat(jdbc.sql("select count(*) from exchange_import_record where org_id = :org and import_id = :id")
			.param("org", org.admin().orgId()).param("id", UUID.fromString(job.get("id").asString())).query(Long.class).single()).isZero();
	}

	@Test
	void anImportIsUndoneAsAWholeAndCanThenBeImportedAgain() {
		String id = importPipedrive();
		assertThat(count("crm_deal")).isEqualTo(3);
		assertThat(count("crm_deal_stage_history")).isEqualTo(5);
		JsonNode undone = org.api().post("/api/v1/imports/" + id + "/undo", "").json();
		assertThat(undone.get("status").asString()).isEqualTo("UNDONE");
		assertThat(count("crm_deal")).isZero();
		assertThat(count("crm_account")).isZero();
		assertThat(count("crm_deal_stage_history")).isZero();
		// The source ids are forgotten with it, so the same file imports again.
		assertThat(importPipedrive()).isNotEqualTo(id);
		assertThat(count("crm_deal")).isEqualTo(3);
	}

	@Test
	void duplicatesAreSkippedOrUpdatedAndAnUpdateIsUndoneToWhatItWas() {
		importPipedrive();
		String changed = new String(org.fixture("pipedrive-deals.csv"), StandardCharsets.UTF_8).replace("30500", "31000");
		JsonNode skip = org.upload("pipedrive-deals.csv", changed.getBytes(StandardCharsets.UTF_8));
		JsonNode skipped = org.check(skip.get("id").asString());
		assertThat(skipped.get("report").get("skipped").asInt()).as(skipped.toString()).isEqualTo(3);
		JsonNode update = org.upload("pipedrive-deals.csv", changed.getBytes(StandardCharsets.UTF_8));
		JsonNode checked = org.check(update.get("id").asString());
		JsonNode mapped = checked;
		String body = ExchangeTestData.json(Map.of("version", mapped.get("version").asInt(), "kind", "DEALS", "preset", "PIPEDRIVE",
				"columns", new tools.jackson.databind.ObjectMapper().convertValue(mapped.get("settings").get("columns"), Map.class),
				"values", new tools.jackson.databind.ObjectMapper().convertValue(mapped.get("settings").get("values"), Map.class),
				"duplicates", "UPDATE"));
		assertThat(org.api().put("/api/v1/imports/" + update.get("id").asString() + "/mapping", body).status()).isEqualTo(200);
		JsonNode report = org.check(update.get("id").asString()).get("report");
		assertThat(report.get("updated").asInt()).isEqualTo(3);
		assertThat(org.run(update.get("id").asString()).get("status").asString()).isEqualTo("DONE");
		assertThat(amount("Heat pumps")).isEqualTo("31000.00");
		org.api().post("/api/v1/imports/" + update.get("id").asString() + "/undo", "");
		assertThat(amount("Heat pumps")).isEqualTo("30500.00");
		assertThat(count("crm_deal")).isEqualTo(3);
	}

	@Test
	void aRecordInTheRecycleBinIsNamedWhenItsFileComesAgainAndOnePurgedFromItIsMadeAnew() {
		byte[] accounts = "id,name\nX1,Bin Co\nX2,Stay Co\n".getBytes(StandardCharsets.UTF_8);
		String first = org.upload("accounts.csv", accounts).get("id").asString();
		org.check(first);
		assertThat(org.run(first).get("status").asString()).isEqualTo("DONE");
		String binCo = accountId("Bin Co");
		assertThat(org.api().delete("/api/v1/accounts/" + binCo).status()).isEqualTo(204);

		// In the bin: the row names it, in the reader's language, and nothing is written.
		JsonNode again = org.upload("accounts.csv", accounts);
		JsonNode report = org.check(again.get("id").asString()).get("report");
		assertThat(report.get("ready").asBoolean()).isFalse();
		assertThat(report.get("problems").valueStream()
			.map(p -> p.get("row").asInt() + "|" + p.get("column").asString() + "|" + p.get("value").asString() + "|" + p.get("message").asString())
			.toList()).containsExactly("2|id|X1|This record is in the recycle bin: restore it there first, or leave this row out.");
		assertThat(org.api().language("nl").get("/api/v1/imports/" + again.get("id").asString()).json().get("report").get("problems")
			.get(0).get("message").asString()).isEqualTo("Dit record staat in de prullenbak: zet het daar eerst terug, of laat deze regel weg.");

		// Restored, it is recognised again.
		assertThat(org.api().post("/api/v1/recycle-bin/ACCOUNT/" + binCo + "/restore", "").status()).isEqualTo(204);
		JsonNode restored = org.check(org.upload("accounts.csv", accounts).get("id").asString()).get("report");
		assertThat(restored.get("ready").asBoolean()).as(restored.toString()).isTrue();
		assertThat(restored.get("created").asInt()).isZero();
		assertThat(restored.get("skipped").asInt()).isEqualTo(2);

		// Purged for good, the row makes it anew, and the import after that recognises the new one.
		assertThat(org.api().delete("/api/v1/accounts/" + binCo).status()).isEqualTo(204);
		assertThat(bin.purgeExpired(org.admin().orgId(), clock.instant().plus(Duration.ofDays(31)))).isEqualTo(1);
		JsonNode afterPurge = org.upload("accounts.csv", accounts);
		JsonNode purgedReport = org.check(afterPurge.get("id").asString()).get("report");
		assertThat(purgedReport.get("created").asInt()).as(purgedReport.toString()).isEqualTo(1);
		assertThat(purgedReport.get("skipped").asInt()).isEqualTo(1);
		assertThat(org.run(afterPurge.get("id").asString()).get("status").asString()).isEqualTo("DONE");
		String madeAnew = accountId("Bin Co");
		assertThat(madeAnew).isNotEqualTo(binCo);
		JsonNode next = org.check(org.upload("accounts.csv", accounts).get("id").asString()).get("report");
		assertThat(next.get("created").asInt()).as(next.toString()).isZero();
		assertThat(next.get("skipped").asInt()).isEqualTo(2);
		assertThat(count("crm_account")).isEqualTo(2);
	}

	private String accountId(String name) {
		return jdbc.sql("select id::text from crm_account where org_id = :org and name = :name and deleted_at is null")
			.param("org", org.admin().orgId()).param("name", name).query(String.class).single();
	}

	@Test
	void aFileOverTheRowLimitIsRefusedWithTheLimitNamed() {
		StringBuilder csv = new StringBuilder("Name\n");
		for (int i = 0; i <= 200_000; i++) {
			csv.append("Account ").append(i).append('\n');
		}
		ApiClient.Response response = ExchangeTestData.upload(port, org.api().token(), "accounts.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), "?kind=ACCOUNTS");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("message").asString())
			.isEqualTo("The file has more than 200,000 rows, the most one import takes. Split it into smaller files.");
	}

	@Test
	void aZipBombIsRefusedWithTheLimitNamedWithoutUnpackingIt() throws java.io.IOException {
		// 400 MB of one letter packs to well under a megabyte; the server stops reading at a hundred times that.
		java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(packed)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("accounts.csv"));
			byte[] row = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
			for (int i = 0; i < 400; i++) {
				zip.write(row);
			}
			zip.closeEntry();
		}
		assertThat(packed.size()).isLessThan(2 * 1024 * 1024);
		ApiClient.Response response = ExchangeTestData.upload(port, org.api().token(), "export.zip", packed.toByteArray(), "");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(response.json().get("errors").get(0).get("message").asString())
			.isEqualTo("The ZIP unpacks to more than 100 times its own size, which no export does; it is refused as a possible ZIP bomb.");
	}

	@Test
	void aBuyingGroupFileOnItsOwnIsTakenAndAKindOnlyAFullExportHoldsIsRefused() {
		byte[] groups = ("dealId,contactId,role\n" + UUID.randomUUID() + "," + UUID.randomUUID() + ",DECISION_MAKER\n")
			.getBytes(StandardCharsets.UTF_8);
		ApiClient.Response uploaded = ExchangeTestData.upload(port, org.api().token(), "buying-groups.csv", groups, "");
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		assertThat(uploaded.json().get("kind").asString()).isEqualTo("STAKEHOLDERS");
		assertThat(org.check(uploaded.json().get("id").asString()).get("report").get("ready").asBoolean())
			.as("a buying group of a deal that does not exist").isFalse();
		ApiClient.Response pipelines = ExchangeTestData.upload(port, org.api().token(), "stages.csv",
				"pipeline,name\nNew business,Won\n".getBytes(StandardCharsets.UTF_8), "?kind=STAGES");
		assertThat(pipelines.status()).as(pipelines.body()).isEqualTo(400);
		assertThat(pipelines.json().get("errors").findValuesAsString("field")).containsExactly("kind");
	}

	@Test
	void onlyAnAdminOfTheOrganisationImports() {
		String id = importPipedrive();
		for (String email : List.of(Demo.REP, Demo.MANAGER, Demo.EXECUTIVE)) {
			ApiClient other = ApiClient.as(port, email, Demo.PASSWORD);
			assertThat(other.get("/api/v1/imports").status()).as(email).isEqualTo(403);
			assertThat(ExchangeTestData.upload(port, other.token(), "x.csv", "Name\nA\n".getBytes(StandardCharsets.UTF_8), "?kind=ACCOUNTS")
				.status()).as(email).isEqualTo(403);
			assertThat(other.get("/api/v1/export").status()).as(email).isEqualTo(403);
		}
		ApiClient otherAdmin = ApiClient.as(port, Demo.ADMIN, Demo.PASSWORD);
		assertThat(otherAdmin.get("/api/v1/imports/" + id).status()).isEqualTo(404);
		assertThat(otherAdmin.post("/api/v1/imports/" + id + "/undo", "").status()).isEqualTo(404);
		assertThat(otherAdmin.get("/api/v1/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(otherAdmin.get("/api/v1/imports").json().get("items").valueStream()
			.noneMatch(i -> i.get("id").asString().equals(id))).isTrue();
		assertThat(ApiClient.anonymous(port).get("/api/v1/imports").status()).isEqualTo(401);
	}

	private String importPipedrive() {
		JsonNode job = org.upload("pipedrive-deals.csv", org.fixture("pipedrive-deals.csv"));
		JsonNode checked = org.check(job.get("id").asString());
		if (!checked.get("report").get("ready").asBoolean()) {
			String proposal = stageId("Proposal");
			checked = org.check(org.mapValues(checked, Map.of("stage", Map.of("Proposal Made", proposal, "Qualified", stageId("Needs analysis"),
					"Negotiations Started", stageId("Negotiation")))).get("id").asString());
		}
		assertThat(checked.get("report").get("ready").asBoolean()).as(checked.toString()).isTrue();
		assertThat(org.run(job.get("id").asString()).get("status").asString()).isEqualTo("DONE");
		return job.get("id").asString();
	}

	private String stageId(String name) {
		return jdbc.sql("select id from playbook_stage where org_id = :org and name = :name").param("org", org.admin().orgId())
			.param("name", name).query(UUID.class).single().toString();
	}

	private String amount(String title) {
		return jdbc.sql("select amount::text from crm_deal where org_id = :org and title = :title").param("org", org.admin().orgId())
			.param("title", title).query(String.class).single();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table + " where org_id = :org").param("org", org.admin().orgId()).query(Long.class).single();
	}
}
