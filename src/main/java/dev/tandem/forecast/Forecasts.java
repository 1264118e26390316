package dev.tandem.forecast;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.forecast.persistence.ForecastQueries;
import dev.tandem.forecast.persistence.ForecastQueries.OpenDeal;
import dev.tandem.forecast.persistence.Submissions;
import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.Measurements;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Membership;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ForecastCategory;
import org.springframework.stereotype.Service;

/**
 * Builds the forecast of a rep or a team for a period: every level below with what it won, its open deals by
 * category, what it submitted and how its manager adjusted it, its goal, and the statistical forecast of its
 * deals; the team's figures rolled up from the levels below at any depth.
 */
@Service
public class Forecasts {

	/** How many earlier periods of each kind teach what is won beyond the pipeline. */
	/** How many of the deals the forecast cannot count its page lists; the count covers all of them. */
	static final int UNCOUNTED_SHOWN = 20;
	static final Map<Period.Kind, Integer> POOL = Map.of(Period.Kind.MONTH, 6, Period.Kind.QUARTER, 4, Period.Kind.YEAR, 2);

	private final ForecastQueries queries;
	private final Submissions submissions;
	private final Measurements measurements;
	private final GoalManagement goals;
	private final TeamManagement teams;
	private final UserManagement users;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final ForecastAccess access;
	private final WinModels models;
	private final dev.tandem.forecast.persistence.DealStates states;
	private final PastPeriods past;
	private final Clock clock;

	Forecasts(ForecastQueries queries, Submissions submissions, Measurements measurements, GoalManagement goals, TeamManagement teams,
			UserManagement users, OrganisationManagement organisations, Visibility visibility, ForecastAccess access, WinModels models,
			dev.tandem.forecast.persistence.DealStates states, PastPeriods past, Clock clock) {
		this.queries = queries;
		this.submissions = submissions;
		this.measurements = measurements;
		this.goals = goals;
		this.teams = teams;
		this.users = users;
		this.organisations = organisations;
		this.visibility = visibility;
		this.access = access;
		this.models = models;
		this.states = states;
		this.past = past;
		this.clock = clock;
	}

	/**
	 * A forecast with the open deals behind it, each with its chance to be won, and the open deals it cannot count since
	 * they lack an amount or a close date.
	 */
	public record ForecastView(ForecastNode root, List<DealChance> deals, ForecastQueries.Uncounted uncounted) {
	}

	/** An open deal and its statistical chance to be won. */
	public record DealChance(OpenDeal deal, double probability) {
	}

	public ForecastView view(CurrentUser viewer, Scope scope, Period period) {
		access.requireVisible(viewer, scope);
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		Instant now = clock.instant();
		Map<UUID, Team> allTeams = new HashMap<>();
		teams.all(viewer).stream().filter(t -> t.kind() == TeamKind.SALES).forEach(t -> allTeams.put(t.id(), t));
		Map<UUID, List<UUID>> members = new HashMap<>();
		for (Membership membership : teams.currentMemberships(viewer)) {
			if (allTeams.containsKey(membership.teamId())) {
				members.computeIfAbsent(membership.teamId(), k -> new ArrayList<>()).add(membership.userId());
			}
		}
		Set<UUID> people = new LinkedHashSet<>();
		List<Scope> scopes = new ArrayList<>();
		collect(scope, allTeams, members, people, scopes);
		Map<UUID, String> names = new HashMap<>();
		for (User user : users.all(viewer)) {
			names.put(user.id(), user.displayName());
		}
		allTeams.values().forEach(t -> names.put(t.id(), t.name()));

		Measurements.Breakdown won = people.isEmpty() ? Measurements.Breakdown.NONE
				: measurements.measurePeople(viewer.orgId(), people, List.of(period), org.timeZone()).get(period);
		List<OpenDeal> open = people.isEmpty() ? List.of() : queries.openIn(viewer.orgId(), people, period);
		Map<UUID, Submission> submitted = new HashMap<>();
		submissions.latest(viewer.orgId(), scopes.stream().map(Scope::id).toList(), period, now.plusSeconds(1))
			.forEach(s -> submitted.put(s.scope().id(), s));
		Map<UUID, BigDecimal> goalOf = new HashMap<>();
		for (Goal goal : goals.goals(viewer, scopes, period)) {
			if (goal.metric() == GoalMetric.WON_REVENUE) {
				goalOf.put(goal.scope().id(), goal.effectiveTarget());
			}
		}
		double share = PastPeriods.share(period, today);
		PastPeriods.Lessons timing = share == 0 ? PastPeriods.Lessons.NONE
				: past.before(viewer.orgId(), period, POOL.get(period.kind()), org.timeZone(), today, owner -> true);
		WinModel model = models.current(viewer.orgId());
		Map<UUID, List<UUID>> teamOf = new HashMap<>();
		members.values().forEach(list -> list.forEach(member -> teamOf.put(member, list)));
		List<DealChance> chances = new ArrayList<>();
		for (OpenDeal deal : open) {
			double chance = model.probability(deal.stageId(), deal.ownerId(),
					teamOf.getOrDefault(deal.ownerId(), List.of(deal.ownerId())), deal.stageEnteredAt(), now);
			chances.add(new DealChance(deal, timing.withinPeriod(chance, deal.stageId(), model.organisationRate(deal.stageId()))));
		}
		Map<UUID, List<DealChance>> byOwner = new HashMap<>();
		chances.forEach(c -> byOwner.computeIfAbsent(c.deal().ownerId(), k -> new ArrayList<>()).add(c));
		java.util.function.Function<Set<UUID>, double[]> pool = owners -> share == 0 ? new double[0]
				: past.before(viewer.orgId(), period, POOL.get(period.kind()), org.timeZone(), today, owners::contains).unplanned();
		Build build = new Build(allTeams, members, names, won, byOwner, submitted, goalOf, period, pool, share);
		ForecastQueries.Uncounted uncounted = people.isEmpty() ? ForecastQueries.Uncounted.NONE
				: queries.uncounted(viewer.orgId(), people, UNCOUNTED_SHOWN);
		return new ForecastView(build.node(scope), chances, uncounted);
	}

	private static void collect(Scope scope, Map<UUID, Team> allTeams, Map<UUID, List<UUID>> members, Set<UUID> people,
			List<Scope> scopes) {
		scopes.add(scope);
		if (!scope.isTeam()) {
			people.add(scope.id());
			return;
		}
		for (UUID member : members.getOrDefault(scope.id(), List.of())) {
			collect(Scope.user(member), allTeams, members, people, scopes);
		}
		for (Team child : allTeams.values()) {
			if (scope.id().equals(child.parentId())) {
				collect(Scope.team(child.id()), allTeams, members, people, scopes);
			}
		}
	}

	/** The tree of one view, built bottom-up. */
	private record Build(Map<UUID, Team> allTeams, Map<UUID, List<UUID>> members, Map<UUID, String> names,
			Measurements.Breakdown won, Map<UUID, List<DealChance>> byOwner, Map<UUID, Submission> submitted,
			Map<UUID, BigDecimal> goalOf, Period period, java.util.function.Function<Set<UUID>, double[]> pool, double share) {

		ForecastNode node(Scope scope) {
			if (!scope.isTeam()) {
				List<DealChance> deals = byOwner.getOrDefault(scope.id(), List.of());
				BigDecimal wonSoFar = won.of(scope.id()).wonRevenue();
				BigDecimal commit = sum(deals, ForecastCategory.COMMIT);
				BigDecimal bestCase = sum(deals, ForecastCategory.BEST_CASE);
				BigDecimal pipeline = sum(deals, ForecastCategory.PIPELINE);
				return new ForecastNode(scope, names.getOrDefault(scope.id(), "?"), null, wonSoFar, commit, bestCase, pipeline,
						wonSoFar.add(commit), wonSoFar.add(commit).add(bestCase), submitted.get(scope.id()), goalOf.get(scope.id()), null,
						simulate(wonSoFar, deals, scope), List.of());
			}
			List<ForecastNode> children = new ArrayList<>();
			members.getOrDefault(scope.id(), List.of()).stream().map(Scope::user).map(this::node)
				.sorted(Comparator.comparing(ForecastNode::name)).forEach(children::add);
			allTeams.values().stream().filter(t -> scope.id().equals(t.parentId())).sorted(Comparator.comparing(Team::name))
				.map(t -> node(Scope.team(t.id()))).forEach(children::add);
			BigDecimal wonSoFar = total(children, ForecastNode::won);
			List<DealChance> deals = new ArrayList<>();
			collectDeals(scope, deals);
			Team team = allTeams.get(scope.id());
			BigDecimal membersGoal = children.stream().map(ForecastNode::goal).filter(g -> g != null).reduce(BigDecimal::add).orElse(null);
			return new ForecastNode(scope, team.name(), team.leaderId() == null ? null : names.get(team.leaderId()), wonSoFar,
					total(children, ForecastNode::commitOpen), total(children, ForecastNode::bestCaseOpen),
					total(children, ForecastNode::pipelineOpen), total(children, ForecastNode::commit),
					total(children, ForecastNode::bestCase), submitted.get(scope.id()), goalOf.get(scope.id()), membersGoal,
					simulate(wonSoFar, deals, scope), children);
		}

		private void collectDeals(Scope scope, List<DealChance> into) {
			if (!scope.isTeam()) {
				into.addAll(byOwner.getOrDefault(scope.id(), List.of()));
				return;
			}
			members.getOrDefault(scope.id(), List.of()).forEach(m -> collectDeals(Scope.user(m), into));
			allTeams.values().stream().filter(t -> scope.id().equals(t.parentId())).forEach(t -> collectDeals(Scope.team(t.id()), into));
		}

		private MonteCarlo.Outcome simulate(BigDecimal wonSoFar, List<DealChance> deals, Scope scope) {
			List<MonteCarlo.Bet> bets = deals.stream().map(d -> new MonteCarlo.Bet(d.deal().amount().doubleValue(), d.probability()))
				.toList();
			Set<UUID> owners = new java.util.HashSet<>();
			collectPeople(scope, owners);
			return MonteCarlo.simulate(wonSoFar, bets, pool.apply(owners), share, MonteCarlo.TRIALS,
					scope.id().getMostSignificantBits() ^ period.start().toEpochDay());
		}

		private void collectPeople(Scope scope, Set<UUID> into) {
			if (!scope.isTeam()) {
				into.add(scope.id());
				return;
			}
			members.getOrDefault(scope.id(), List.of()).forEach(into::add);
			allTeams.values().stream().filter(t -> scope.id().equals(t.parentId())).forEach(t -> collectPeople(Scope.team(t.id()), into));
		}

		private static BigDecimal sum(List<DealChance> deals, ForecastCategory category) {
			return deals.stream().filter(d -> d.deal().category() == category).map(d -> d.deal().amount())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		private static BigDecimal total(List<ForecastNode> nodes, java.util.function.Function<ForecastNode, BigDecimal> value) {
			return nodes.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
		}
	}

	/**
	 * How the scope's open pipeline of the period changed between two moments ({@code to} no later than now). The
	 * scope's people are those in it today.
	 */
	public PipelineChange change(CurrentUser viewer, Scope scope, Period period, Instant from, Instant to) {
		access.requireVisible(viewer, scope);
		Instant end = to.isAfter(clock.instant()) ? clock.instant() : to;
		Instant start = from.isAfter(end) ? end : from;
		Set<UUID> people = new LinkedHashSet<>();
		if (scope.isTeam()) {
			people.addAll(teams.membersOn(viewer, scope.id(), visibility.today(viewer.orgId())));
		}
		else {
			people.add(scope.id());
		}
		return PipelineChange.between(period, start, end, states.at(viewer.orgId(), start, start), states.at(viewer.orgId(), end, start),
				people::contains);
	}

	/** One deal's part in a pipeline change, named. */
	public record NamedMove(PipelineChange.Move move, ForecastQueries.DealName deal) {
	}

	/** The deals behind each kind of change, largest first. */
	public Map<PipelineChange.Kind, List<NamedMove>> movesByKind(CurrentUser viewer, PipelineChange change) {
		Map<UUID, ForecastQueries.DealName> names = queries.names(viewer.orgId(),
				change.moves().stream().map(PipelineChange.Move::dealId).collect(java.util.stream.Collectors.toSet()));
		Map<PipelineChange.Kind, List<NamedMove>> byKind = new java.util.EnumMap<>(PipelineChange.Kind.class);
		for (PipelineChange.Move move : change.moves()) {
			ForecastQueries.DealName name = names.get(move.dealId());
			if (name != null) {
				byKind.computeIfAbsent(move.kind(), k -> new ArrayList<>()).add(new NamedMove(move, name));
			}
		}
		byKind.values().forEach(list -> list.sort(Comparator.comparing((NamedMove m) -> m.move().amount()).reversed()));
		return byKind;
	}

	/** The node of one scope in a fresh view, for writes that need its current figures. */
	ForecastNode node(CurrentUser viewer, Scope scope, Period period) {
		return view(viewer, scope, period).root();
	}
}
