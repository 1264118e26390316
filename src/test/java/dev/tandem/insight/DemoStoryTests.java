package dev.tandem.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.crm.Deal;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.HygieneFlag;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.GoalStatus;
import dev.tandem.goals.Scope;
import dev.tandem.insight.persistence.HygieneQueries;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo organisation tells the seeds' story, and the hygiene flags of the deal pages and of the dashboards
 * are the same flags. {@link DemoStoryOnNewYearsDayTests} tells it again on the first day of a month, a quarter and a year.
 */
@TandemIntegrationTest
class DemoStoryTests {

	@Autowired JdbcClient jdbc;
	@Autowired TeamDashboards teamDashboards;
	@Autowired GoalManagement goals;
	@Autowired DealManagement deals;
	@Autowired PlaybookManagement playbook;
	@Autowired HygieneQueries hygiene;
	@Autowired Visibility visibility;
	@Autowired java.time.Clock clock;
	@Autowired org.springframework.context.ApplicationContext context;

	@Test
	void twoYearsOfHistoryWithEnoughDealsAndActivities() {
		long deals = count("select count(*) from crm_deal d join people_user u on u.org_id = d.org_id and u.id = d.owner_id "
				+ "where u.email like '%@northwind.demo'");
		long activities = count("select count(*) from crm_activity a join people_user u on u.org_id = a.org_id and u.id = a.owner_id "
				+ "where u.email like '%@northwind.demo'");
		assertThat(deals).isGreaterThanOrEqualTo(5_000);
		assertThat(activities).isGreaterThanOrEqualTo(100_000);
		assertThat(count("select count(*) from crm_lead_assignment")).isGreaterThanOrEqualTo(1_000);
		assertThat(count("select count(distinct channel) from crm_activity")).isEqualTo(dev.tandem.crm.Channel.values().length);
	}

	@Test
	void liamIsInSustainedUnderPerformanceAndSannesFocusIsClosing() {
		CurrentUser brigitte = Demo.user(jdbc, Demo.MANAGER);
		Period month = Period.containing(visibility.today(brigitte.orgId()), Period.Kind.MONTH, 1);
		TeamView team = teamDashboards.team(brigitte, Demo.teamId(jdbc, "Inside Sales"), month);
		Map<String, PersonRow> rows = team.people().stream().collect(Collectors.toMap(PersonRow::name, r -> r));
		assertThat(rows.get("Liam Mulder").signal()).isEqualTo(Signal.SUSTAINED);
		assertThat(rows.values().stream().filter(r -> r.signal() == Signal.SUSTAINED).map(PersonRow::name))
			.containsExactly("Liam Mulder");
		CoachingFocus sanne = rows.get("Sanne Bakker").focus();
		assertThat(sanne).isNotNull();
		assertThat(sanne.stage()).isIn("Proposal", "Negotiation");
		assertThat(sanne.gapPoints()).isGreaterThan(15);
		assertThat(sanne.strongStage()).isNotNull();
	}

	@Test
	void twoGoalsOfTheRunningMonthWaitForAnAnswer() {
		CurrentUser brigitte = Demo.user(jdbc, Demo.MANAGER);
		Period month = Period.containing(visibility.today(brigitte.orgId()), Period.Kind.MONTH, 1);
		UUID noah = Demo.userId(jdbc, "noah@northwind.demo");
		UUID julia = Demo.userId(jdbc, "julia@northwind.demo");
		var open = goals.goals(brigitte, List.of(Scope.user(noah), Scope.user(julia)), month).stream()
			.filter(g -> g.metric() == GoalMetric.WON_REVENUE).collect(Collectors.toMap(g -> g.scope().id(), g -> g.status()));
		assertThat(open).containsEntry(noah, GoalStatus.AWAITING_MANAGER).containsEntry(julia, GoalStatus.AWAITING_OWNER);
	}

	@Test
	void theDashboardsFlagAnOpenDealExactlyAsItsDealPageDoes() {
		CurrentUser admin = Demo.user(jdbc, Demo.ADMIN);
		LocalDate today = visibility.today(admin.orgId());
		Pipeline pipeline = playbook.defaultPipeline(admin.orgId());
		Map<UUID, HygieneQueries.DealFlags> flags = hygiene.openDeals(admin.orgId(), Scope.team(Demo.teamId(jdbc, "Northwind Sales")), today,
				java.time.ZoneId.of("Europe/Amsterdam"), Deal.STALE_AFTER_DAYS).stream()
			.collect(Collectors.toMap(HygieneQueries.DealFlags::dealId, f -> f));
		List<Deal> open = deals.board(admin, pipeline.id(), null);
		assertThat(open).hasSizeGreaterThan(200);
		int compared = 0;
		for (Deal deal : open) {
			HygieneQueries.DealFlags sql = flags.get(deal.id());
			if (sql == null) {
				continue;
			}
			List<HygieneFlag> java = deals.hygiene(admin, deal, pipeline);
			assertThat(sql.closeDatePast()).as(deal.title()).isEqualTo(java.contains(HygieneFlag.CLOSE_DATE_PAST));
			assertThat(sql.noCloseDate()).as(deal.title()).isEqualTo(java.contains(HygieneFlag.NO_CLOSE_DATE));
			assertThat(sql.noRecentActivity()).as(deal.title()).isEqualTo(java.contains(HygieneFlag.NO_RECENT_ACTIVITY));
			assertThat(sql.noNextStep()).as(deal.title()).isEqualTo(java.contains(HygieneFlag.NO_NEXT_STEP));
			assertThat(sql.noAmount()).as(deal.title()).isEqualTo(java.contains(HygieneFlag.NO_AMOUNT));
			assertThat(sql.reviewOverdue()).as(deal.title()).isEqualTo(java.contains(HygieneFlag.REVIEW_OVERDUE));
			compared++;
		}
		assertThat(compared).isGreaterThan(200);
	}

	@Test
	void theRunningMonthsForecastCallIsPreparedAndBrigittesIsStillToDo() {
		Period month = Period.containing(visibility.today(Demo.user(jdbc, Demo.MANAGER).orgId()), Period.Kind.MONTH, 1);
		assertThat(submissions(month, "user_id", Demo.userId(jdbc, Demo.REP))).isGreaterThanOrEqualTo(1);
		assertThat(submissions(month, "user_id", Demo.userId(jdbc, "noah@northwind.demo"))).isZero();
		assertThat(submissions(month, "team_id", Demo.teamId(jdbc, "Inside Sales"))).isZero();
		assertThat(submissions(month, "team_id", Demo.teamId(jdbc, "Enterprise"))).isGreaterThanOrEqualTo(1);
		String reason = jdbc.sql("""
				select a.reason from forecast_adjustment a join forecast_submission s on s.org_id = a.org_id and s.id = a.submission_id
				 where s.user_id = :sanne and s.period_kind = 'MONTH' and s.period_start = :start and a.adjusted_at < :started
				 order by a.adjusted_at desc limit 1
				""").param("sanne", Demo.userId(jdbc, Demo.REP)).param("start", month.start())
			.param("started", java.sql.Timestamp.from(started())).query(String.class).single();
		assertThat(reason).contains("78%");
	}

	/**
	 * How many forecasts a person ({@code user_id}) or team ({@code team_id}) had submitted for the month when the
	 * demo was made, before other tests in this context submitted theirs.
	 */
	private long submissions(Period month, String column, UUID scope) {
		return jdbc.sql("select count(*) from forecast_submission where period_kind = 'MONTH' and period_start = :start "
				+ "and submitted_at < :started and " + column + " = :scope")
			.param("start", month.start()).param("started", java.sql.Timestamp.from(started())).param("scope", scope)
			.query(Long.class).single();
	}

	/** When this application started, on its clock: everything the demo made lies before it. */
	java.time.Instant started() {
		return clock.instant().minusMillis(System.currentTimeMillis() - context.getStartupDate());
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
