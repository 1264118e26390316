package dev.tandem.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.GoalProgress;
import dev.tandem.goals.Measurements;
import dev.tandem.goals.Measures;
import dev.tandem.goals.Progress;
import dev.tandem.goals.Scope;
import dev.tandem.insight.persistence.HygieneQueries;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import org.springframework.stereotype.Service;

/**
 * The team dashboard, with a row per member and per team below, and the head of sales' view of teams side by
 * side. Every public method checks that the viewer may see what it asks for.
 */
@Service
public class TeamDashboards {

	private final Dashboards dashboards;
	private final Coaching coaching;
	private final Measurements measurements;
	private final GoalManagement goals;
	private final OrganisationManagement organisations;
	private final TeamManagement teams;
	private final UserManagement users;
	private final Visibility visibility;
	private final InsightAccess access;

	TeamDashboards(Dashboards dashboards, Coaching coaching, Measurements measurements, GoalManagement goals,
			OrganisationManagement organisations, TeamManagement teams, UserManagement users, Visibility visibility,
			InsightAccess access) {
		this.dashboards = dashboards;
		this.coaching = coaching;
		this.measurements = measurements;
		this.goals = goals;
		this.organisations = organisations;
		this.teams = teams;
		this.users = users;
		this.visibility = visibility;
		this.access = access;
	}

	/** The team dashboard: the team's summary and trend, and a row per member (only the viewer's own for a member). */
	public TeamView team(CurrentUser viewer, UUID teamId, Period period) {
		InsightAccess.Level level = access.team(viewer, teamId);
		Scope scope = Scope.team(teamId);
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		Team team = teams.get(viewer, teamId);
		// A team with teams below it shows a row per team below and one per direct member; a team without, one per
		// member.
		List<Team> below = children(viewer, teamId);
		LocalDate day = period.isOver(today) ? period.end().minusDays(1) : today;
		List<UUID> people = (below.isEmpty() ? teams.membersOn(viewer, teamId, day) : directMembers(viewer, teamId, day)).stream()
			.filter(id -> level == InsightAccess.Level.FULL || id.equals(viewer.id())).toList();
		List<Period> periods = dashboards.periodsFor(period, today);
		Map<Period, Measurements.Breakdown> measured;
		if (below.isEmpty()) {
			measured = measurements.measure(viewer.orgId(), scope, periods, org.timeZone());
		}
		else {
			// The team's totals counted as one group, and only the people shown one by one: a head of sales' team of
			// thousands is not measured person by person to show its regions.
			Map<Period, Measurements.Breakdown> totals = measurements.measureTeams(viewer.orgId(), List.of(teamId), periods, org.timeZone());
			Map<Period, Measurements.Breakdown> shown = measurements.measureMembers(viewer.orgId(), teamId, people, periods, org.timeZone());
			measured = new HashMap<>();
			for (Period p : periods) {
				Measurements.Breakdown total = totals.get(p);
				measured.put(p, new Measurements.Breakdown(total.of(teamId),
						shown.get(p).byPerson()));
			}
		}
		Summary summary = dashboards.summaryOf(viewer, scope, team.name(), period, measured, dashboards.openDeals(viewer, scope, today, org));
		List<TrendPoint> teamTrend = dashboards.trendOf(viewer, scope, period, measured, today);
		Map<UUID, String> names = users.displayNames(viewer);
		if (level != InsightAccess.Level.FULL) {
			below = List.of();
		}
		Map<UUID, List<TrendPoint>> trends = memberTrends(viewer, scope, people, period, measured, today);
		Map<UUID, CoachingFocus> focus = new HashMap<>();
		if (level == InsightAccess.Level.FULL && !people.isEmpty()) {
			coaching.coaching(viewer, teamId, period).forEach(f -> focus.put(f.userId(), f));
		}
		List<GoalProgress> revenueGoals = people.isEmpty() ? List.of()
				: goals.progress(viewer, goals.goals(viewer, people.stream().map(Scope::user).toList(), period).stream()
					.filter(g -> g.metric() == GoalMetric.WON_REVENUE).toList());
		List<PersonRow> rows = new ArrayList<>();
		for (UUID person : people) {
			List<TrendPoint> trend = trends.getOrDefault(person, List.of());
			GoalProgress revenue = revenueGoals.stream().filter(g -> g.goal().scope().id().equals(person)).findFirst().orElse(null);
			rows.add(new PersonRow(person, names.getOrDefault(person, "?"), measured.get(period).of(person), revenue,
					summary.hygiene().scoreOf(person), dashboards.signal(trend, today), trend, focus.get(person)));
		}
		rows.sort(Comparator.comparing(PersonRow::name));
		return new TeamView(team, summary, rows, level, teamTrend, teamRows(viewer, below, period, summary.hygiene()));
	}

	/** The sales teams directly below a team, by name. */
	private List<Team> children(CurrentUser viewer, UUID teamId) {
		return teams.all(viewer).stream().filter(t -> t.kind() == TeamKind.SALES && teamId.equals(t.parentId()))
			.sorted(Comparator.comparing(Team::name)).toList();
	}

	/** The people who belong to the team itself on the day, not through a team below. */
	private List<UUID> directMembers(CurrentUser viewer, UUID teamId, LocalDate day) {
		return teams.currentMemberships(viewer).stream()
			.filter(m -> m.teamId().equals(teamId) && !m.validFrom().isAfter(day) && (m.validTo() == null || m.validTo().isAfter(day)))
			.map(dev.tandem.people.Membership::userId).distinct().toList();
	}

	/**
	 * A row per team, measured together in one pass; their hygiene from {@code hygiene}, the open deals of a scope that
	 * holds them all, by each team's members today.
	 */
	private List<TeamRow> teamRows(CurrentUser viewer, List<Team> shown, Period period, Hygiene hygiene) {
		if (shown.isEmpty()) {
			return List.of();
		}
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		Map<UUID, String> names = users.displayNames(viewer);
		Measurements.Breakdown measured = measurements.measureTeams(viewer.orgId(), shown.stream().map(Team::id).toList(),
				List.of(period), org.timeZone()).get(period);
		Map<UUID, Goal> revenueGoals = new HashMap<>();
		goals.goals(viewer, shown.stream().map(t -> Scope.team(t.id())).toList(), period).stream()
			.filter(g -> g.metric() == GoalMetric.WON_REVENUE).forEach(g -> revenueGoals.put(g.scope().id(), g));
		List<TeamRow> rows = new ArrayList<>();
		for (Team team : shown) {
			Scope scope = Scope.team(team.id());
			Measures measures = measured.of(team.id());
			Goal goal = revenueGoals.get(team.id());
			GoalProgress revenue = goal == null ? null : goals.progressOf(goal, measures, today);
			Set<UUID> members = Set.copyOf(teams.membersOn(viewer, team.id(), today));
			Hygiene teamHygiene = new Hygiene(hygiene.deals().stream().filter(d -> members.contains(d.ownerId())).toList());
			Summary summary = new Summary(scope, team.name(), period, measures, Measures.NONE, Measures.NONE,
					revenue == null ? List.of() : List.of(revenue), teamHygiene, period.contains(today), Comparison.of(period, today));
			rows.add(new TeamRow(team, team.leaderId() == null ? null : names.get(team.leaderId()), measures, revenue,
					teamHygiene.score(), summary.pipelineCoverage(), members.size()));
		}
		return rows;
	}

	/** The teams the head of sales' view shows: those one level below the teams the viewer leads (or those, if leaves). */
	public List<Team> overviewTeams(CurrentUser viewer) {
		List<Team> all = teams.all(viewer).stream().filter(t -> t.kind() == TeamKind.SALES).toList();
		List<Team> shown = new ArrayList<>();
		for (Team led : access.ledTeams(viewer)) {
			List<Team> children = all.stream().filter(t -> led.id().equals(t.parentId())).toList();
			(children.isEmpty() ? List.of(led) : children).stream().filter(t -> !shown.contains(t)).forEach(shown::add);
		}
		return shown;
	}

	/** The head of sales' view: the teams below those the viewer leads, side by side. */
	public List<TeamRow> overview(CurrentUser viewer, Period period) {
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		List<Team> shown = overviewTeams(viewer);
		// The open deals of the teams the viewer leads hold those of every team shown.
		Map<UUID, HygieneQueries.DealFlags> open = new LinkedHashMap<>();
		for (Team led : access.ledTeams(viewer)) {
			dashboards.openDeals(viewer, Scope.team(led.id()), today, org).deals().forEach(d -> open.putIfAbsent(d.dealId(), d));
		}
		if (access.ledTeams(viewer).isEmpty()) {
			shown.forEach(t -> dashboards.openDeals(viewer, Scope.team(t.id()), today, org).deals().forEach(d -> open.putIfAbsent(d.dealId(), d)));
		}
		return teamRows(viewer, shown, period, new Hygiene(List.copyOf(open.values())));
	}

	private Map<UUID, List<TrendPoint>> memberTrends(CurrentUser viewer, Scope scope, List<UUID> people, Period period,
			Map<Period, Measurements.Breakdown> measured, LocalDate today) {
		Map<UUID, List<TrendPoint>> trends = new HashMap<>();
		if (people.isEmpty()) {
			return trends;
		}
		List<Period> periods = dashboards.periodsFor(period, today).subList(0, dashboards.trendLength());
		Map<String, Goal> revenueGoals = new HashMap<>();
		goals.goals(viewer, people.stream().map(Scope::user).toList(), periods).stream()
			.filter(g -> g.metric() == GoalMetric.WON_REVENUE).forEach(g -> revenueGoals.put(g.scope().id() + "/" + g.period().key(), g));
		for (Period p : periods) {
			List<UUID> members = teams.membersOn(viewer, scope.id(), p.end().minusDays(1).isBefore(today) ? p.end().minusDays(1) : today);
			for (UUID person : people) {
				if (!members.contains(person)) {
					continue;
				}
				Measures measures = measured.get(p).of(person);
				Goal goal = revenueGoals.get(person + "/" + p.key());
				trends.computeIfAbsent(person, k -> new ArrayList<>()).add(new TrendPoint(p, measures,
						goal == null ? null : goals.progressOf(goal.effectiveTarget(), measures.wonRevenue(), p.elapsedShare(today))));
			}
		}
		return trends;
	}
}
