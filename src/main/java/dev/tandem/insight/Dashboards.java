package dev.tandem.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import dev.tandem.insight.persistence.FunnelQueries;
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
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Builds the dashboards of people and teams, for any period, from the goals module's measurements and the
 * insight queries. Every public method checks that the viewer may see what it asks for.
 */
@Service
public class Dashboards {

	private final Measurements measurements;
	private final GoalManagement goals;
	private final FunnelQueries funnels;
	private final HygieneQueries hygiene;
	private final LeadQueries leads;
	private final PlaybookManagement playbook;
	private final OrganisationManagement organisations;
	private final TeamManagement teams;
	private final UserManagement users;
	private final Visibility visibility;
	private final InsightAccess access;
	private final InsightSettings settings;

	Dashboards(Measurements measurements, GoalManagement goals, FunnelQueries funnels, HygieneQueries hygiene, LeadQueries leads,
			PlaybookManagement playbook, OrganisationManagement organisations, TeamManagement teams, UserManagement users,
			Visibility visibility, InsightAccess access, InsightSettings settings) {
		this.measurements = measurements;
		this.goals = goals;
		this.funnels = funnels;
		this.hygiene = hygiene;
		this.leads = leads;
		this.playbook = playbook;
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
		Map<Period, Measurements.Breakdown> measured = measurements.measure(viewer.orgId(), scope,
				List.of(period, period.previous(), period.yearEarlier()), org.timeZone());
		return summaryOf(viewer, scope, name, period, measured, hygiene(viewer, scope, visibility.today(viewer.orgId()), org));
	}

	/** A person's dashboard: the summary and the trend, measured in one pass. */
	public PersonView person(CurrentUser viewer, UUID personId, Period period) {
		Scope scope = Scope.user(personId);
		String name = requireAccess(viewer, scope);
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		Map<Period, Measurements.Breakdown> measured = measurements.measure(viewer.orgId(), scope, periodsFor(period), org.timeZone());
		Summary summary = summaryOf(viewer, scope, name, period, measured, hygiene(viewer, scope, today, org));
		List<TrendPoint> trend = trendOf(viewer, scope, period, measured, today);
		return new PersonView(summary, trend, signal(trend, today));
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
		List<Period> periods = periodsFor(period);
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
		Summary summary = summaryOf(viewer, scope, team.name(), period, measured, hygiene(viewer, scope, today, org));
		List<TrendPoint> teamTrend = trendOf(viewer, scope, period, measured, today);
		Map<UUID, String> names = users.displayNames(viewer);
		if (level != InsightAccess.Level.FULL) {
			below = List.of();
		}
		Map<UUID, List<TrendPoint>> trends = memberTrends(viewer, scope, people, period, measured, today);
		Map<UUID, CoachingFocus> focus = new HashMap<>();
		if (level == InsightAccess.Level.FULL && !people.isEmpty()) {
			coaching(viewer, teamId, period).forEach(f -> focus.put(f.userId(), f));
		}
		List<GoalProgress> revenueGoals = people.isEmpty() ? List.of()
				: goals.progress(viewer, goals.goals(viewer, people.stream().map(Scope::user).toList(), period).stream()
					.filter(g -> g.metric() == GoalMetric.WON_REVENUE).toList());
		List<PersonRow> rows = new ArrayList<>();
		for (UUID person : people) {
			List<TrendPoint> trend = trends.getOrDefault(person, List.of());
			GoalProgress revenue = revenueGoals.stream().filter(g -> g.goal().scope().id().equals(person)).findFirst().orElse(null);
			rows.add(new PersonRow(person, names.getOrDefault(person, "?"), measured.get(period).of(person), revenue,
					summary.hygiene().scoreOf(person), signal(trend, today), trend, focus.get(person)));
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
					revenue == null ? List.of() : List.of(revenue), teamHygiene, period.contains(today));
			rows.add(new TeamRow(team, team.leaderId() == null ? null : names.get(team.leaderId()), measures, revenue,
					teamHygiene.score(), summary.pipelineCoverage(), members.size()));
		}
		return rows;
	}

	/** The periods a dashboard measures: the trend's, ending with the period, and the same period a year earlier. */
	private List<Period> periodsFor(Period period) {
		List<Period> periods = new ArrayList<>();
		for (int i = trendLength() - 1; i >= 0; i--) {
			periods.add(period.shift(-i));
		}
		periods.add(period.yearEarlier());
		return periods;
	}

	private Summary summaryOf(CurrentUser viewer, Scope scope, String name, Period period,
			Map<Period, Measurements.Breakdown> measured, Hygiene hygiene) {
		LocalDate today = visibility.today(viewer.orgId());
		Measures current = measured.get(period).total();
		List<GoalProgress> progress = goals.goals(viewer, List.of(scope), period).stream()
			.map(g -> goals.progressOf(g, current, today)).toList();
		return new Summary(scope, name, period, current, measured.get(period.previous()).total(),
				measured.get(period.yearEarlier()).total(), progress, hygiene, period.contains(today));
	}

	private List<TrendPoint> trendOf(CurrentUser viewer, Scope scope, Period period, Map<Period, Measurements.Breakdown> measured,
			LocalDate today) {
		return points(viewer, scope, periodsFor(period).subList(0, trendLength()), measured, today);
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
					revenue == null ? null : Progress.of(revenue.effectiveTarget(), measures.wonRevenue(), p.elapsedShare(today))));
		}
		return points;
	}

	/** Stage by stage for a scope over a period; a member of a team sees only the team's figures and their own. */
	public Funnel funnel(CurrentUser viewer, Scope scope, Period period) {
		return funnel(viewer, scope, period, true);
	}

	/** As {@link #funnel(CurrentUser, Scope, Period)}, with each person's figures only when {@code perPerson}. */
	public Funnel funnel(CurrentUser viewer, Scope scope, Period period, boolean perPerson) {
		requireAccess(viewer, scope);
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Funnel funnel = funnel(viewer, scope, period.startAt(zone), period.endAt(zone), zone, perPerson);
		return restrict(viewer, scope, funnel);
	}

	/**
	 * The coaching focus of each member of a team, over the months of history the settings say, ending with
	 * the period (or today, for the running period), so there are enough deals behind each conversion.
	 */
	public List<CoachingFocus> coaching(CurrentUser viewer, UUID teamId, Period period) {
		if (access.team(viewer, teamId) != InsightAccess.Level.FULL) {
			return List.of();
		}
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Period window = coachingWindow(viewer, period);
		Funnel funnel = funnel(viewer, Scope.team(teamId), window.startAt(zone), window.endAt(zone), zone);
		Map<UUID, String> names = users.displayNames(viewer);
		List<CoachingFocus> result = new ArrayList<>();
		for (UUID person : funnel.byPerson().keySet()) {
			CoachingFocus focus = focusOf(person, names.getOrDefault(person, "?"), funnel);
			if (focus != null) {
				result.add(focus);
			}
		}
		result.sort(Comparator.comparingDouble(CoachingFocus::gapPoints).reversed());
		return result;
	}

	/**
	 * The window the coaching focus looks at: the configured months up to the end of the period, or for the
	 * running period up to the start of this month, so deals that just entered a stage and had no time yet to
	 * move on do not weigh on a conversion.
	 */
	public Period coachingWindow(CurrentUser viewer, Period period) {
		LocalDate today = visibility.today(viewer.orgId());
		LocalDate end = period.isOver(today) ? period.end() : today.withDayOfMonth(1);
		return new Period(Period.Kind.MONTH, end.minusMonths(settings.coachingWindowMonths()), end, period.fiscalStartMonth());
	}

	private @Nullable CoachingFocus focusOf(UUID person, String name, Funnel funnel) {
		Funnel.Stage weak = null;
		double weakGap = settings.coachingGapPoints() / 100;
		Funnel.Stage strong = null;
		double strongLead = 0.05;
		for (Funnel.Stage stage : funnel.stages()) {
			StageFigures mine = funnel.of(person, stage.id());
			Double team = stage.figures().conversion();
			if (mine.entered() < settings.coachingMinDeals() || team == null || mine.conversion() == null) {
				continue;
			}
			double gap = team - mine.conversion();
			if (gap > weakGap) {
				weak = stage;
				weakGap = gap;
			}
			if (-gap > strongLead) {
				strong = stage;
				strongLead = -gap;
			}
		}
		if (weak == null) {
			return null;
		}
		StageFigures mine = funnel.of(person, weak.id());
		return new CoachingFocus(person, name, weak.name(), mine.conversion(), weak.figures().conversion(), mine.entered(),
				strong == null ? null : strong.name(), strong == null ? null : funnel.of(person, strong.id()).conversion(),
				strong == null ? null : strong.figures().conversion());
	}

	/** A person's funnel beside the funnel of the team they belong to today (aggregates only). */
	public record PersonFunnel(Funnel person, @Nullable Funnel team, @Nullable Team teamOf) {
	}

	public PersonFunnel personFunnel(CurrentUser viewer, UUID personId, Period period) {
		access.requirePerson(viewer, personId);
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Funnel own = funnel(viewer, Scope.user(personId), period.startAt(zone), period.endAt(zone), zone);
		Team team = teamOf(viewer, personId);
		Funnel teamFunnel = team == null ? null : funnel(viewer, Scope.team(team.id()), period.startAt(zone), period.endAt(zone), zone);
		return new PersonFunnel(own, teamFunnel == null ? null : new Funnel(teamFunnel.stages(), Map.of()), team);
	}

	/** A person's coaching focus against the team they belong to today, over the coaching window. */
	public @Nullable CoachingFocus coachingFor(CurrentUser viewer, UUID personId, Period period) {
		access.requirePerson(viewer, personId);
		Team team = teamOf(viewer, personId);
		if (team == null) {
			return null;
		}
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Period window = coachingWindow(viewer, period);
		Funnel funnel = funnel(viewer, Scope.team(team.id()), window.startAt(zone), window.endAt(zone), zone);
		return focusOf(personId, users.get(viewer, personId).displayName(), funnel);
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
		Hygiene all = hygiene(viewer, scope, visibility.today(viewer.orgId()), organisations.get(viewer.orgId()));
		return scope.isTeam() && access.team(viewer, scope.id()) != InsightAccess.Level.FULL
				? new Hygiene(all.deals().stream().filter(d -> d.ownerId().equals(viewer.id())).toList()) : all;
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
			hygiene(viewer, Scope.team(led.id()), today, org).deals().forEach(d -> open.putIfAbsent(d.dealId(), d));
		}
		if (access.ledTeams(viewer).isEmpty()) {
			shown.forEach(t -> hygiene(viewer, Scope.team(t.id()), today, org).deals().forEach(d -> open.putIfAbsent(d.dealId(), d)));
		}
		return teamRows(viewer, shown, period, new Hygiene(List.copyOf(open.values())));
	}

	/** The default pipeline, whose stages the funnel shows. */
	public Pipeline pipeline(CurrentUser viewer) {
		return playbook.defaultPipeline(viewer.orgId());
	}

	private Funnel funnel(CurrentUser viewer, Scope scope, Instant from, Instant to, ZoneId zone) {
		return funnel(viewer, scope, from, to, zone, true);
	}

	private Funnel funnel(CurrentUser viewer, Scope scope, Instant from, Instant to, ZoneId zone, boolean perPerson) {
		Pipeline pipeline = playbook.defaultPipeline(viewer.orgId());
		List<FunnelQueries.Row> rows = funnels.funnel(viewer.orgId(), scope, pipeline.id(), from, to, zone, perPerson);
		Map<UUID, StageFigures> team = new HashMap<>();
		Map<UUID, Map<UUID, StageFigures>> byPerson = new HashMap<>();
		for (FunnelQueries.Row row : rows) {
			StageFigures figures = new StageFigures(row.entered(), row.advanced(), row.medianDays());
			if (row.ownerId() == null) {
				team.put(row.stageId(), figures);
			}
			else {
				byPerson.computeIfAbsent(row.ownerId(), k -> new HashMap<>()).put(row.stageId(), figures);
			}
		}
		List<Funnel.Stage> stages = pipeline.openStages().stream()
			.map(s -> new Funnel.Stage(s.id(), s.name(), team.getOrDefault(s.id(), StageFigures.NONE))).toList();
		return new Funnel(stages, byPerson);
	}

	private Funnel restrict(CurrentUser viewer, Scope scope, Funnel funnel) {
		if (!scope.isTeam() || access.team(viewer, scope.id()) == InsightAccess.Level.FULL) {
			return funnel;
		}
		Map<UUID, Map<UUID, StageFigures>> own = new HashMap<>();
		if (funnel.byPerson().containsKey(viewer.id())) {
			own.put(viewer.id(), funnel.byPerson().get(viewer.id()));
		}
		return new Funnel(funnel.stages(), own);
	}

	private Map<UUID, List<TrendPoint>> memberTrends(CurrentUser viewer, Scope scope, List<UUID> people, Period period,
			Map<Period, Measurements.Breakdown> measured, LocalDate today) {
		Map<UUID, List<TrendPoint>> trends = new HashMap<>();
		if (people.isEmpty()) {
			return trends;
		}
		List<Period> periods = periodsFor(period).subList(0, trendLength());
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
						goal == null ? null : Progress.of(goal.effectiveTarget(), measures.wonRevenue(), p.elapsedShare(today))));
			}
		}
		return trends;
	}

	private Hygiene hygiene(CurrentUser viewer, Scope scope, LocalDate today, Organisation org) {
		return new Hygiene(hygiene.openDeals(viewer.orgId(), scope, today, org.timeZone(), dev.tandem.crm.Deal.STALE_AFTER_DAYS));
	}

	private String requireAccess(CurrentUser viewer, Scope scope) {
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
