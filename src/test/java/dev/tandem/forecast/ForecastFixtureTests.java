package dev.tandem.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.BulkLoadRows;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.NewGoal;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Period;
import dev.tandem.platform.RecordNotFoundException;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The forecast on a small organisation whose answers are worked out by hand below.
 * <p>
 * Heidi leads Top, which has two teams: A (led by Mia; reps Rik and Ruth) and B (led by Max; rep Roel).
 * <ul>
 * <li>This month: Rik won 10,000 and has open Commit 5,000, Best case 3,000 and Pipeline 7,000; Ruth has open
 * Commit 8,000 and Best case 2,000; Roel won 4,000 and has open Commit 6,000.</li>
 * <li>March 2025, Rik's pipeline (K1-K11, one deal per kind of change), see {@link #pipelineChange()}.</li>
 * <li>January and February 2025, Roel's forecasts and wins, see {@link #accuracyAndBiasOfTwoClosedMonths()}.</li>
 * </ul>
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastFixtureTests {

	static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
	static final Period MARCH = Period.parse("2025-03", 1, "period");
	static final Period JANUARY = Period.parse("2025-01", 1, "period");
	static final Period FEBRUARY = Period.parse("2025-02", 1, "period");

	@Autowired java.time.Clock clock;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired PlaybookManagement playbook;
	@Autowired BulkLoad bulkLoad;
	@Autowired GoalManagement goals;
	@Autowired Visibility visibility;
	@Autowired Forecasts forecasts;
	@Autowired ForecastManagement management;
	@Autowired ForecastSnapshots snapshots;
	@Autowired ForecastLoad forecastLoad;
	@Autowired Accuracy accuracy;
	@Autowired JdbcClient jdbc;

	CurrentUser admin;
	CurrentUser heidi;
	CurrentUser mia;
	CurrentUser max;
	CurrentUser rik;
	CurrentUser ruth;
	CurrentUser roel;
	UUID top;
	UUID teamA;
	UUID teamB;
	Period month;
	Pipeline pipeline;
	Map<String, Stage> stages = new HashMap<>();
	Map<String, UUID> deal = new HashMap<>();
	final List<BulkLoadRows.AccountRow> accounts = new ArrayList<>();
	final List<BulkLoadRows.DealRow> deals = new ArrayList<>();
	final List<BulkLoadRows.StageChangeRow> changes = new ArrayList<>();
	final List<BulkLoadRows.FieldChangeRow> fieldChanges = new ArrayList<>();

	@BeforeAll
	void buildFixture() {
		String domain = "forecast-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		admin = organisations.open(new NewOrganisation("Forecast " + domain, ZONE.getId(), "EUR", "en", 1), "admin@" + domain, "Admin",
				"admin-password");
		heidi = user("heidi", domain, Role.EXECUTIVE);
		mia = user("mia", domain, Role.MANAGER);
		max = user("max", domain, Role.MANAGER);
		rik = user("rik", domain, Role.REP);
		ruth = user("ruth", domain, Role.REP);
		roel = user("roel", domain, Role.REP);
		top = teams.create(admin, new NewTeam("Top", TeamKind.SALES, null, heidi.id())).id();
		teamA = teams.create(admin, new NewTeam("A", TeamKind.SALES, top, mia.id())).id();
		teamB = teams.create(admin, new NewTeam("B", TeamKind.SALES, top, max.id())).id();
		LocalDate since = LocalDate.of(2024, 1, 1);
		teams.addMember(admin, teamA, rik.id(), since);
		teams.addMember(admin, teamA, ruth.id(), since);
		teams.addMember(admin, teamB, roel.id(), since);

		pipeline = playbook.defaultPipeline(admin.orgId());
		stages.put("NL", pipeline.openStages().get(0));
		stages.put("PROP", pipeline.openStages().get(5));
		stages.put("WON", pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow());
		stages.put("LOST", pipeline.stages().stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElseThrow());
		UUID account = Ids.next();
		accounts.add(new BulkLoadRows.AccountRow(account, "Fixture account", null, null, null, null, rik.id(), Instant.parse("2024-01-01T09:00:00Z")));

		LocalDate today = visibility.today(admin.orgId());
		month = Period.containing(today, Period.Kind.MONTH, 1);
		Instant now = clock.instant();
		Instant twoDaysAgo = now.minusSeconds(2 * 86_400);
		thisMonth(account, "R1-won", rik, "10000", DealStatus.WON, ForecastCategory.CLOSED, today, twoDaysAgo, now.minusSeconds(60));
		thisMonth(account, "R1-commit", rik, "5000", DealStatus.OPEN, ForecastCategory.COMMIT, today, twoDaysAgo, null);
		thisMonth(account, "R1-best", rik, "3000", DealStatus.OPEN, ForecastCategory.BEST_CASE, today, twoDaysAgo, null);
		thisMonth(account, "R1-pipe", rik, "7000", DealStatus.OPEN, ForecastCategory.PIPELINE, today, twoDaysAgo, null);
		thisMonth(account, "R2-commit", ruth, "8000", DealStatus.OPEN, ForecastCategory.COMMIT, today, twoDaysAgo, null);
		thisMonth(account, "R2-best", ruth, "2000", DealStatus.OPEN, ForecastCategory.BEST_CASE, today, twoDaysAgo, null);
		thisMonth(account, "R3-won", roel, "4000", DealStatus.WON, ForecastCategory.CLOSED, today, twoDaysAgo, now.minusSeconds(60));
		thisMonth(account, "R3-commit", roel, "6000", DealStatus.OPEN, ForecastCategory.COMMIT, today, twoDaysAgo, null);
		// Next month, not this one's.
		thisMonth(account, "R1-later", rik, "50000", DealStatus.OPEN, ForecastCategory.COMMIT, month.end(), twoDaysAgo, null);

		march(account);
		winter(account);
		bulkLoad.load(admin.orgId(), new BulkLoad.Batch("fixture", accounts, List.of(), deals, changes, fieldChanges, List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of()));

		for (Object[] goal : new Object[][] { { Scope.user(rik.id()), "20000" }, { Scope.user(ruth.id()), "10000" },
				{ Scope.user(roel.id()), "12000" }, { Scope.team(teamA), "35000" } }) {
			goals.set(admin, new NewGoal((Scope) goal[0], GoalMetric.WON_REVENUE, Set.of(), month, new BigDecimal((String) goal[1]), null));
		}
	}

	@Test
	void threeLevelsRollUpWithAManagersAdjustment() {
		Submission rikSaid = management.submit(rik, Scope.user(rik.id()), month, new BigDecimal("14000"), new BigDecimal("18000"), null);
		assertThat(rikSaid.revision()).isEqualTo(1);
		Submission ruthSaid = management.submit(ruth, Scope.user(ruth.id()), month, new BigDecimal("8000"), new BigDecimal("10000"),
				"Both should sign");
		Submission adjusted = management.adjust(mia, ruthSaid.id(), null, new BigDecimal("5000"), new BigDecimal("8000"),
				"The 8,000 deal slips to next month");
		// The original stays; the adjustment is what counts.
		assertThat(adjusted.commit()).isEqualByComparingTo("8000");
		assertThat(adjusted.effectiveCommit()).isEqualByComparingTo("5000");
		assertThat(adjusted.adjustment().reason()).isEqualTo("The 8,000 deal slips to next month");

		ForecastNode a = forecasts.view(mia, Scope.team(teamA), month).root();
		// A's roll-up: Rik's 14,000 as submitted and Ruth's 5,000 as adjusted; best case 18,000 + 8,000.
		assertThat(a.rollupCommit()).isEqualByComparingTo("19000");
		assertThat(a.rollupBestCase()).isEqualByComparingTo("26000");
		assertThat(a.adjustedBelow()).isEqualTo(1);
		// Goals: A's own 35,000 against its members' 20,000 + 10,000; the gap is A's goal minus what it counts on.
		assertThat(a.goal()).isEqualByComparingTo("35000");
		assertThat(a.membersGoal()).isEqualByComparingTo("30000");
		assertThat(a.gap()).isEqualByComparingTo("16000");
		ForecastNode rikNode = child(a, rik.id());
		assertThat(rikNode.won()).isEqualByComparingTo("10000");
		assertThat(rikNode.commitOpen()).isEqualByComparingTo("5000");
		assertThat(rikNode.bestCaseOpen()).isEqualByComparingTo("3000");
		assertThat(rikNode.pipelineOpen()).isEqualByComparingTo("7000");
		// Rik's own categories say 10,000 won + 5,000 commit, and + 3,000 best case; he said 14,000.
		assertThat(rikNode.rollupCommit()).isEqualByComparingTo("15000");
		assertThat(rikNode.rollupBestCase()).isEqualByComparingTo("18000");
		assertThat(rikNode.commit()).isEqualByComparingTo("14000");
		assertThat(rikNode.gap()).isEqualByComparingTo("6000");
		assertThat(child(a, ruth.id()).adjusted()).isTrue();

		management.submit(mia, Scope.team(teamA), month, a.rollupCommit(), a.rollupBestCase(), null);
		ForecastNode topNode = forecasts.view(heidi, Scope.team(top), month).root();
		ForecastNode b = child(topNode, teamB);
		// B has not submitted: Roel's categories, 4,000 won + 6,000 commit, count for it.
		assertThat(b.submitted()).isFalse();
		assertThat(b.commit()).isEqualByComparingTo("10000");
		assertThat(b.bestCase()).isEqualByComparingTo("10000");
		assertThat(child(topNode, teamA).commit()).isEqualByComparingTo("19000");
		assertThat(topNode.won()).isEqualByComparingTo("14000");
		assertThat(topNode.commitOpen()).isEqualByComparingTo("19000");
		assertThat(topNode.bestCaseOpen()).isEqualByComparingTo("5000");
		assertThat(topNode.pipelineOpen()).isEqualByComparingTo("7000");
		assertThat(topNode.rollupCommit()).isEqualByComparingTo("29000");
		assertThat(topNode.rollupBestCase()).isEqualByComparingTo("36000");
		assertThat(topNode.adjustedBelow()).isEqualTo(1);
		assertThat(topNode.goal()).isNull();
		assertThat(topNode.membersGoal()).isEqualByComparingTo("35000");

		// Heidi leads above A: she may adjust A's submission, and Top's roll-up follows.
		Submission aSaid = child(topNode, teamA).submission();
		management.adjust(heidi, aSaid.id(), null, new BigDecimal("17000"), new BigDecimal("24000"), "Ruth's second deal too");
		ForecastNode after = forecasts.view(heidi, Scope.team(top), month).root();
		assertThat(after.rollupCommit()).isEqualByComparingTo("27000");
		assertThat(after.adjustedBelow()).isEqualTo(2);
		// Mia sees her team's own submission adjusted from above, and the deals view holds only this month's.
		assertThat(forecasts.view(mia, Scope.team(teamA), month).root().adjusted()).isTrue();
		assertThat(forecasts.view(rik, Scope.user(rik.id()), month).deals()).extracting(c -> c.deal().title())
			.containsExactlyInAnyOrder("R1-commit", "R1-best", "R1-pipe");
	}

	@Test
	void submissionsAndAdjustmentsRefuseWhatDoesNotFit() {
		// Next month, so that this month's roll-up stays as the other test expects it.
		Period month = this.month.next();
		Scope roelScope = Scope.user(roel.id());
		assertThat(fields(() -> management.submit(roel, roelScope, month, new BigDecimal("5000"), new BigDecimal("4000"), null)))
			.containsExactly("bestCase: validation.forecast.best-case-below-commit");
		assertThat(fields(() -> management.submit(roel, roelScope, month, null, new BigDecimal("-1"), null)))
			.containsExactly("commit: validation.forecast.amount", "bestCase: validation.forecast.amount");
		assertThat(fields(() -> management.submit(roel, roelScope, this.month.previous(), BigDecimal.ONE, BigDecimal.ONE, null)))
			.containsExactly("period: validation.forecast.period-over");
		// Roel cannot submit for his team, nor see it.
		assertThatThrownBy(() -> management.submit(roel, Scope.team(teamB), month, BigDecimal.ONE, BigDecimal.ONE, null))
			.isInstanceOf(RecordNotFoundException.class);
		// Mia does not lead B: Roel's forecast is not hers to see.
		assertThatThrownBy(() -> forecasts.view(mia, roelScope, month)).isInstanceOf(RecordNotFoundException.class);

		Submission first = management.submit(roel, roelScope, month, new BigDecimal("9000"), new BigDecimal("12000"), null);
		// Max may adjust Roel's, Mia may not, and a reason is required.
		assertThatThrownBy(() -> management.adjust(mia, first.id(), null, BigDecimal.ONE, BigDecimal.ONE, "no"))
			.isInstanceOf(RecordNotFoundException.class);
		assertThat(fields(() -> management.adjust(max, first.id(), null, BigDecimal.ONE, BigDecimal.ONE, "  ")))
			.containsExactly("reason: validation.forecast.reason");
		Submission adjusted = management.adjust(max, first.id(), null, new BigDecimal("8000"), new BigDecimal("11000"), "One slips");
		// A second adjustment made without having seen the first is refused, naming who made it.
		assertThatThrownBy(() -> management.adjust(heidi, first.id(), null, new BigDecimal("7000"), new BigDecimal("9000"), "Lower"))
			.isInstanceOf(ConcurrentEditException.class).satisfies(ex -> assertThat(((ConcurrentEditException) ex).changedBy()).isEqualTo("max"));
		management.adjust(heidi, first.id(), adjusted.adjustment().id(), new BigDecimal("7000"), new BigDecimal("9000"), "Lower");
		assertThat(management.adjustments(max, first.id())).extracting(Adjustment::commit).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("7000"), new BigDecimal("8000"));

		// Roel submits again; the first revision is kept but can no longer be adjusted.
		Submission second = management.submit(roel, roelScope, month, new BigDecimal("10000"), new BigDecimal("12000"), "Signed one");
		assertThat(second.revision()).isEqualTo(2);
		assertThat(fields(() -> management.adjust(max, first.id(), management.adjustments(max, first.id()).get(0).id(), BigDecimal.ONE,
				BigDecimal.ONE, "late"))).containsExactly("submissionId: validation.forecast.superseded");
		List<Submission> history = management.history(roel, roelScope, month);
		assertThat(history).extracting(Submission::revision).containsExactly(2, 1);
		assertThat(history.get(1).commit()).isEqualByComparingTo("9000");
		assertThat(history.get(1).effectiveCommit()).isEqualByComparingTo("7000");
		assertThat(forecasts.view(max, Scope.team(teamB), month).root().children().get(0).commit()).isEqualByComparingTo("10000");
	}

	/**
	 * Rik's March 2025 between 1 March and 20 March (Amsterdam). At the start the month held K3 3,000, K4 4,000,
	 * K5 5,000, K6 6,000, K7 7,000 and K8 8,000: 33,000. Then K1 (1,000) was created; K11 (1,100) was created and
	 * won; K2 (2,000) had its close date moved from April into March; K3 rose to 3,500 and K4 fell to 3,000; K5's
	 * close date moved to April; K6 was won and K7 lost; K8 did not change. K9 (Ruth's) is not Rik's, K10 closes
	 * in April. At the end: K1 1,000 + K2 2,000 + K3 3,500 + K4 3,000 + K8 8,000 = 17,500, and 33,000 + 2,100 new
	 * + 2,000 pulled in + 500 increased − 1,000 decreased − 5,000 pushed out − 7,100 won − 7,000 lost = 17,500.
	 */
	@Test
	void pipelineChange() {
		Instant from = LocalDate.of(2025, 3, 1).atStartOfDay(ZONE).toInstant();
		Instant to = LocalDate.of(2025, 3, 20).atStartOfDay(ZONE).toInstant();
		PipelineChange change = forecasts.change(mia, Scope.user(rik.id()), MARCH, from, to);
		assertThat(change.start()).isEqualByComparingTo("33000");
		assertThat(change.created()).isEqualByComparingTo("2100");
		assertThat(change.pulledIn()).isEqualByComparingTo("2000");
		assertThat(change.increased()).isEqualByComparingTo("500");
		assertThat(change.decreased()).isEqualByComparingTo("1000");
		assertThat(change.pushedOut()).isEqualByComparingTo("5000");
		assertThat(change.won()).isEqualByComparingTo("7100");
		assertThat(change.lost()).isEqualByComparingTo("7000");
		assertThat(change.end()).isEqualByComparingTo("17500");
		assertThat(change.reconciles()).isTrue();
		Map<String, List<PipelineChange.Kind>> kinds = new HashMap<>();
		change.moves().forEach(m -> kinds.computeIfAbsent(title(m.dealId()), k -> new ArrayList<>()).add(m.kind()));
		assertThat(kinds).containsOnlyKeys("K1", "K2", "K3", "K4", "K5", "K6", "K7", "K11");
		assertThat(kinds.get("K1")).containsExactly(PipelineChange.Kind.NEW);
		assertThat(kinds.get("K11")).containsExactlyInAnyOrder(PipelineChange.Kind.NEW, PipelineChange.Kind.WON);
		assertThat(kinds.get("K2")).containsExactly(PipelineChange.Kind.PULLED_IN);
		assertThat(kinds.get("K5")).containsExactly(PipelineChange.Kind.PUSHED_OUT);
		assertThat(kinds.get("K7")).containsExactly(PipelineChange.Kind.LOST);
		// Team A holds Ruth's K9 (9,000) too, unchanged throughout.
		PipelineChange team = forecasts.change(mia, Scope.team(teamA), MARCH, from, to);
		assertThat(team.start()).isEqualByComparingTo("42000");
		assertThat(team.end()).isEqualByComparingTo("26500");
		assertThat(team.reconciles()).isTrue();
	}

	@Test
	void aSnapshotKeepsThePipelineAsItStoodAndAWeekHasOneWeeklySnapshot() {
		// On Monday 10 March 2025 at noon UTC: K1-K10 were open (K11 was won on 6 March), K3 at 3,500, K4 at 3,000.
		Instant monday = Instant.parse("2025-03-10T12:00:00Z");
		UUID id = snapshots.take(admin.orgId(), monday, true);
		assertThat(id).isNotNull();
		var held = jdbc.sql("select count(*) as n, sum(amount) as total from forecast_snapshot_deal where org_id = :org and snapshot_id = :id")
			.param("org", admin.orgId()).param("id", id).query((rs, n) -> new Object[] { rs.getInt("n"), rs.getBigDecimal("total") }).single();
		assertThat(held[0]).isEqualTo(10);
		assertThat((BigDecimal) held[1]).isEqualByComparingTo("54500");
		assertThat(jdbc.sql("select close_date from forecast_snapshot_deal where org_id = :org and snapshot_id = :id and deal_id = :deal")
			.param("org", admin.orgId()).param("id", id).param("deal", deal.get("K2")).query(LocalDate.class).single())
			.isEqualTo(LocalDate.of(2025, 3, 28));
		// Another node, or a later run, in the same week finds it taken; on demand one can always be taken.
		assertThat(snapshots.take(admin.orgId(), Instant.parse("2025-03-13T05:00:00Z"), true)).isNull();
		assertThat(snapshots.take(admin.orgId(), Instant.parse("2025-03-13T05:00:00Z"), false)).isNotNull();
	}

	/**
	 * Roel won 10,000 in January 2025 and 20,000 in February. January: he said 12,000 on the 2nd and 11,000 on
	 * the 14th; the snapshots of 6 and 20 January hold 12,000 and 11,000: accuracy (0.8 + 0.9) / 2 = 0.85, bias
	 * (+0.2 + 0.1) / 2 = +0.15. February: he said 16,000, Max adjusted it to 18,000; the snapshot of 10 February
	 * holds both: accuracy of what Roel said 0.8, bias −0.2. Over the two months, weighted by what was won: mean
	 * errors +1,500 and −4,000, mean absolute errors 1,500 and 4,000, against 30,000 won: bias −2,500 / 30,000 and
	 * accuracy 1 − 5,500 / 30,000.
	 */
	@Test
	void accuracyAndBiasOfTwoClosedMonths() {
		UUID jan1 = Ids.next();
		UUID feb1 = Ids.next();
		forecastLoad.load(admin.orgId(), List.of(
				row(jan1, JANUARY, 1, "12000", "2025-01-02T09:00:00Z"), row(Ids.next(), JANUARY, 2, "11000", "2025-01-14T09:00:00Z"),
				row(feb1, FEBRUARY, 1, "16000", "2025-02-03T09:00:00Z")),
				List.of(new ForecastLoad.AdjustmentRow(Ids.next(), feb1, new BigDecimal("18000"), new BigDecimal("20000"), "Two signed early",
						max.id(), Instant.parse("2025-02-04T09:00:00Z"))));
		for (String at : List.of("2025-01-06T05:00:00Z", "2025-01-20T05:00:00Z", "2025-02-10T05:00:00Z")) {
			snapshots.take(admin.orgId(), Instant.parse(at), true);
		}
		List<Accuracy.PeriodAccuracy> periods = accuracy.of(max, Scope.user(roel.id()), List.of(JANUARY, FEBRUARY));
		Accuracy.PeriodAccuracy january = periods.get(0);
		assertThat(january.actual()).isEqualByComparingTo("10000");
		assertThat(january.forecasts()).extracting(f -> f.said().intValue()).containsExactly(12000, 11000);
		assertThat(january.accuracy()).isCloseTo(0.85, within(1e-9));
		assertThat(january.bias()).isCloseTo(0.15, within(1e-9));
		Accuracy.PeriodAccuracy february = periods.get(1);
		assertThat(february.actual()).isEqualByComparingTo("20000");
		assertThat(february.forecasts()).singleElement().satisfies(f -> {
			assertThat(f.said()).isEqualByComparingTo("16000");
			assertThat(f.counted()).isEqualByComparingTo("18000");
			assertThat(f.rolledUp()).isFalse();
		});
		assertThat(february.accuracy()).isCloseTo(0.8, within(1e-9));
		assertThat(february.bias()).isCloseTo(-0.2, within(1e-9));
		assertThat(Accuracy.accuracy(periods)).isCloseTo(1 - 5500.0 / 30000, within(1e-9));
		assertThat(Accuracy.bias(periods)).isCloseTo(-2500.0 / 30000, within(1e-9));
		// Team B never submitted itself: its members' forecasts stand for it, marked as rolled up.
		List<Accuracy.PeriodAccuracy> team = accuracy.of(max, Scope.team(teamB), List.of(JANUARY, FEBRUARY));
		assertThat(team.get(0).forecasts()).allMatch(Accuracy.SnapshotForecast::rolledUp);
		assertThat(Accuracy.bias(team)).isCloseTo(-2500.0 / 30000, within(1e-9));
		// Roel sees his own; Ruth does not see his.
		assertThat(Accuracy.bias(accuracy.of(roel, Scope.user(roel.id()), List.of(JANUARY, FEBRUARY)))).isCloseTo(-2500.0 / 30000, within(1e-9));
		assertThatThrownBy(() -> accuracy.of(ruth, Scope.user(roel.id()), List.of(JANUARY))).isInstanceOf(RecordNotFoundException.class);
	}

	private ForecastLoad.SubmissionRow row(UUID id, Period period, int revision, String commit, String at) {
		return new ForecastLoad.SubmissionRow(id, Scope.user(roel.id()), period, revision, new BigDecimal(commit), new BigDecimal(commit),
				BigDecimal.ZERO, BigDecimal.ZERO, null, roel.id(), Instant.parse(at));
	}

	private void march(UUID account) {
		UUID ruthId = ruth.id();
		past(account, "K1", rik.id(), "1000", "2025-03-25", "2025-03-05T09:00:00Z", null, null);
		past(account, "K2", rik.id(), "2000", "2025-03-28", "2025-02-10T09:00:00Z", null, null);
		fieldChanges.add(new BulkLoadRows.FieldChangeRow(deal.get("K2"), "closeDate", "2025-04-10", "2025-03-28",
				Instant.parse("2025-03-10T09:00:00Z"), rik.id()));
		past(account, "K3", rik.id(), "3500", "2025-03-30", "2025-02-10T09:00:00Z", null, null);
		fieldChanges.add(new BulkLoadRows.FieldChangeRow(deal.get("K3"), "amount", "3000", "3500", Instant.parse("2025-03-08T09:00:00Z"), rik.id()));
		past(account, "K4", rik.id(), "3000", "2025-03-30", "2025-02-10T09:00:00Z", null, null);
		fieldChanges.add(new BulkLoadRows.FieldChangeRow(deal.get("K4"), "amount", "4000", "3000", Instant.parse("2025-03-09T09:00:00Z"), rik.id()));
		past(account, "K5", rik.id(), "5000", "2025-04-15", "2025-02-10T09:00:00Z", null, null);
		fieldChanges.add(new BulkLoadRows.FieldChangeRow(deal.get("K5"), "closeDate", "2025-03-15", "2025-04-15",
				Instant.parse("2025-03-12T09:00:00Z"), rik.id()));
		past(account, "K6", rik.id(), "6000", "2025-03-14", "2025-02-10T09:00:00Z", DealStatus.WON, "2025-03-14T10:00:00Z");
		past(account, "K7", rik.id(), "7000", "2025-03-25", "2025-02-10T09:00:00Z", DealStatus.LOST, "2025-03-16T10:00:00Z");
		past(account, "K8", rik.id(), "8000", "2025-03-31", "2025-02-10T09:00:00Z", null, null);
		past(account, "K9", ruthId, "9000", "2025-03-20", "2025-02-10T09:00:00Z", null, null);
		past(account, "K10", rik.id(), "10000", "2025-04-20", "2025-02-10T09:00:00Z", null, null);
		past(account, "K11", rik.id(), "1100", "2025-03-06", "2025-03-03T09:00:00Z", DealStatus.WON, "2025-03-06T10:00:00Z");
	}

	private void winter(UUID account) {
		past(account, "W1", roel.id(), "10000", "2025-01-20", "2024-12-01T09:00:00Z", DealStatus.WON, "2025-01-20T10:00:00Z");
		past(account, "W2", roel.id(), "20000", "2025-02-18", "2024-12-01T09:00:00Z", DealStatus.WON, "2025-02-18T10:00:00Z");
	}

	/** A deal of the past: open from {@code created} in Proposal, or closed at {@code closed}; open ones stay open. */
	private void past(UUID account, String title, UUID owner, String amount, String closeDate, String created, DealStatus closedAs,
			String closed) {
		UUID id = Ids.next();
		deal.put(title, id);
		Instant createdAt = Instant.parse(created);
		changes.add(new BulkLoadRows.StageChangeRow(id, null, stages.get("PROP").id(), createdAt, owner));
		DealStatus status = closedAs == null ? DealStatus.OPEN : closedAs;
		Instant closedAt = closed == null ? null : Instant.parse(closed);
		Stage stage = stages.get("PROP");
		if (closedAt != null) {
			stage = stages.get(status == DealStatus.WON ? "WON" : "LOST");
			changes.add(new BulkLoadRows.StageChangeRow(id, stages.get("PROP").id(), stage.id(), closedAt, owner));
		}
		deals.add(new BulkLoadRows.DealRow(id, account, owner, title, new BigDecimal(amount), LocalDate.parse(closeDate), pipeline.id(),
				stage.id(), status, status == DealStatus.WON ? ForecastCategory.CLOSED : status == DealStatus.LOST ? ForecastCategory.OMITTED
						: ForecastCategory.BEST_CASE, false, "Call", null, DealSource.OUTBOUND, status == DealStatus.LOST ? "Price" : null,
				null, closedAt, closedAt == null ? createdAt : closedAt, null, null, createdAt, closedAt == null ? createdAt : closedAt));
	}

	private void thisMonth(UUID account, String title, CurrentUser owner, String amount, DealStatus status, ForecastCategory category,
			LocalDate closeDate, Instant created, Instant closedAt) {
		UUID id = Ids.next();
		deal.put(title, id);
		Stage stage = status == DealStatus.WON ? stages.get("WON") : stages.get("PROP");
		changes.add(new BulkLoadRows.StageChangeRow(id, null, stages.get("PROP").id(), created, owner.id()));
		if (closedAt != null) {
			changes.add(new BulkLoadRows.StageChangeRow(id, stages.get("PROP").id(), stage.id(), closedAt, owner.id()));
		}
		deals.add(new BulkLoadRows.DealRow(id, account, owner.id(), title, new BigDecimal(amount), closeDate, pipeline.id(), stage.id(), status,
				category, status == DealStatus.OPEN, "Call", null, DealSource.OUTBOUND, null, null, closedAt,
				closedAt == null ? created : closedAt, null, null, created, closedAt == null ? created : closedAt));
	}

	private String title(UUID dealId) {
		return deal.entrySet().stream().filter(e -> e.getValue().equals(dealId)).map(Map.Entry::getKey).findFirst().orElseThrow();
	}

	private static ForecastNode child(ForecastNode node, UUID id) {
		return node.children().stream().filter(c -> c.scope().id().equals(id)).findFirst().orElseThrow();
	}

	/** The problems of refused input as "field: message key". */
	private static List<String> fields(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			return ex.problems().stream().map(p -> p.field() + ": " + p.messageKey()).toList();
		}
		throw new AssertionError("expected the input to be refused");
	}

	private CurrentUser user(String name, String domain, Role role) {
		User user = users.create(admin, new NewUser(name + "@" + domain, name, role, "en", "password-1", List.of())).user();
		return new CurrentUser(admin.orgId(), user.id(), user.email(), user.displayName(), role, "en");
	}
}
