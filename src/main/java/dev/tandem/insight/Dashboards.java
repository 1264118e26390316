package dev.tandem.insight;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.GoalProgress;
import dev.tandem.goals.Measurements;
import dev.tandem.goals.Measures;
import dev.tandem.goals.Progress;
import dev.tandem.goals.Scope;
import dev.tandem.insight.persistence.HistoryQueries;
import dev.tandem.insight.persistence.HygieneQueries;
import dev.tandem.insight.persistence.LeadQueries;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What every dashboard of a person or a team is built from, for any period: the summary, the trend and its
 * signal, today's hygiene and the leads' outcomes, from the goals module's measurements and the insight
 * queries. Every public method checks that the viewer may see what it asks for; the package-private ones are
 * the building blocks of {@link TeamDashboards} and {@link PersonDashboards}.
 */
@Service
public class Dashboards {

	private final Measurements measurements;
	private final GoalManagement goals;
	private final HygieneQueries hygiene;
	private final LeadQueries leads;
	private final OrganisationManagement organisations;
	private final TeamManagement teams;
	private final UserManagement users;
	private final Visibility visibility;
	private final InsightAccess access;
	private final InsightSettings settings;
	private final HistoryQueries history;

	Dashboards(Measurements measurements, GoalManagement goals, HygieneQueries hygiene, LeadQueries leads,
			OrganisationManagement organisations, TeamManagement teams, UserManagement users, Visibility visibility,
			InsightAccess access, InsightSettings settings, HistoryQueries history) {
		this.history = history;
		this.measurements = measurements;
		this.goals = goals;
		this.hygiene = hygiene;
		this.leads = leads;
		this.organisations = organisations;
		this.teams = teams;
		this.users = users;
		this.visibility = visibility;
		this.access = access;
		this.settings = settings;
	}

	/** A person's or a team's headline numbers; for a team the viewer needs at least its aggregates. */
	public Summary summary(CurrentUser viewer, Scope scope, Period period) {
		String name = requireAccess(viewer, scope);
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		Comparison comparison = Comparison.of(period, today);
		Map<Period, Measurements.Breakdown> measured = measurements.measure(viewer.orgId(), scope,
				List.of(period, comparison.previous(), comparison.earlier()), org.timeZone());
		return summaryOf(viewer, scope, name, period, measured, openDeals(viewer, scope, today, org));
	}

	/**
	 * The periods a dashboard measures: the trend's, ending with the period, then the windows its summary is compared
	 * with (the first {@link #trendLength()} are the trend's).
	 */
	List<Period> periodsFor(Period period, LocalDate today) {
		List<Period> periods = new ArrayList<>();
		for (int i = trendLength() - 1; i >= 0; i--) {
			periods.add(period.shift(-i));
		}
		Comparison comparison = Comparison.of(period, today);
		periods.add(comparison.previous());
		periods.add(comparison.earlier());
		return periods;
	}

	Summary summaryOf(CurrentUser viewer, Scope scope, String name, Period period,
			Map<Period, Measurements.Breakdown> measured, Hygiene hygiene) {
		LocalDate today = visibility.today(viewer.orgId());
		Measures current = measured.get(period).total();
		List<GoalProgress> progress = goals.goals(viewer, List.of(scope), period).stream()
			.map(g -> goals.progressOf(g, current, today)).toList();
		Comparison comparison = Comparison.of(period, today);
		return new Summary(scope, name, period, current, measured.get(comparison.previous()).total(),
				measured.get(comparison.earlier()).total(), progress, hygiene, period.contains(today), comparison);
	}

	/**
	 * The trend of a scope, ending with the period, from what {@link #periodsFor} measured; without the periods that
	 * ended before the organisation's first record (years of zeros are no history).
	 */
	List<TrendPoint> trendOf(CurrentUser viewer, Scope scope, Period period, Map<Period, Measurements.Breakdown> measured,
			LocalDate today) {
		LocalDate first = history.firstMonth(viewer.orgId());
		List<Period> periods = periodsFor(period, today).subList(0, trendLength()).stream()
			.filter(p -> p.equals(period) || first != null && p.end().isAfter(first)).toList();
		return points(viewer, scope, periods, measured, today);
	}

	private List<TrendPoint> points(CurrentUser viewer, Scope scope, List<Period> periods, Map<Period, Measurements.Breakdown> measured,
			LocalDate today) {
		Map<Period, Goal> revenueGoals = new HashMap<>();
		goals.goals(viewer, List.of(scope), periods).stream().filter(g -> g.metric() == GoalMetric.WON_REVENUE)
			.forEach(g -> revenueGoals.put(g.period(), g));
		List<TrendPoint> points = new ArrayList<>();
		for (Period p : periods) {
			Measures measures = measured.get(p).total();
			Goal revenue = revenueGoals.get(p);
			points.add(new TrendPoint(p, measures,
					revenue == null ? null : goals.progressOf(revenue.effectiveTarget(), measures.wonRevenue(), p.elapsedShare(today))));
		}
		return points;
	}


	/** The nearest sales team a person belongs to today. */
	public @Nullable Team teamOf(CurrentUser viewer, UUID personId) {
		var ids = teams.teamsOf(viewer, personId, visibility.today(viewer.orgId()));
		return teams.all(viewer).stream().filter(t -> t.kind() == TeamKind.SALES && ids.contains(t.id()))
			.max(Comparator.comparingInt(t -> teams.ancestors(viewer, t.id()).size())).orElse(null);
	}

	/** What became of the leads received in the period, by source and by rep. */
	public LeadQuality leads(CurrentUser viewer, Scope scope, Period period) {
		requireAccess(viewer, scope);
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Map<UUID, String> names = users.displayNames(viewer);
		Map<dev.tandem.crm.DealSource, LeadQuality.Line> bySource = new LinkedHashMap<>();
		Map<UUID, LeadQuality.Line> byPerson = new LinkedHashMap<>();
		LeadQuality.Line total = new LeadQuality.Line(null, 0, 0, 0, 0, 0);
		for (LeadQueries.Row row : leads.outcomes(viewer.orgId(), scope, period, zone)) {
			bySource.merge(row.source(), line(row.source(), row), (a, b) -> a.plus(b.received(), b.qualified(), b.converted(),
					b.disqualified(), b.won()));
			byPerson.merge(row.ownerId(), line(null, row), (a, b) -> a.plus(b.received(), b.qualified(), b.converted(),
					b.disqualified(), b.won()));
			total = total.plus(row.received(), row.qualified(), row.converted(), row.disqualified(), row.won());
		}
		long received = total.received();
		List<LeadQuality.PersonLine> people = byPerson.entrySet().stream()
			.map(e -> new LeadQuality.PersonLine(e.getKey(), names.getOrDefault(e.getKey(), "?"), e.getValue(),
					received == 0 ? 0 : (double) e.getValue().received() / received, mayBreakDown(viewer, scope, e.getKey())))
			.sorted(Comparator.comparing(LeadQuality.PersonLine::name)).toList();
		return new LeadQuality(List.copyOf(bySource.values()), people, total);
	}

	/** The last {@code count} periods up to and including this one, oldest first. */
	public List<TrendPoint> trend(CurrentUser viewer, Scope scope, Period period, int count) {
		requireAccess(viewer, scope);
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		LocalDate today = visibility.today(viewer.orgId());
		List<Period> periods = new ArrayList<>();
		for (int i = count - 1; i >= 0; i--) {
			periods.add(period.shift(-i));
		}
		return points(viewer, scope, periods, measurements.measure(viewer.orgId(), scope, periods, zone), today);
	}

	/** One bad period, or several in a row, among the completed periods of a trend. */
	public Signal signal(List<TrendPoint> trend, LocalDate today) {
		List<TrendPoint> completed = trend.stream().filter(p -> p.period().isOver(today)).toList();
		if (completed.isEmpty()) {
			return Signal.NONE;
		}
		int under = 0;
		for (int i = completed.size() - 1; i >= 0; i--) {
			Progress goal = completed.get(i).revenueGoal();
			if (goal == null || goal.attainment() >= settings.underPerformanceAttainment()) {
				break;
			}
			under++;
		}
		return under >= settings.underPerformancePeriods() ? Signal.SUSTAINED : under >= 1 ? Signal.BAD_PERIOD : Signal.NONE;
	}

	public LocalDate today(CurrentUser viewer) {
		return visibility.today(viewer.orgId());
	}

	public int trendLength() {
		return 6;
	}

	/** Open deals with their hygiene flags, for a person or a team today. */
	public Hygiene hygiene(CurrentUser viewer, Scope scope) {
		requireAccess(viewer, scope);
		Hygiene all = openDeals(viewer, scope, visibility.today(viewer.orgId()), organisations.get(viewer.orgId()));
		return scope.isTeam() && access.team(viewer, scope.id()) != InsightAccess.Level.FULL
				? new Hygiene(all.deals().stream().filter(d -> d.ownerId().equals(viewer.id())).toList()) : all;
	}


	/** The open deals of a scope today with their hygiene flags, unrestricted: the caller has checked access. */
	Hygiene openDeals(CurrentUser viewer, Scope scope, LocalDate today, Organisation org) {
		return new Hygiene(hygiene.openDeals(viewer.orgId(), scope, today, org.timeZone(), dev.tandem.crm.Deal.STALE_AFTER_DAYS));
	}

	/** Checks that the viewer may see the scope's dashboard; the scope's name. */
	String requireAccess(CurrentUser viewer, Scope scope) {
		if (scope.isTeam()) {
			access.team(viewer, scope.id());
			return teams.get(viewer, scope.id()).name();
		}
		access.requirePerson(viewer, scope.id());
		return users.get(viewer, scope.id()).displayName();
	}

	private boolean mayBreakDown(CurrentUser viewer, Scope scope, UUID person) {
		return !scope.isTeam() || person.equals(viewer.id()) || access.team(viewer, scope.id()) == InsightAccess.Level.FULL;
	}

	private static LeadQuality.Line line(dev.tandem.crm.@Nullable DealSource source, LeadQueries.Row row) {
		return new LeadQuality.Line(source, row.received(), row.qualified(), row.converted(), row.disqualified(), row.won());
	}
}