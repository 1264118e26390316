package dev.tandem.coaching.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.HelpRequestFigures;
import dev.tandem.coaching.OneOnOneCadence;
import dev.tandem.coaching.TakeoverFigures;
import dev.tandem.forecast.Accuracy;
import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.Measurements;
import dev.tandem.goals.Measures;
import dev.tandem.goals.Scope;
import dev.tandem.insight.Dashboards;
import dev.tandem.insight.Funnel;
import dev.tandem.insight.Funnels;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Measures a reviewee's facts for the review period with the services that own each definition: goals' measurements
 * and goals for won revenue and attainment (month by month, against the month goals), insight's funnel for stage
 * conversion beside the team, forecast's accuracy over the months that are over, insight's hygiene; for a team leader
 * also the team's attainment and the 1:1, takeover and help-request figures of the other coaching parts, when this
 * installation has them. Measured as the one who signs, who sees their own figures.
 */
@Component
class ReviewFigures {

	private final Measurements measurements;
	private final GoalManagement goals;
	private final Funnels funnels;
	private final Accuracy accuracy;
	private final Dashboards dashboards;
	private final TeamManagement teams;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final OneOnOneCadence cadence;
	private final TakeoverFigures takeover;
	private final HelpRequestFigures help;
	private final Clock clock;

	ReviewFigures(Measurements measurements, GoalManagement goals, Funnels funnels, Accuracy accuracy, Dashboards dashboards,
			TeamManagement teams, OrganisationManagement organisations, Visibility visibility, OneOnOneCadence cadence,
			TakeoverFigures takeover, HelpRequestFigures help, Clock clock) {
		this.measurements = measurements;
		this.goals = goals;
		this.funnels = funnels;
		this.accuracy = accuracy;
		this.dashboards = dashboards;
		this.teams = teams;
		this.organisations = organisations;
		this.visibility = visibility;
		this.cadence = cadence;
		this.takeover = takeover;
		this.help = help;
		this.clock = clock;
	}

	/** The facts of {@code personId} from {@code from} to {@code to} (exclusive), as {@code viewer} (the person or their line) sees them. */
	ReviewFacts facts(CurrentUser viewer, UUID personId, LocalDate from, LocalDate to) {
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		List<Period> months = months(from, to, org.fiscalYearStartMonth());
		Scope person = Scope.user(personId);
		Totals own = totals(viewer, person, months, org);

		Period window = new Period(Period.Kind.MONTH, from, to, org.fiscalYearStartMonth());
		Funnels.PersonFunnel funnel = funnels.personFunnel(viewer, personId, window);
		List<ReviewFacts.StageConversion> stages = new ArrayList<>();
		for (Funnel.Stage stage : funnel.person().stages()) {
			Double team = null;
			if (funnel.team() != null) {
				team = funnel.team().stages().stream().filter(s -> s.id().equals(stage.id())).findFirst()
					.map(s -> s.figures().conversion()).orElse(null);
			}
			stages.add(new ReviewFacts.StageConversion(stage.name(), stage.figures().entered(), stage.figures().conversion(), team));
		}

		Team led = teams.all(viewer).stream().filter(t -> t.kind() == TeamKind.SALES && personId.equals(t.leaderId())).findFirst()
			.orElse(null);
		Scope forecastScope = led == null ? person : Scope.team(led.id());
		List<Period> over = months.stream().filter(m -> m.isOver(today)).toList();
		List<Accuracy.PeriodAccuracy> accuracies = over.isEmpty() ? List.of() : accuracy.of(viewer, forecastScope, over);
		ReviewFacts.TeamFacts team = led == null ? null : teamFacts(viewer, led, months, org, from, to);

		return new ReviewFacts(from, to, clock.instant(), org.currency(), own.won(), own.target(), own.attainment(), own.measures().wonDeals(),
				own.measures().lostDeals(), own.measures().winRate(), activities(own.measures()), stages, Accuracy.accuracy(accuracies),
				Accuracy.bias(accuracies), dashboards.hygiene(viewer, forecastScope).score(), team);
	}

	private ReviewFacts.TeamFacts teamFacts(CurrentUser viewer, Team team, List<Period> months, Organisation org, LocalDate from,
			LocalDate to) {
		Totals totals = totals(viewer, Scope.team(team.id()), months, org);
		UUID manager = team.leaderId();
		LocalDate last = to.minusDays(1);
		OneOnOneCadence.Cadence held = cadence.cadence(viewer.orgId(), manager, from, last);
		TakeoverFigures.Takeover taken = takeover.takeover(viewer.orgId(), manager, from, last);
		Double hours = help.medianResponseHours(viewer.orgId(), manager, from, last);
		return new ReviewFacts.TeamFacts(team.name(), totals.won(), totals.target(), totals.attainment(), held == null ? null : held.planned(),
				held == null ? null : held.held(), held == null ? null : held.adherence(), taken == null ? null : taken.ratio(),
				taken == null ? null : taken.total(), taken == null ? null : taken.jointActivities(), hours);
	}

	/** Won revenue over the months, and against the sum of the month goals for won revenue (over the months that have one). */
	private record Totals(Measures measures, BigDecimal won, @Nullable BigDecimal target, @Nullable Double attainment) {
	}

	private Totals totals(CurrentUser viewer, Scope scope, List<Period> months, Organisation org) {
		Map<Period, Measurements.Breakdown> measured = measurements.measure(viewer.orgId(), scope, months, org.timeZone());
		Map<Period, Goal> revenueGoals = new LinkedHashMap<>();
		goals.goals(viewer, List.of(scope), months).stream().filter(g -> g.metric() == GoalMetric.WON_REVENUE)
			.forEach(g -> revenueGoals.put(g.period(), g));
		BigDecimal won = BigDecimal.ZERO;
		BigDecimal wonAgainstGoals = BigDecimal.ZERO;
		BigDecimal target = BigDecimal.ZERO;
		long wonDeals = 0;
		long lostDeals = 0;
		Map<ActivityType, Long> activities = new LinkedHashMap<>();
		for (Period month : months) {
			Measures m = measured.get(month).total();
			won = won.add(m.wonRevenue());
			wonDeals += m.wonDeals();
			lostDeals += m.lostDeals();
			m.activitiesByType().forEach((type, count) -> activities.merge(type, count, Long::sum));
			Goal goal = revenueGoals.get(month);
			if (goal != null) {
				target = target.add(goal.effectiveTarget());
				wonAgainstGoals = wonAgainstGoals.add(m.wonRevenue());
			}
		}
		Measures sum = new Measures(won, wonDeals, lostDeals, BigDecimal.ZERO, 0, activities, Map.of(), 0, 0, null, Map.of());
		boolean anyGoal = target.signum() > 0;
		return new Totals(sum, won, anyGoal ? target : null, anyGoal ? wonAgainstGoals.doubleValue() / target.doubleValue() : null);
	}

	private static Map<String, Long> activities(Measures measures) {
		Map<String, Long> byType = new LinkedHashMap<>();
		for (ActivityType type : ActivityType.values()) {
			long count = measures.activitiesByType().getOrDefault(type, 0L);
			if (type != ActivityType.NOTE && count > 0) {
				byType.put(type.name(), count);
			}
		}
		return byType;
	}

	/** The calendar months from {@code from} to {@code to} (exclusive), each a period of the organisation's calendar. */
	static List<Period> months(LocalDate from, LocalDate to, int fiscalStartMonth) {
		List<Period> months = new ArrayList<>();
		for (LocalDate start = from.withDayOfMonth(1); start.isBefore(to); start = start.plusMonths(1)) {
			months.add(Period.containing(start, Period.Kind.MONTH, fiscalStartMonth));
		}
		return months;
	}
}
