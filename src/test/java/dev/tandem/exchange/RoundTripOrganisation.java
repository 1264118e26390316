package dev.tandem.exchange;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.BulkLoadRows;
import dev.tandem.crm.DealLineManagement;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.NewDealLine;
import dev.tandem.crm.ProductInput;
import dev.tandem.crm.ProductManagement;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.forecast.ForecastLoad;
import dev.tandem.forecast.ForecastManagement;
import dev.tandem.forecast.ForecastSnapshots;
import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.NewGoal;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Ids;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.BuyingRole;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.GateMode;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.RequiredActivity;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageChanges.CriterionChange;
import dev.tandem.playbook.StageChanges;
import dev.tandem.playbook.StageKind;
import org.springframework.context.ApplicationContext;

/**
 * An organisation of the round-trip test's own, built through the domain as people would: Mats leads East with
 * the reps Rosa and Ravi. Its figures are worked out by hand:
 * <ul>
 * <li>Playbook: the default pipeline with a criterion "Champion found" that a champion in the buying group satisfies,
 * and a second pipeline, Renewals: Renewal due (40%, Best case, a call, "Contract end date known"), Terms agreed (80%,
 * Commit, blocks, a meeting and a proposal, a decision maker among one stakeholder or more, "Budget owner signed" by
 * the economic buyer and "Legal reviewed"), Renewed and Churned.</li>
 * <li>This month: Rosa won 10,000 (New business) and has 6,000 open in Terms agreed, Commit; Ravi has 4,000 open in
 * Renewal due, Best case. Rosa's renewal has both its criteria ticked, and its 6,000 is its lines: 10 Seats at 500
 * less 10% (4,500) and one Support at 1,500. The catalogue also holds an inactive Legacy licence.</li>
 * <li>Last month: Rosa won 10,000; at the weekly snapshot four days in she had said 12,000: accuracy 0.8, bias +0.2.</li>
 * <li>Forecasts this month: Rosa said 12,000 / 16,000, then 15,000 / 19,000, which Mats adjusted to 14,000 / 18,000.
 * East's roll-up: Rosa's 14,000 + Ravi's categories (nothing won, nothing in Commit) = 14,000; best case 18,000 +
 * 4,000 = 22,000. Mats said 13,000 / 21,000 for East, which is what East counts on.</li>
 * <li>Goals: Rosa's month, won revenue, proposed 25,000, countered 20,000, accepted: attainment 10,000 / 20,000 = 0.5.
 * East's month, 40,000 set by the admin: 10,000 / 40,000 = 0.25. Ravi's year, new pipeline, proposed 100,000 and
 * not agreed yet: 4,000 / 100,000 = 0.04. Rosa's quarter, 30 calls and meetings, set by Mats: none yet. Rosa's month,
 * 20 Seats sold, set by Mats: the seats are on an open deal, so none yet.</li>
 * </ul>
 */
final class RoundTripOrganisation {

	final CurrentUser admin;
	final CurrentUser mats;
	final CurrentUser rosa;
	final CurrentUser ravi;
	final UUID east;
	final LocalDate today;
	final Period month;
	final Period lastMonth;
	final Map<String, UUID> deals = new LinkedHashMap<>();
	UUID seats;

	private final ApplicationContext context;
	private final ZoneId zone = ZoneId.of("Europe/Amsterdam");

	RoundTripOrganisation(ApplicationContext context, CurrentUser admin, String suffix) {
		this.context = context;
		this.admin = admin;
		TeamManagement teams = context.getBean(TeamManagement.class);
		mats = user("mats", "Mats Manager", Role.MANAGER, suffix);
		rosa = user("rosa", "Rosa Rep", Role.REP, suffix);
		ravi = user("ravi", "Ravi Rep", Role.REP, suffix);
		east = teams.create(admin, new NewTeam("East", TeamKind.SALES, null, mats.id())).id();
		today = context.getBean(Visibility.class).today(admin.orgId());
		month = Period.containing(today, Period.Kind.MONTH, 1);
		lastMonth = month.previous();
		teams.addMember(admin, east, rosa.id(), lastMonth.start().minusYears(1));
		teams.addMember(admin, east, ravi.id(), lastMonth.start().minusYears(1));
	}

	/** Builds everything the class comment describes; answers this. */
	RoundTripOrganisation build() {
		Pipeline renewals = playbook();
		deals(renewals);
		goals();
		forecasts();
		return this;
	}

	private Pipeline playbook() {
		PlaybookManagement playbook = context.getBean(PlaybookManagement.class);
		Stage proposal = playbook.defaultPipeline(admin.orgId()).stages().stream().filter(s -> s.name().equals("Proposal")).findFirst()
			.orElseThrow();
		List<CriterionChange> criteria = new ArrayList<>(proposal.exitCriteria().stream()
			.map(c -> new CriterionChange(c.id(), c.label(), c.satisfiedByRole())).toList());
		criteria.add(new CriterionChange(null, "Champion found", BuyingRole.CHAMPION));
		playbook.updateStage(admin, proposal.id(), changes(proposal, proposal.name(), proposal.winProbability(), proposal.forecastCategory(),
				proposal.gateMode(), proposal.guidance(), proposal.minStakeholders(), proposal.requiresDecisionMaker(),
				proposal.requiredActivities(), criteria));

		Pipeline renewals = playbook.createPipeline(admin, "Renewals", 30);
		Stage first = renewals.openStages().get(0);
		playbook.updateStage(admin, first.id(), changes(first, "Renewal due", 40, ForecastCategory.BEST_CASE, GateMode.WARN,
				"Call **three months** before the end date.\n- ask how they use it", 0, false,
				List.of(new RequiredActivity(ActivityType.CALL, 1)), List.of(new CriterionChange(null, "Contract end date known", null))));
		Stage terms = playbook.addStage(admin, renewals.id(), "Terms agreed");
		playbook.updateStage(admin, terms.id(), changes(terms, "Terms agreed", 80, ForecastCategory.COMMIT, GateMode.BLOCK, "", 1, true,
				List.of(new RequiredActivity(ActivityType.MEETING, 1), new RequiredActivity(ActivityType.PROPOSAL, 1)),
				List.of(new CriterionChange(null, "Budget owner signed", BuyingRole.ECONOMIC_BUYER),
						new CriterionChange(null, "Legal reviewed", null))));
		for (Stage closed : playbook.pipeline(admin.orgId(), renewals.id()).stages().stream().filter(Stage::isClosed).toList()) {
			playbook.updateStage(admin, closed.id(), changes(closed, closed.kind() == StageKind.WON ? "Renewed" : "Churned",
					closed.winProbability(), closed.forecastCategory(), closed.gateMode(), closed.guidance(), 0, false, List.of(), List.of()));
		}
		return playbook.pipeline(admin.orgId(), renewals.id());
	}

	private void deals(Pipeline renewals) {
		Pipeline newBusiness = context.getBean(PlaybookManagement.class).defaultPipeline(admin.orgId());
		Instant now = context.getBean(Clock.class).instant();
		UUID account = Ids.next();
		List<BulkLoadRows.DealRow> rows = new ArrayList<>();
		List<BulkLoadRows.StageChangeRow> history = new ArrayList<>();
		Instant lastMonthCreated = lastMonth.start().plusDays(1).atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
		Instant lastMonthWon = lastMonth.start().plusDays(9).atTime(LocalTime.of(15, 0)).atZone(zone).toInstant();
		// This month's records are a little older than now, but never older than the month: in its first hour, two hours
		// ago would be last month.
		Instant monthStart = month.start().atStartOfDay(zone).toInstant();
		Instant earlier = now.minusSeconds(7200).isBefore(monthStart) ? monthStart : now.minusSeconds(7200);
		Instant justNow = now.minusSeconds(60).isBefore(monthStart) ? monthStart : now.minusSeconds(60);
		deal(rows, history, account, "Acme extension", rosa, newBusiness, stage(newBusiness, "Won"), "10000",
				lastMonthWon.atZone(zone).toLocalDate(), lastMonthCreated, lastMonthWon);
		deal(rows, history, account, "Acme new seats", rosa, newBusiness, stage(newBusiness, "Won"), "10000", today, earlier, justNow);
		deal(rows, history, account, "Acme renewal", rosa, renewals, stage(renewals, "Terms agreed"), "6000", month.end().minusDays(1),
				earlier, null);
		deal(rows, history, account, "Beta renewal", ravi, renewals, stage(renewals, "Renewal due"), "4000", month.end().minusDays(1),
				earlier, null);
		context.getBean(BulkLoad.class).load(admin.orgId(), new BulkLoad.Batch("fixture", List.of(new BulkLoadRows.AccountRow(account,
				"Acme Renewals", "Software", null, null, null, rosa.id(), lastMonthCreated.minusSeconds(86_400))), List.of(), rows, history,
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
		DealManagement dealManagement = context.getBean(DealManagement.class);
		UUID renewal = deals.get("Acme renewal");
		Map<UUID, Boolean> ticks = new LinkedHashMap<>();
		renewals.stages().forEach(s -> s.exitCriteria().stream().filter(c -> !c.byFact()).forEach(c -> ticks.put(c.id(), true)));
		dealManagement.checkCriteria(admin, renewal, dealManagement.get(admin, renewal).version(), ticks);
		// The renewal's 6000 is its lines: 10 seats at 500 less 10%, and a year of support at 1500.
		ProductManagement products = context.getBean(ProductManagement.class);
		seats = products.create(admin, new ProductInput("Seats", "SEAT", true, Map.of("EUR", new BigDecimal("500"), "USD", new BigDecimal("550.5"))))
			.id();
		UUID support = products.create(admin, new ProductInput("Support", null, true, Map.of("EUR", new BigDecimal("1500")))).id();
		products.create(admin, new ProductInput("Legacy licence", "OLD-1", false, Map.of()));
		context.getBean(DealLineManagement.class).replace(admin, renewal, dealManagement.get(admin, renewal).version(),
				List.of(new NewDealLine(seats, new BigDecimal("10"), null, new BigDecimal("10")),
						new NewDealLine(support, BigDecimal.ONE, null, null)));
	}

	/** A deal created at {@code created} in its pipeline's first stage, moved to {@code stage} a minute later, or at {@code closed}. */
	private void deal(List<BulkLoadRows.DealRow> rows, List<BulkLoadRows.StageChangeRow> history, UUID account, String title, CurrentUser owner,
			Pipeline pipeline, Stage stage, String amount, LocalDate closeDate, Instant created, Instant closed) {
		UUID id = Ids.next();
		deals.put(title, id);
		boolean first = stage.id().equals(pipeline.firstStage().id());
		Instant moved = closed != null ? closed : first ? created : created.plusSeconds(60);
		history.add(new BulkLoadRows.StageChangeRow(id, null, pipeline.firstStage().id(), created, owner.id()));
		if (!first) {
			history.add(new BulkLoadRows.StageChangeRow(id, pipeline.firstStage().id(), stage.id(), moved, owner.id()));
		}
		DealStatus status = stage.kind() == StageKind.WON ? DealStatus.WON : DealStatus.OPEN;
		rows.add(new BulkLoadRows.DealRow(id, account, owner.id(), title, new BigDecimal(amount), closeDate, pipeline.id(), stage.id(), status,
				status == DealStatus.WON ? ForecastCategory.CLOSED : stage.forecastCategory(), false, null, null, DealSource.OUTBOUND, null,
				null, closed, moved, null, null, created, moved));
	}

	private void goals() {
		GoalManagement goals = context.getBean(GoalManagement.class);
		Goal rosas = goals.propose(rosa, new NewGoal(Scope.user(rosa.id()), GoalMetric.WON_REVENUE, Set.of(), month, new BigDecimal("25000"),
				"A good month"));
		rosas = goals.counter(mats, rosas.id(), rosas.version(), new BigDecimal("20000"), "Steady first");
		goals.accept(rosa, rosas.id(), rosas.version());
		goals.set(admin, new NewGoal(Scope.team(east), GoalMetric.WON_REVENUE, Set.of(), month, new BigDecimal("40000"), null));
		goals.propose(ravi, new NewGoal(Scope.user(ravi.id()), GoalMetric.NEW_PIPELINE, Set.of(), Period.containing(month.start(),
				Period.Kind.YEAR, 1), new BigDecimal("100000"), null));
		goals.set(mats, new NewGoal(Scope.user(rosa.id()), GoalMetric.UNITS_SOLD, Set.of(), month, new BigDecimal("20"), null, seats));
		goals.set(mats, new NewGoal(Scope.user(rosa.id()), GoalMetric.ACTIVITIES, Set.of(ActivityType.CALL, ActivityType.MEETING),
				Period.containing(month.start(), Period.Kind.QUARTER, 1), new BigDecimal("30"), null));
	}

	private void forecasts() {
		Instant submitted = lastMonth.start().plusDays(1).atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
		context.getBean(ForecastLoad.class).load(admin.orgId(), List.of(new ForecastLoad.SubmissionRow(Ids.next(), Scope.user(rosa.id()),
				lastMonth, 1, new BigDecimal("12000.00"), new BigDecimal("15000.00"), BigDecimal.ZERO, new BigDecimal("10000.00"), null,
				rosa.id(), submitted)), List.of());
		ForecastSnapshots snapshots = context.getBean(ForecastSnapshots.class);
		snapshots.take(admin.orgId(), lastMonth.start().plusDays(4).atTime(LocalTime.of(6, 0)).atZone(zone).toInstant(), true);

		ForecastManagement forecasts = context.getBean(ForecastManagement.class);
		forecasts.submit(rosa, Scope.user(rosa.id()), month, new BigDecimal("12000"), new BigDecimal("16000"), null);
		var second = forecasts.submit(rosa, Scope.user(rosa.id()), month, new BigDecimal("15000"), new BigDecimal("19000"), "Both sign");
		forecasts.adjust(mats, second.id(), null, new BigDecimal("14000"), new BigDecimal("18000"), "One slips to next month");
		forecasts.submit(mats, Scope.team(east), month, new BigDecimal("13000"), new BigDecimal("21000"), null);
		snapshots.takeNow(admin);
	}

	private CurrentUser user(String login, String name, Role role, String suffix) {
		return CurrentUser.of(context.getBean(UserManagement.class).create(admin, new NewUser(login + "@" + suffix + ".import.test", name,
				role, "en", ExchangeTestData.PASSWORD, List.of())).user());
	}

	private static Stage stage(Pipeline pipeline, String name) {
		return pipeline.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
	}

	private static StageChanges changes(Stage stage, String name, int probability, ForecastCategory category, GateMode gate,
			String guidance, int stakeholders, boolean decisionMaker, List<RequiredActivity> required, List<CriterionChange> criteria) {
		return new StageChanges(stage.version(), name, probability, category, gate, guidance, stakeholders, decisionMaker, required,
				criteria);
	}
}
