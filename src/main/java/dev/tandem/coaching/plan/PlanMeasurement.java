package dev.tandem.coaching.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.Measurements;
import dev.tandem.goals.Measures;
import dev.tandem.goals.Scope;
import dev.tandem.insight.Funnel;
import dev.tandem.insight.Funnels;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Measures a coaching plan's metric for one person over a window of days, with the services that measure it elsewhere
 * (insight's funnel, the goals module's measurements and goals), so a plan's numbers are the dashboards' numbers.
 * <p>
 * Attainment over a window is the won revenue of the days the person had a monthly won-revenue goal for, over those
 * goals' targets taken for the share of each month the window covers: for a whole month exactly the goal's
 * attainment, for part of one its pace.
 */
@Component
class PlanMeasurement {

	private final Funnels funnels;
	private final Measurements measurements;
	private final GoalManagement goals;
	private final OrganisationManagement organisations;

	PlanMeasurement(Funnels funnels, Measurements measurements, GoalManagement goals, OrganisationManagement organisations) {
		this.funnels = funnels;
		this.measurements = measurements;
		this.goals = goals;
		this.organisations = organisations;
	}

	/**
	 * The metric over the days {@code from} (inclusive) to {@code to} (exclusive); {@code null} when there is nothing to
	 * measure it on (no deal entered the stage, none closed, no goal, an empty window).
	 */
	@Nullable Double measure(CurrentUser viewer, UUID personId, PlanMetric metric, @Nullable UUID stageId,
			@Nullable ActivityType type, LocalDate from, LocalDate to) {
		if (!to.isAfter(from)) {
			return null;
		}
		Organisation org = organisations.get(viewer.orgId());
		ZoneId zone = org.timeZone();
		Period window = new Period(Period.Kind.MONTH, from, to, org.fiscalYearStartMonth());
		return switch (metric) {
			case STAGE_CONVERSION -> {
				Funnel funnel = funnels.funnel(viewer, Scope.user(personId), window, false);
				yield funnel.stages().stream().filter(s -> s.id().equals(stageId)).findFirst().map(s -> s.figures().conversion())
					.orElse(null);
			}
			case WIN_RATE -> measures(viewer, personId, window, zone).winRate();
			case WON_REVENUE -> measures(viewer, personId, window, zone).wonRevenue().doubleValue();
			case ACTIVITIES_PER_WEEK -> measures(viewer, personId, window, zone).activities(Set.of(type)) * 7.0
					/ ChronoUnit.DAYS.between(from, to);
			case ATTAINMENT -> attainment(viewer, personId, window, org);
		};
	}

	private Measures measures(CurrentUser viewer, UUID personId, Period window, ZoneId zone) {
		return measurements.measurePeople(viewer.orgId(), List.of(personId), List.of(window), zone).get(window).of(personId);
	}

	private @Nullable Double attainment(CurrentUser viewer, UUID personId, Period window, Organisation org) {
		List<Period> months = new ArrayList<>();
		for (LocalDate m = window.start().withDayOfMonth(1); m.isBefore(window.end()); m = m.plusMonths(1)) {
			months.add(Period.containing(m, Period.Kind.MONTH, org.fiscalYearStartMonth()));
		}
		List<Goal> revenueGoals = goals.goals(viewer, List.of(Scope.user(personId)), months).stream()
			.filter(g -> g.metric() == GoalMetric.WON_REVENUE).toList();
		if (revenueGoals.isEmpty()) {
			return null;
		}
		List<Period> covered = new ArrayList<>();
		double expected = 0;
		for (Goal goal : revenueGoals) {
			Period month = goal.period();
			LocalDate start = month.start().isBefore(window.start()) ? window.start() : month.start();
			LocalDate end = month.end().isAfter(window.end()) ? window.end() : month.end();
			covered.add(new Period(Period.Kind.MONTH, start, end, org.fiscalYearStartMonth()));
			expected += goal.effectiveTarget().doubleValue() * ChronoUnit.DAYS.between(start, end) / month.days();
		}
		if (expected <= 0) {
			return null;
		}
		Map<Period, Measurements.Breakdown> measured = measurements.measurePeople(viewer.orgId(), List.of(personId), covered,
				org.timeZone());
		BigDecimal actual = covered.stream().map(p -> measured.get(p).of(personId).wonRevenue()).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		return actual.doubleValue() / expected;
	}
}
