package dev.tandem.insight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.BulkLoadRows;
import dev.tandem.crm.Channel;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.crm.Direction;
import dev.tandem.crm.LeadStatus;
import dev.tandem.goals.Measurements;
import dev.tandem.goals.Measures;
import dev.tandem.goals.Progress;
import dev.tandem.goals.Scope;
import dev.tandem.insight.persistence.HygieneQueries;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Ids;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every metric of DESIGN.md section 5 on a small fixture whose answers are worked out by hand below.
 * <p>
 * Fixture Sales (led by Max) has two teams: North (Rita, and Rob until 16 March 2025) and South (Sam, and Rob
 * from 16 March). The period under test is March 2025 in Europe/Amsterdam, where summer time starts on
 * 30 March. Closed deals in March: D1 Rita won 10,000 (created 1 Feb, closed 10 Mar); D2 Rita lost 5,000
 * (closed 20 Mar); D3 Rob won 8,000 on 12 Mar in North (engaged 20 Feb, an imported date); D4 Rob won 6,000
 * on 25 Mar in South; D5 Sam won 4,000 on 31 Mar at 23:30 local time; D7 Sam lost on 15 Mar. D6 (Rita) is open
 * and went back a stage; D8 (Sam) is open and tidy; D9 Rita won 1,000 in December 2024.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTests {

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
	static final Period MARCH = Period.parse("2025-03", 1, "period");

	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired PlaybookManagement playbook;
	@Autowired BulkLoad bulkLoad;
	@Autowired Measurements measurements;
	@Autowired HygieneQueries hygieneQueries;
	@Autowired Funnels funnels;
	@Autowired java.time.Clock clock;

	CurrentUser admin;
	UUID sales;
	UUID north;
	UUID south;
	UUID rita;
	UUID rob;
	UUID sam;
	Map<String, Stage> stages;
	final List<BulkLoadRows.AccountRow> accounts = new ArrayList<>();
	final List<BulkLoadRows.DealRow> deals = new ArrayList<>();
	final List<BulkLoadRows.StageChangeRow> changes = new ArrayList<>();
	final List<BulkLoadRows.ActivityRow> activities = new ArrayList<>();
	final List<BulkLoadRows.LeadRow> leads = new ArrayList<>();

	@BeforeAll
	void buildFixture() {
		String domain = "metrics-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		admin = organisations.open(new NewOrganisation("Metrics " + domain, "Europe/Amsterdam", "EUR", "en", 1), "admin@" + domain,
				"Admin", "admin-password");
		UUID max = user("max", domain, Role.MANAGER);
		rita = user("rita", domain, Role.REP);
		rob = user("rob", domain, Role.REP);
		sam = user("sam", domain, Role.REP);
		Team top = teams.create(admin, new NewTeam("Fixture Sales", TeamKind.SALES, null, max));
		sales = top.id();
		north = teams.create(admin, new NewTeam("Fixture North", TeamKind.SALES, sales, null)).id();
		south = teams.create(admin, new NewTeam("Fixture South", TeamKind.SALES, sales, null)).id();
		LocalDate start = LocalDate.of(2024, 1, 1);
		teams.addMember(admin, north, rita, start);
		var robInNorth = teams.addMember(admin, north, rob, start);
		teams.endMembership(admin, north, robInNorth.id(), LocalDate.of(2025, 3, 16));
		teams.addMember(admin, south, rob, LocalDate.of(2025, 3, 16));
		teams.addMember(admin, south, sam, start);

		Pipeline pipeline = playbook.defaultPipeline(admin.orgId());
		stages = new java.util.HashMap<>();
		String[] keys = { "NL", "CM", "NA", "DMU", "DEMO", "PROP", "NEG" };
		for (int i = 0; i < keys.length; i++) {
			stages.put(keys[i], pipeline.openStages().get(i));
		}
		stages.put("WON", pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow());
		stages.put("LOST", pipeline.stages().stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElseThrow());

		UUID a1 = account(rita, "2025-01-15T09:00:00Z");
		UUID a2 = account(rita, "2025-03-02T09:00:00Z");
		UUID a3 = account(rob, "2025-03-01T09:00:00Z");
		UUID a4 = account(sam, "2025-03-20T09:00:00Z");

		deal("D1", a1, rita, "10000", "2025-03-10", DealStatus.WON, "2025-02-01T09:00:00Z", null, pipeline,
				"NL@2025-02-01T09:00:00Z", "CM@2025-02-05T09:00:00Z", "NA@2025-02-10T09:00:00Z", "DMU@2025-02-15T09:00:00Z",
				"DEMO@2025-02-20T09:00:00Z", "PROP@2025-03-01T09:00:00Z", "NEG@2025-03-05T09:00:00Z", "WON@2025-03-10T09:00:00Z");
		deal("D2", a2, rita, "5000", "2025-03-20", DealStatus.LOST, "2025-03-02T09:00:00Z", null, pipeline,
				"NL@2025-03-02T09:00:00Z", "CM@2025-03-04T09:00:00Z", "LOST@2025-03-20T09:00:00Z");
		deal("D3", a3, rob, "8000", "2025-03-12", DealStatus.WON, "2025-03-01T09:00:00Z", LocalDate.of(2025, 2, 20), pipeline,
				"NL@2025-03-01T09:00:00Z", "PROP@2025-03-05T09:00:00Z", "WON@2025-03-12T09:00:00Z");
		deal("D4", a3, rob, "6000", "2025-03-25", DealStatus.WON, "2025-03-03T09:00:00Z", null, pipeline,
				"NL@2025-03-03T09:00:00Z", "WON@2025-03-25T09:00:00Z");
		deal("D5", a4, sam, "4000", "2025-03-31", DealStatus.WON, "2025-03-20T09:00:00Z", null, pipeline,
				"NL@2025-03-20T09:00:00Z", "WON@2025-03-31T21:30:00Z");
		UUID d6 = deal("D6", a2, rita, "12000", "2025-03-05", DealStatus.OPEN, "2025-03-02T09:00:00Z", null, pipeline,
				"NL@2025-03-02T09:00:00Z", "CM@2025-03-03T09:00:00Z", "NA@2025-03-06T09:00:00Z", "CM@2025-03-08T09:00:00Z",
				"NA@2025-03-12T09:00:00Z", "DMU@2025-03-15T09:00:00Z");
		deal("D7", a4, sam, null, "2025-03-15", DealStatus.LOST, "2025-01-10T09:00:00Z", null, pipeline,
				"NL@2025-01-10T09:00:00Z", "LOST@2025-03-15T09:00:00Z");
		UUID d8 = deal("D8", a4, sam, "3000", "2025-04-30", DealStatus.OPEN, "2025-02-01T09:00:00Z", null, pipeline,
				"NL@2025-02-01T09:00:00Z");
		deal("D9", a1, rita, "1000", "2024-12-20", DealStatus.WON, "2024-12-01T09:00:00Z", null, pipeline,
				"NL@2024-12-01T09:00:00Z", "WON@2024-12-20T09:00:00Z");
		deals.replaceAll(d -> d.id().equals(d6) ? touched(d, null, "2025-03-01T09:00:00Z", null)
				: d.id().equals(d8) ? touched(d, "Call about the budget", "2025-03-14T09:00:00Z", "2025-03-10T09:00:00Z") : d);

		activity(rita, ActivityType.CALL, "2025-03-05T10:00:00Z", true);
		activity(rita, ActivityType.MEETING, "2025-02-28T23:30:00Z", true);
		activity(sam, ActivityType.EMAIL, "2025-03-31T22:30:00Z", true);
		activity(rob, ActivityType.DEMO, "2025-03-10T10:00:00Z", true);
		activity(rob, ActivityType.CALL, "2025-03-20T10:00:00Z", true);
		activity(rita, ActivityType.NOTE, "2025-03-07T10:00:00Z", true);
		activity(sam, ActivityType.TASK, "2025-03-10T10:00:00Z", false);

		lead(rita, "2025-03-03T09:00:00Z", "2025-03-05T09:00:00Z", "2025-03-06T09:00:00Z", LeadStatus.CONVERTED, DealSource.INBOUND);
		lead(sam, "2025-03-10T09:00:00Z", null, null, LeadStatus.DISQUALIFIED, DealSource.INBOUND);
		lead(rob, "2025-03-12T09:00:00Z", "2025-03-14T09:00:00Z", null, LeadStatus.QUALIFIED, DealSource.REFERRAL);
		lead(rita, "2025-03-28T09:00:00Z", "2025-04-02T09:00:00Z", null, LeadStatus.QUALIFIED, DealSource.REFERRAL);

		bulkLoad.load(admin.orgId(), new BulkLoad.Batch("fixture", accounts, List.of(), deals, changes, List.of(), List.of(), List.of(),
				activities, leads, List.of(), List.of()));
	}

	@Test
	void wonRevenueWinRateDealSizeAndSalesCycleOfTheWholeTeam() {
		Measures march = measure(Scope.team(sales), MARCH);
		// Won in March: D1 10,000 + D3 8,000 + D4 6,000 + D5 4,000 (closed 31 March, late in the evening).
		assertThat(march.wonRevenue()).isEqualByComparingTo("28000");
		assertThat(march.wonDeals()).isEqualTo(4);
		assertThat(march.lostDeals()).isEqualTo(2);
		assertThat(march.winRate()).isCloseTo(4.0 / 6, within(1e-9));
		assertThat(march.averageDealSize()).isEqualByComparingTo("7000");
		// Cycle days of the won deals: D1 37, D3 20 (from the engage date), D4 22, D5 11; median (20 + 22) / 2.
		assertThat(march.salesCycleDays()).isEqualTo(21.0);
	}

	@Test
	void aRepWhoChangedTeamMidPeriodCountsForEachTeamWhileAMember() {
		Measures north = measure(Scope.team(this.north), MARCH);
		// North: D1 (Rita) and D3 (Rob, won on 12 March while still in North); D2 lost.
		assertThat(north.wonRevenue()).isEqualByComparingTo("18000");
		assertThat(north.wonDeals()).isEqualTo(2);
		assertThat(north.lostDeals()).isEqualTo(1);
		assertThat(north.salesCycleDays()).isEqualTo(28.5);
		Measures south = measure(Scope.team(this.south), MARCH);
		// South: D4 (Rob, won on 25 March after his move) and D5 (Sam); D7 lost.
		assertThat(south.wonRevenue()).isEqualByComparingTo("10000");
		assertThat(south.wonDeals()).isEqualTo(2);
		assertThat(south.winRate()).isCloseTo(2.0 / 3, within(1e-9));
		// Rob's own figures hold both deals, whichever team he was in.
		assertThat(measure(Scope.user(rob), MARCH).wonRevenue()).isEqualByComparingTo("14000");
	}

	@Test
	void aPeriodWithoutClosedDealsHasNoRateSizeOrCycle() {
		Measures january = measure(Scope.team(south), Period.parse("2025-01", 1, "period"));
		assertThat(january.wonRevenue()).isEqualByComparingTo("0");
		assertThat(january.winRate()).isNull();
		assertThat(january.averageDealSize()).isNull();
		assertThat(january.salesCycleDays()).isNull();
	}

	@Test
	void activitiesAreCutIntoDaysInTheOrganisationsTimeZone() {
		Measures march = measure(Scope.team(sales), MARCH);
		// The meeting at 23:30 UTC on 28 February was on 1 March in Amsterdam; the e-mail at 22:30 UTC on 31 March
		// was on 1 April (summer time). Notes and open tasks are not activities done.
		assertThat(march.activities()).isEqualTo(4);
		assertThat(march.activitiesByType()).containsEntry(ActivityType.CALL, 2L).containsEntry(ActivityType.MEETING, 1L)
			.containsEntry(ActivityType.DEMO, 1L).doesNotContainKey(ActivityType.EMAIL).doesNotContainKey(ActivityType.TASK);
		assertThat(march.meetingsHeld()).isEqualTo(2);
		assertThat(march.activitiesByChannel()).containsEntry(Channel.PHONE, 2L).containsEntry(Channel.VIDEO, 2L);
		assertThat(measure(Scope.team(sales), Period.parse("2025-04", 1, "period")).activitiesByType())
			.containsEntry(ActivityType.EMAIL, 1L);
		assertThat(measure(Scope.team(north), MARCH).activities()).isEqualTo(3);
		assertThat(measure(Scope.team(south), MARCH).activities()).isEqualTo(1);
	}

	@Test
	void newPipelineLeadsQualifiedAndNewAccounts() {
		Measures march = measure(Scope.team(sales), MARCH);
		// Created in March: D2 5,000, D3 8,000, D4 6,000, D5 4,000, D6 12,000.
		assertThat(march.newPipeline()).isEqualByComparingTo("35000");
		assertThat(march.newDeals()).isEqualTo(5);
		// Qualified in March: Rita's converted lead (5 March) and Rob's (14 March); the one of 2 April is not.
		assertThat(march.leadsQualified()).isEqualTo(2);
		// Accounts created in March: one of Rita's, one of Rob's, one of Sam's.
		assertThat(march.newAccounts()).isEqualTo(3);
	}

	@Test
	void aPeriodOfAnotherFiscalYear() {
		// With the fiscal year starting in April, 2024-Q4 is January to March 2025: D9 (December 2024) is not in it.
		Period fiscal = Period.parse("2024-Q4", 4, "period");
		assertThat(fiscal.start()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(measure(Scope.team(sales), fiscal).wonRevenue()).isEqualByComparingTo("28000");
		// In the calendar, 2024-Q4 is October to December 2024: only D9.
		assertThat(measure(Scope.team(sales), Period.parse("2024-Q4", 1, "period")).wonRevenue()).isEqualByComparingTo("1000");
	}

	@Test
	void stageConversionCountsADealOncePerStageEvenWhenItMovedBack() {
		Funnel funnel = funnels.funnel(admin, Scope.team(sales), MARCH);
		// New lead: D2, D3, D4, D5, D6 entered in March and all moved on.
		assertThat(figures(funnel, "NL")).isEqualTo(new StageFigures(5, 5, 4.0));
		// Contact made: D2 (then lost) and D6 (twice, counted once; reached Needs analysis). Stays: D2 16 days,
		// D6 3 and 4 days: median 4.
		assertThat(figures(funnel, "CM")).isEqualTo(new StageFigures(2, 1, 4.0));
		assertThat(figures(funnel, "CM").conversion()).isEqualTo(0.5);
		// Needs analysis: D6 entered twice and later reached Buying group mapped.
		assertThat(figures(funnel, "NA").entered()).isEqualTo(1);
		assertThat(figures(funnel, "NA").advanced()).isEqualTo(1);
		// Buying group mapped: D6 is still there, so it has not advanced and has no finished stay.
		assertThat(figures(funnel, "DMU")).isEqualTo(new StageFigures(1, 0, null));
		// Proposal: D1 (4 days, then Negotiation) and D3 (7 days, then won): both moved on, median stay 5.5 days.
		assertThat(figures(funnel, "PROP")).isEqualTo(new StageFigures(2, 2, 5.5));
		assertThat(figures(funnel, "NEG")).isEqualTo(new StageFigures(1, 1, 5.0));
		// Per person: Rita entered New lead with D2 and D6, Contact made with both, and moved one on.
		assertThat(funnel.of(rita, stages.get("CM").id())).isEqualTo(new StageFigures(2, 1, 4.0));
		assertThat(funnel.of(rob, stages.get("NL").id()).entered()).isEqualTo(2);
	}

	@Test
	void goalProgressPaceAndProjection() {
		// Rita: goal 20,000 won in March, 10,000 won, measured on 16 March (16 of 31 days passed).
		Progress progress = Progress.of(new BigDecimal("20000"), measure(Scope.user(rita), MARCH).wonRevenue(),
				MARCH.elapsedShare(LocalDate.of(2025, 3, 16)), 0.10);
		assertThat(progress.attainment()).isEqualTo(0.5);
		assertThat(progress.pace()).isCloseTo(0.5 / (16.0 / 31), within(1e-9));
		assertThat(progress.projection()).isEqualByComparingTo("19375.00");
		assertThat(progress.behind()).isTrue();
		Progress before = Progress.of(new BigDecimal("20000"), BigDecimal.ZERO, MARCH.elapsedShare(LocalDate.of(2025, 2, 1)), 0.10);
		assertThat(before.pace()).isNull();
		assertThat(before.projection()).isNull();
	}

	@Test
	void hygieneFlagsScoreAndPipelineCoverage() {
		LocalDate today = LocalDate.of(2025, 3, 16);
		List<HygieneQueries.DealFlags> open = hygieneQueries.openDeals(admin.orgId(), Scope.team(sales), today, ZONE, 14);
		// D6: close date 5 March has passed, last activity 1 March is 15 days ago, no next step, never reviewed
		// but created 2 March (within the 21-day cadence); D8 is tidy.
		assertThat(open).extracting(HygieneQueries.DealFlags::title).containsExactlyInAnyOrder("D6", "D8");
		HygieneQueries.DealFlags d6 = open.stream().filter(d -> d.title().equals("D6")).findFirst().orElseThrow();
		assertThat(d6.closeDatePast()).isTrue();
		assertThat(d6.noRecentActivity()).isTrue();
		assertThat(d6.noNextStep()).isTrue();
		assertThat(d6.noAmount()).isFalse();
		assertThat(d6.reviewOverdue()).isFalse();
		assertThat(open.stream().filter(d -> d.title().equals("D8")).findFirst().orElseThrow().clean()).isTrue();
		Hygiene hygiene = new Hygiene(open);
		assertThat(hygiene.score()).isEqualTo(0.5);
		assertThat(hygiene.scoreOf(rita)).isEqualTo(0.0);
		assertThat(hygiene.scoreOf(sam)).isEqualTo(1.0);
		// Coverage in March for a 40,000 goal with 28,000 won: open amount closing in March (D6, 12,000) / 12,000.
		Summary summary = new Summary(Scope.team(sales), "Fixture Sales", MARCH, measure(Scope.team(sales), MARCH), Measures.NONE,
				Measures.NONE, List.of(new dev.tandem.goals.GoalProgress(goal("40000"), Progress.of(new BigDecimal("40000"),
						new BigDecimal("28000"), 0.5, 0.10))), hygiene, true, Comparison.of(MARCH, LocalDate.of(2025, 3, 16)));
		assertThat(summary.pipelineCoverage()).isEqualTo(1.0);
		// By midsummer D8's last review (10 March) is more than 21 days ago.
		assertThat(hygieneQueries.openDeals(admin.orgId(), Scope.team(sales), LocalDate.of(2025, 6, 24), ZONE, 14))
			.filteredOn(d -> d.title().equals("D8")).singleElement().satisfies(d -> assertThat(d.reviewOverdue()).isTrue());
	}

	private Measures measure(Scope scope, Period period) {
		return measurements.measure(admin.orgId(), scope, period, ZONE).total();
	}

	private StageFigures figures(Funnel funnel, String stage) {
		UUID id = stages.get(stage).id();
		return funnel.stages().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().figures();
	}

	private dev.tandem.goals.Goal goal(String target) {
		return new dev.tandem.goals.Goal(Ids.next(), Scope.team(sales), "Fixture Sales", dev.tandem.goals.GoalMetric.WON_REVENUE,
				Set.of(), MARCH, new BigDecimal(target), new BigDecimal(target), dev.tandem.goals.GoalStatus.AGREED, false,
				clock.instant(), null, 0);
	}

	private UUID user(String name, String domain, Role role) {
		return users.create(admin, new NewUser(name + "@" + domain, name, role, "en", "password-1", List.of())).user().id();
	}

	private UUID account(UUID owner, String created) {
		UUID id = Ids.next();
		accounts.add(new BulkLoadRows.AccountRow(id, "Account " + accounts.size(), null, null, null, null, owner, Instant.parse(created)));
		return id;
	}

	private UUID deal(String title, UUID account, UUID owner, String amount, String closeDate, DealStatus status, String created,
			LocalDate engagedOn, Pipeline pipeline, String... path) {
		UUID id = Ids.next();
		Stage from = null;
		Instant last = Instant.parse(created);
		for (String step : path) {
			String[] parts = step.split("@");
			Stage to = stages.get(parts[0]);
			last = Instant.parse(parts[1]);
			changes.add(new BulkLoadRows.StageChangeRow(id, from == null ? null : from.id(), to.id(), last, owner));
			from = to;
		}
		deals.add(new BulkLoadRows.DealRow(id, account, owner, title, amount == null ? null : new BigDecimal(amount),
				LocalDate.parse(closeDate), pipeline.id(), from.id(), status,
				status == DealStatus.WON ? ForecastCategory.CLOSED : status == DealStatus.LOST ? ForecastCategory.OMITTED
						: from.forecastCategory(), false, null, null, DealSource.OUTBOUND, status == DealStatus.LOST ? "Price" : null,
				engagedOn, status == DealStatus.OPEN ? null : last, last, null, null, Instant.parse(created), last));
		return id;
	}

	private static BulkLoadRows.DealRow touched(BulkLoadRows.DealRow d, String nextStep, String lastActivity, String reviewed) {
		return new BulkLoadRows.DealRow(d.id(), d.accountId(), d.ownerId(), d.title(), d.amount(), d.closeDate(), d.pipelineId(),
				d.stageId(), d.status(), d.forecastCategory(), false, nextStep, null, d.source(), null, null, null, d.stageEnteredAt(),
				Instant.parse(lastActivity), reviewed == null ? null : Instant.parse(reviewed), d.createdAt(), d.updatedAt());
	}

	private void activity(UUID owner, ActivityType type, String at, boolean done) {
		Instant when = Instant.parse(at);
		activities.add(new BulkLoadRows.ActivityRow(Ids.next(), type, dev.tandem.crm.NewActivity.defaultChannel(type), Direction.OUTBOUND,
				type.name(), null, null, null, done ? when : null, done ? null : when, done, null, null, owner, owner, false, List.of(),
				List.of(), when));
	}

	private void lead(UUID owner, String created, String qualified, String converted, LeadStatus status, DealSource source) {
		leads.add(new BulkLoadRows.LeadRow(Ids.next(), "Person", "Company", null, null, source, null, 50, status,
				status == LeadStatus.DISQUALIFIED ? "No budget" : null, null, owner, null, null, null, Instant.parse(created),
				Instant.parse(created), qualified == null ? null : Instant.parse(qualified), converted == null ? null : Instant.parse(converted)));
	}
}
