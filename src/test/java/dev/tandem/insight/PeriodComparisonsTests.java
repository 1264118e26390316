package dev.tandem.insight;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.BulkLoadRows;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Ids;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import dev.tandem.support.ApiClient;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.TestClock;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparisons of a dashboard on a fixture worked out by hand, on the pinned day ({@value TestClock#PINNED}: the
 * 18th day of November 2026).
 * <p>
 * Rhea won 500 on 12 March 2024 (the organisation's first record), 300 on 28 October 2025, 600 on 10 November 2025, 700
 * on 20 November 2025, 1,000 on 5 October 2026, 2,000 on 25 October 2026 and 1,500 on 3 November 2026.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodComparisonsTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired PlaybookManagement playbook;
	@Autowired BulkLoad bulkLoad;
	@Autowired PersonDashboards dashboards;

	CurrentUser admin;
	UUID rhea;
	String email;

	@BeforeAll
	void buildFixture() {
		String domain = "periods-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		admin = organisations.open(new NewOrganisation("Periods " + domain, "Europe/Amsterdam", "EUR", "en", 1), "admin@" + domain,
				"Admin", "admin-password");
		email = "rhea@" + domain;
		rhea = users.create(admin, new NewUser(email, "Rhea", Role.REP, "en", "password-1", List.of())).user().id();
		Pipeline pipeline = playbook.defaultPipeline(admin.orgId());
		Stage first = pipeline.openStages().get(0);
		Stage won = pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
		UUID account = Ids.next();
		List<BulkLoadRows.AccountRow> accounts = List.of(new BulkLoadRows.AccountRow(account, "Account", null, null, null, null, rhea,
				Instant.parse("2024-03-01T09:00:00Z")));
		List<BulkLoadRows.DealRow> deals = new ArrayList<>();
		List<BulkLoadRows.StageChangeRow> changes = new ArrayList<>();
		Map.of("2024-03-12", "500", "2025-10-28", "300", "2025-11-10", "600", "2025-11-20", "700", "2026-10-05", "1000",
				"2026-10-25", "2000", "2026-11-03", "1500").forEach((day, amount) -> {
			UUID id = Ids.next();
			Instant created = Instant.parse(day + "T08:00:00Z").minusSeconds(86400);
			Instant closed = Instant.parse(day + "T10:00:00Z");
			changes.add(new BulkLoadRows.StageChangeRow(id, null, first.id(), created, rhea));
			changes.add(new BulkLoadRows.StageChangeRow(id, first.id(), won.id(), closed, rhea));
			deals.add(new BulkLoadRows.DealRow(id, account, rhea, "Deal " + day, new BigDecimal(amount), LocalDate.parse(day),
					pipeline.id(), won.id(), DealStatus.WON, ForecastCategory.CLOSED, false, null, null, DealSource.OUTBOUND, null, null,
					closed, closed, null, null, created, closed));
		});
		bulkLoad.load(admin.orgId(), new BulkLoad.Batch("periods", accounts, List.of(), deals, changes, List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of()));
	}

	@Test
	void aRunningMonthComparesTheDaysSoFarWithTheSameDaysBefore() {
		JsonNode summary = api().get("/api/v1/insight/users/" + rhea + "/summary?period=2026-11").json();
		assertThat(summary.get("wonRevenue").decimalValue()).isEqualByComparingTo("1500");
		// 1-18 October 2026: only the 1,000 of 5 October; 1-18 November 2025: only the 600 of 10 November.
		assertThat(summary.get("previous").get("from").asString()).isEqualTo("2026-10-01");
		assertThat(summary.get("previous").get("to").asString()).isEqualTo("2026-10-18");
		assertThat(summary.get("previous").get("wonRevenue").decimalValue()).isEqualByComparingTo("1000");
		assertThat(summary.get("yearEarlier").get("to").asString()).isEqualTo("2025-11-18");
		assertThat(summary.get("yearEarlier").get("wonRevenue").decimalValue()).isEqualByComparingTo("600");
	}

	@Test
	void theDashboardLabelsTheLikeForLikeComparisonWithAndWithoutHtmx() {
		for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("HX-Request", "true"))) {
			HttpResponse<String> page = web().get("/insight/people/" + rhea + "?period=2026-11", headers);
			assertThat(page.statusCode()).isEqualTo(200);
			// 1,500 against 1,000 is +50%; against 600 it is +150%.
			assertThat(page.body()).as(headers.toString()).contains("1–18 Nov 2026 so far", "+50%", "vs 1–18 Oct 2026", "+150%",
				"vs 1–18 Nov 2025").doesNotContain("−100%");
		}
	}

	@Test
	void aFinishedMonthComparesWholeMonths() {
		HttpResponse<String> page = web().get("/insight/people/" + rhea + "?period=2026-10");
		// October 2026: 3,000; September 2026 had nothing (a dash); October 2025 had 300: +900%.
		assertThat(page.body()).contains("vs September 2026", "+900%", "vs October 2025").doesNotContain("so far");
		JsonNode nov2025 = api().get("/api/v1/insight/users/" + rhea + "/summary?period=2025-11").json();
		// November 2025 whole (600 + 700) against October 2025 whole (300).
		assertThat(nov2025.get("wonRevenue").decimalValue()).isEqualByComparingTo("1300");
		assertThat(nov2025.get("previous").get("wonRevenue").decimalValue()).isEqualByComparingTo("300");
	}

	@Test
	void inYearViewThePreviousYearAndTheYearBeforeAreDifferentNumbers() {
		HttpResponse<String> page = web().get("/insight/people/" + rhea + "?period=2026");
		// 2026 so far: 4,500; 1 Jan - 18 Nov 2025: 300 + 600 = 900 (+400%); 1 Jan - 18 Nov 2024: 500 (+800%).
		assertThat(page.body()).contains("+400%", "vs 1 Jan – 18 Nov 2025", "+800%", "vs 1 Jan – 18 Nov 2024");
	}

	@Test
	void theTrendStartsWithTheYearOfTheFirstRecord() {
		PersonView year = dashboards.person(admin, rhea, Period.parse("2026", 1, "period"));
		assertThat(year.trend()).extracting(p -> p.period().key()).containsExactly("2024", "2025", "2026");
		PersonView month = dashboards.person(admin, rhea, Period.parse("2026-11", 1, "period"));
		assertThat(month.trend()).hasSize(6);
	}

	@Test
	void aPastPeriodSaysItsHygieneIsAsOfToday() {
		assertThat(web().get("/insight/people/" + rhea + "?period=2026-10").body()).contains("as of today",
				"As of today, not as of the end of October 2026");
		assertThat(web().get("/insight/people/" + rhea + "?period=2026-11").body()).doesNotContain("as of today");
	}

	private ApiClient api() {
		return ApiClient.as(port, email, "password-1");
	}

	private WebSession web() {
		return WebSession.signedIn(port, email, "password-1");
	}
}
