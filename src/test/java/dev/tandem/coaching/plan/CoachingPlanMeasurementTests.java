package dev.tandem.coaching.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import dev.tandem.crm.Direction;
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
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A coaching plan's baseline, check-in and after values on a small fixture worked out by hand.
 * <p>
 * Today is 18 November 2026 (the pinned clock). Max leads Fixture Sales with Rita and Sam. Rita's plan runs through
 * October 2026 (31 days), so its baseline window is the 31 days before: 31 August to 30 September. In the baseline
 * window Rita won D1 (5,000, 10 Sep, through Proposal) and lost D2 (15 Sep) and D3 (20 Sep), both after Proposal, and
 * made two calls (2 and 12 Sep; one more on 30 Aug falls outside). In October she won D4 (4,000, 5 Oct) and D5 (6,000,
 * 20 Oct), lost D6 (25 Oct), all through Proposal, and made five calls. Her monthly won-revenue goals: September
 * 10,000, October 8,000; none for August.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoachingPlanMeasurementTests {

	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired PlaybookManagement playbook;
	@Autowired BulkLoad bulkLoad;
	@Autowired GoalManagement goals;
	@Autowired CoachingPlanManagement plans;

	CurrentUser admin;
	CurrentUser max;
	CurrentUser rita;
	CurrentUser sam;
	Map<String, Stage> stages = new HashMap<>();
	final List<BulkLoadRows.AccountRow> accounts = new ArrayList<>();
	final List<BulkLoadRows.DealRow> deals = new ArrayList<>();
	final List<BulkLoadRows.StageChangeRow> changes = new ArrayList<>();
	final List<BulkLoadRows.ActivityRow> activities = new ArrayList<>();

	@BeforeAll
	void buildFixture() {
		String domain = "plans-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		admin = organisations.open(new NewOrganisation("Plans " + domain, "Europe/Amsterdam", "EUR", "en", 1), "admin@" + domain,
				"Admin", "admin-password");
		max = user("max", domain, Role.MANAGER);
		rita = user("rita", domain, Role.REP);
		sam = user("sam", domain, Role.REP);
		UUID team = teams.create(admin, new NewTeam("Fixture Sales", TeamKind.SALES, null, max.id())).id();
		teams.addMember(admin, team, rita.id(), LocalDate.of(2025, 1, 1));
		teams.addMember(admin, team, sam.id(), LocalDate.of(2025, 1, 1));
		Pipeline pipeline = playbook.defaultPipeline(admin.orgId());
		String[] keys = { "NL", "CM", "NA", "DMU", "DEMO", "PROP", "NEG" };
		for (int i = 0; i < keys.length; i++) {
			stages.put(keys[i], pipeline.openStages().get(i));
		}
		stages.put("WON", pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow());
		stages.put("LOST", pipeline.stages().stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElseThrow());
		UUID account = account(rita.id());
		deal(account, rita.id(), "5000", DealStatus.WON, pipeline, "NL@2026-08-20", "PROP@2026-09-01", "WON@2026-09-10");
		deal(account, rita.id(), "3000", DealStatus.LOST, pipeline, "NL@2026-08-21", "PROP@2026-09-05", "LOST@2026-09-15");
		deal(account, rita.id(), "3000", DealStatus.LOST, pipeline, "NL@2026-08-22", "PROP@2026-09-08", "LOST@2026-09-20");
		deal(account, rita.id(), "4000", DealStatus.WON, pipeline, "NL@2026-09-25", "PROP@2026-10-01", "WON@2026-10-05");
		deal(account, rita.id(), "6000", DealStatus.WON, pipeline, "NL@2026-09-26", "PROP@2026-10-02", "NEG@2026-10-10",
				"WON@2026-10-20");
		deal(account, rita.id(), "2000", DealStatus.LOST, pipeline, "NL@2026-09-27", "PROP@2026-10-03", "LOST@2026-10-25");
		for (String day : List.of("2026-08-30", "2026-09-02", "2026-09-12", "2026-10-01", "2026-10-08", "2026-10-09", "2026-10-16",
				"2026-10-30")) {
			call(rita.id(), day);
		}
		bulkLoad.load(admin.orgId(), new BulkLoad.Batch("fixture", accounts, List.of(), deals, changes, List.of(), List.of(), List.of(),
				activities, List.of(), List.of(), List.of()));
		goals.set(max, new NewGoal(Scope.user(rita.id()), GoalMetric.WON_REVENUE, Set.of(), Period.parse("2026-09", 1, "period"),
				new BigDecimal("10000"), null));
		goals.set(max, new NewGoal(Scope.user(rita.id()), GoalMetric.WON_REVENUE, Set.of(), Period.parse("2026-10", 1, "period"),
				new BigDecimal("8000"), null));
	}

	@Test
	void winRateBeforeDuringAndAfter() {
		CoachingPlan plan = start(PlanMetric.WIN_RATE, null, null, "0.6");
		assertThat(plan.baselineFrom()).isEqualTo(LocalDate.of(2026, 8, 31));
		// Baseline: D1 won, D2 and D3 lost.
		assertThat(plan.baseline()).isCloseTo(1.0 / 3, within(1e-9));
		// Up to 15 October only D4 had closed, won.
		assertThat(plans.checkIn(max, plan.id(), LocalDate.of(2026, 10, 15), "Halfway").value()).isEqualTo(1.0);
		CoachingPlan closed = plans.close(max, plan.id(), plan.version(), "Better qualified");
		// October: D4 and D5 won, D6 lost.
		assertThat(closed.after()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(closed.status()).isEqualTo(PlanStatus.CLOSED);
		assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2026, 11, 18));
		assertThat(closed.reached(closed.after())).isTrue();
	}

	@Test
	void proposalConversionWonRevenueAndCallsPerWeek() {
		UUID proposal = stages.get("PROP").id();
		CoachingPlan conversion = start(PlanMetric.STAGE_CONVERSION, proposal, null, "0.5");
		// Entered Proposal in September: D1 (won), D2 and D3 (lost): one of three moved on.
		assertThat(conversion.baseline()).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(conversion.stageName()).isEqualTo(stages.get("PROP").name());
		// In October D4 and D5 moved on, D6 did not.
		assertThat(plans.current(max, conversion)).isCloseTo(2.0 / 3, within(1e-9));

		CoachingPlan revenue = start(PlanMetric.WON_REVENUE, null, null, "8000");
		assertThat(revenue.baseline()).isEqualTo(5000.0);
		assertThat(plans.current(max, revenue)).isEqualTo(10000.0);

		CoachingPlan calls = start(PlanMetric.ACTIVITIES_PER_WEEK, null, ActivityType.CALL, "1");
		// Two calls in 31 days, five in October's 31 days.
		assertThat(calls.baseline()).isCloseTo(2 * 7.0 / 31, within(1e-9));
		assertThat(plans.current(max, calls)).isCloseTo(5 * 7.0 / 31, within(1e-9));
		assertThat(plans.current(max, calls)).isGreaterThan(calls.target().doubleValue());
	}

	@Test
	void attainmentAgainstTheMonthlyRevenueGoalsProRatedForPartMonths() {
		CoachingPlan plan = start(PlanMetric.ATTAINMENT, null, null, "1");
		// 31 August has no goal; September: 5,000 of 10,000.
		assertThat(plan.baseline()).isCloseTo(0.5, within(1e-9));
		// 1 to 15 October: 4,000 won against 8,000 x 15/31.
		assertThat(plans.checkIn(rita, plan.id(), LocalDate.of(2026, 10, 15), "Two weeks in").value())
			.isCloseTo(4000 / (8000 * 15.0 / 31), within(1e-9));
		// October: 10,000 of 8,000.
		assertThat(plans.current(rita, plan)).isCloseTo(1.25, within(1e-9));
		assertThat(plans.checkIns(rita, plan.id())).extracting(PlanCheckIn::authorName).containsExactly("rita");
	}

	@Test
	void badInputIsRefusedWithTheFieldAndTheRuleAndWritesNothing() {
		int before = plans.plansOf(max, rita.id()).size();
		assertThatThrownBy(() -> plans.create(max, plan(PlanMetric.WIN_RATE, null, null, "0.5", LocalDate.of(2026, 10, 31),
				LocalDate.of(2026, 10, 1)), null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems())
				.anySatisfy(p -> assertThat(p.field() + " " + p.messageKey()).isEqualTo("endsOn coaching-plan.period.end-before-start")));
		assertThatThrownBy(() -> plans.create(max, plan(PlanMetric.WIN_RATE, null, null, null, LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 31)), null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).extracting(p -> p.field())
				.containsExactly("target"));
		assertThatThrownBy(() -> plans.create(max, plan(null, null, null, "0.5", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
				null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).extracting(p -> p.field())
				.containsExactly("metric"));
		assertThatThrownBy(() -> plans.create(max, plan(PlanMetric.STAGE_CONVERSION, null, null, "0.5", LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 31)), null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).extracting(p -> p.messageKey())
				.containsExactly("coaching-plan.stage.required"));
		assertThatThrownBy(() -> plans.create(max, plan(PlanMetric.WIN_RATE, null, null, "45", LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 31)), null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).extracting(p -> p.messageKey())
				.containsExactly("coaching-plan.target.share"));
		// Sam is Rita's colleague, not in her line.
		assertThatThrownBy(() -> plans.create(sam, plan(PlanMetric.WIN_RATE, null, null, "0.5", LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 31)), null))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).extracting(p -> p.field() + " " + p.messageKey())
				.containsExactly("personId coaching-plan.person.not-in-line"));
		assertThat(plans.plansOf(max, rita.id())).hasSize(before);
	}

	@Test
	void checkInsAreRefusedInTheFutureBeforeTheStartAndOnAClosedPlan() {
		CoachingPlan plan = start(PlanMetric.WON_REVENUE, null, null, "1000");
		assertThatThrownBy(() -> plans.checkIn(max, plan.id(), LocalDate.of(2026, 11, 19), "Tomorrow"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).extracting(p -> p.messageKey())
				.containsExactly("coaching-plan.check-in.future"));
		assertThatThrownBy(() -> plans.checkIn(max, plan.id(), LocalDate.of(2026, 9, 30), "Early"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).extracting(p -> p.messageKey())
				.containsExactly("coaching-plan.check-in.before-start"));
		assertThatThrownBy(() -> plans.close(max, plan.id(), plan.version() + 1, null))
			.isInstanceOf(dev.tandem.platform.ConcurrentEditException.class);
		assertThatThrownBy(() -> plans.close(rita, plan.id(), plan.version(), null))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		plans.close(max, plan.id(), plan.version(), null);
		assertThatThrownBy(() -> plans.checkIn(rita, plan.id(), LocalDate.of(2026, 11, 1), "Late"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).extracting(p -> p.messageKey())
				.containsExactly("coaching-plan.closed"));
		assertThat(plans.checkIns(max, plan.id())).isEmpty();
	}

	@Test
	void aColleagueDoesNotSeeThePlan() {
		CoachingPlan plan = start(PlanMetric.WON_REVENUE, null, null, "1000");
		assertThat(plans.get(rita, plan.id()).id()).isEqualTo(plan.id());
		assertThat(plans.get(admin, plan.id()).id()).isEqualTo(plan.id());
		assertThatThrownBy(() -> plans.get(sam, plan.id())).isInstanceOf(dev.tandem.platform.RecordNotFoundException.class);
		assertThat(plans.plans(sam)).noneMatch(p -> p.personId().equals(rita.id()));
		assertThat(plans.plansOf(sam, rita.id())).isEmpty();
	}

	private CoachingPlan start(PlanMetric metric, UUID stage, ActivityType type, String target) {
		return plans.create(max, plan(metric, stage, type, target, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)), null);
	}

	private NewCoachingPlan plan(PlanMetric metric, UUID stage, ActivityType type, String target, LocalDate from, LocalDate to) {
		return new NewCoachingPlan(rita.id(), "Closing", false, metric, stage, type, target == null ? null : new BigDecimal(target), from,
				to);
	}

	private CurrentUser user(String name, String domain, Role role) {
		UUID id = users.create(admin, new NewUser(name + "@" + domain, name, role, "en", "password-1", List.of())).user().id();
		return new CurrentUser(admin.orgId(), id, name + "@" + domain, name, role, "en");
	}

	private UUID account(UUID owner) {
		UUID id = Ids.next();
		accounts.add(new BulkLoadRows.AccountRow(id, "Account", null, null, null, null, owner, Instant.parse("2026-01-05T09:00:00Z")));
		return id;
	}

	private void deal(UUID account, UUID owner, String amount, DealStatus status, Pipeline pipeline, String... path) {
		UUID id = Ids.next();
		Stage from = null;
		Instant first = null;
		Instant last = null;
		for (String step : path) {
			String[] parts = step.split("@");
			Stage to = stages.get(parts[0]);
			last = Instant.parse(parts[1] + "T09:00:00Z");
			first = first == null ? last : first;
			changes.add(new BulkLoadRows.StageChangeRow(id, from == null ? null : from.id(), to.id(), last, owner));
			from = to;
		}
		deals.add(new BulkLoadRows.DealRow(id, account, owner, "Deal " + deals.size(), new BigDecimal(amount),
				LocalDate.ofInstant(last, java.time.ZoneOffset.UTC), pipeline.id(), from.id(), status,
				status == DealStatus.WON ? ForecastCategory.CLOSED : ForecastCategory.OMITTED, false, null, null, DealSource.OUTBOUND,
				status == DealStatus.LOST ? "Price" : null, null, last, last, null, null, first, last));
	}

	private void call(UUID owner, String day) {
		Instant when = Instant.parse(day + "T10:00:00Z");
		activities.add(new BulkLoadRows.ActivityRow(Ids.next(), ActivityType.CALL, dev.tandem.crm.NewActivity.defaultChannel(ActivityType.CALL),
				Direction.OUTBOUND, "Call", null, null, null, when, null, true, null, null, owner, owner, false, List.of(), List.of(), when));
	}
}
