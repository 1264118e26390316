package dev.tandem.coaching.mentoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.Measurements;
import dev.tandem.goals.Measures;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.platform.RecordNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Ramp tracking: a newcomer's months of tenure (month 1 starts on their first day in a sales team) beside the average
 * of everyone who started in sales before them at the same tenure month. The figures are goals' measurements (the
 * same definitions as every dashboard); only the person's line, the person and admins see a ramp.
 */
@Service
public class RampTracking {

	private final Newcomers newcomers;
	private final Measurements measurements;
	private final GoalManagement goals;
	private final RampFacts facts;
	private final Visibility visibility;
	private final UserManagement users;
	private final OrganisationManagement organisations;
	private final MentoringSettings settings;

	RampTracking(Newcomers newcomers, Measurements measurements, GoalManagement goals, RampFacts facts, Visibility visibility,
			UserManagement users, OrganisationManagement organisations, MentoringSettings settings) {
		this.newcomers = newcomers;
		this.measurements = measurements;
		this.goals = goals;
		this.facts = facts;
		this.visibility = visibility;
		this.users = users;
		this.organisations = organisations;
		this.settings = settings;
	}

	/** The person's ramp; 404 for a person the viewer may not see or who never was in a sales team. */
	public Ramp ramp(CurrentUser viewer, UUID personId) {
		if (!visibility.canSee(viewer, personId)) {
			throw new RecordNotFoundException("person", personId);
		}
		Map<UUID, LocalDate> starts = newcomers.starts(viewer);
		LocalDate started = starts.get(personId);
		if (started == null) {
			throw new RecordNotFoundException("person", personId);
		}
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		int own = (int) ChronoUnit.MONTHS.between(started, today) + 1;
		int shown = Math.max(own, settings.rampMonths());
		List<RampMonth> months = months(viewer, org, personId, started, own, today, viewer);

		// The cohort's averages are aggregates of at least RampCohort.MIN_PEOPLE people, also of people outside the
		// viewer's line: their goals are read as the organisation, and only the average leaves this method.
		CurrentUser organisation = new CurrentUser(viewer.orgId(), viewer.id(), viewer.email(), viewer.displayName(), Role.ADMIN,
				viewer.locale());
		List<List<RampMonth>> cohort = new ArrayList<>();
		LocalDate from = null;
		LocalDate to = null;
		for (Map.Entry<UUID, LocalDate> e : starts.entrySet()) {
			LocalDate start = e.getValue();
			if (e.getKey().equals(personId) || !start.isBefore(started) || start.plusMonths(1).isAfter(today)) {
				continue;
			}
			int complete = Math.min(shown, (int) ChronoUnit.MONTHS.between(start, today));
			cohort.add(months(organisation, org, e.getKey(), start, complete, today, organisation));
			from = from == null || start.isBefore(from) ? start : from;
			to = to == null || start.isAfter(to) ? start : to;
		}
		ZoneId zone = org.timeZone();
		return new Ramp(personId, users.displayNames(viewer).getOrDefault(personId, "?"), started, months,
				facts.firstMeeting(viewer.orgId(), personId, zone).orElse(null), facts.firstWon(viewer.orgId(), personId, zone).orElse(null),
				RampCohort.curve(cohort, shown), cohort.size(), from, to);
	}

	/** The first {@code count} tenure months of a person who started on {@code start}, measured up to today. */
	private List<RampMonth> months(CurrentUser viewer, Organisation org, UUID personId, LocalDate start, int count, LocalDate today,
			CurrentUser goalReader) {
		int fiscal = org.fiscalYearStartMonth();
		List<Period> windows = new ArrayList<>();
		List<Period> calendar = new ArrayList<>();
		for (int m = 1; m <= count; m++) {
			LocalDate from = start.plusMonths(m - 1);
			LocalDate to = start.plusMonths(m);
			windows.add(new Period(Period.Kind.MONTH, from, to.isAfter(today) ? today.plusDays(1) : to, fiscal));
			Period month = Period.containing(to.minusDays(1), Period.Kind.MONTH, fiscal);
			if (!calendar.contains(month)) {
				calendar.add(month);
			}
		}
		List<Period> all = new ArrayList<>(windows);
		calendar.stream().filter(p -> !all.contains(p)).forEach(all::add);
		Map<Period, Measurements.Breakdown> measured = measurements.measurePeople(viewer.orgId(), List.of(personId), all, org.timeZone());
		Map<Period, Goal> revenueGoals = new HashMap<>();
		goals.goals(goalReader, List.of(Scope.user(personId)), calendar).stream().filter(g -> g.metric() == GoalMetric.WON_REVENUE)
			.forEach(g -> revenueGoals.put(g.period(), g));
		List<RampMonth> result = new ArrayList<>();
		for (int m = 1; m <= count; m++) {
			Period window = windows.get(m - 1);
			LocalDate end = start.plusMonths(m);
			Measures measures = measured.get(window).of(personId);
			Period month = Period.containing(end.minusDays(1), Period.Kind.MONTH, fiscal);
			Goal goal = revenueGoals.get(month);
			Double attainment = null;
			if (goal != null && goal.effectiveTarget().signum() > 0) {
				BigDecimal won = measured.get(month).of(personId).wonRevenue();
				attainment = goals.progressOf(goal.effectiveTarget(), won, month.elapsedShare(today)).attainment();
			}
			result.add(new RampMonth(m, start.plusMonths(m - 1), end, !end.isAfter(today), measures.activities(), measures.newPipeline(),
					attainment));
		}
		return result;
	}
}
