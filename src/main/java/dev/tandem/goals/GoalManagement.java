package dev.tandem.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.goals.persistence.Goals;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamAccess;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Period;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agrees goals between their owner and the owner's manager, and tells where each goal stands.
 * <p>
 * The owner proposes a target with a note; the manager accepts it or counter-proposes; the owner accepts
 * the counter or proposes again, until both agree. A manager may also set a goal directly, which is marked.
 * Either side may reopen an agreed goal with a new figure; progress is then measured against the last
 * agreed target until the new one is agreed. Every step is kept as a {@link Proposal}.
 */
@Service
public class GoalManagement {

	private static final BigDecimal MAX_TARGET = new BigDecimal("1000000000000");

	private final Goals goals;
	private final GoalRoles roles;
	private final Measurements measurements;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final TeamManagement teams;
	private final ApplicationEventPublisher events;
	private final PaceSettings pace;

	GoalManagement(Goals goals, GoalRoles roles, Measurements measurements, OrganisationManagement organisations,
			Visibility visibility, TeamManagement teams, ApplicationEventPublisher events, PaceSettings pace) {
		this.pace = pace;
		this.goals = goals;
		this.roles = roles;
		this.measurements = measurements;
		this.organisations = organisations;
		this.visibility = visibility;
		this.teams = teams;
		this.events = events;
	}

	/** The period a key names ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}), or the current one of the given kind. */
	public Period period(CurrentUser viewer, @Nullable String key, Period.Kind kind) {
		Organisation org = organisations.get(viewer.orgId());
		return key == null || key.isBlank()
				? Period.containing(visibility.today(viewer.orgId()), kind, org.fiscalYearStartMonth())
				: Period.parse(key, org.fiscalYearStartMonth(), "period");
	}

	public Goal get(CurrentUser viewer, UUID id) {
		Goal goal = goals.find(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("goal", id));
		if (!roles.maySee(viewer, goal.scope(), visibility.today(viewer.orgId()))) {
			throw new RecordNotFoundException("goal", id);
		}
		return goal;
	}

	public List<Proposal> proposals(CurrentUser viewer, UUID goalId) {
		get(viewer, goalId);
		return goals.proposals(viewer.orgId(), goalId);
	}

	/** The last step of a goal's agreement, with its note: what the one who answers reads. */
	public Optional<Proposal> lastProposal(CurrentUser viewer, UUID goalId) {
		get(viewer, goalId);
		return goals.lastProposal(viewer.orgId(), goalId);
	}

	/** The goals of these people and teams for exactly this period, those the viewer may see. */
	public List<Goal> goals(CurrentUser viewer, List<Scope> scopes, Period period) {
		LocalDate today = visibility.today(viewer.orgId());
		List<Scope> visible = scopes.stream().filter(s -> roles.maySee(viewer, s, today)).toList();
		if (visible.isEmpty()) {
			return List.of();
		}
		return goals.of(viewer.orgId(), visible.stream().map(Scope::id).toList(), period.start(), period.start().plusDays(1))
			.stream().filter(g -> g.period().kind() == period.kind()).toList();
	}

	/** Where a goal stands, given what its owner achieved in its period. */
	public GoalProgress progressOf(Goal goal, Measures measures, LocalDate today) {
		return new GoalProgress(goal, pace.progress(goal.effectiveTarget(), measures.value(goal),
				goal.period().elapsedShare(today)));
	}

	/** Where {@code actual} stands against {@code target} in a period of which {@code elapsedShare} has passed. */
	public Progress progressOf(BigDecimal target, BigDecimal actual, double elapsedShare) {
		return pace.progress(target, actual, elapsedShare);
	}

	/** The goals of these people and teams for any of the periods (each of its own kind and start), in one query. */
	public List<Goal> goals(CurrentUser viewer, List<Scope> scopes, List<Period> periods) {
		LocalDate today = visibility.today(viewer.orgId());
		List<Scope> visible = scopes.stream().filter(s -> roles.maySee(viewer, s, today)).toList();
		if (visible.isEmpty() || periods.isEmpty()) {
			return List.of();
		}
		LocalDate from = periods.stream().map(Period::start).min(LocalDate::compareTo).orElseThrow();
		LocalDate to = periods.stream().map(Period::start).max(LocalDate::compareTo).orElseThrow().plusDays(1);
		return goals.of(viewer.orgId(), visible.stream().map(Scope::id).toList(), from, to).stream()
			.filter(g -> periods.contains(g.period())).toList();
	}

	/** Where each goal stands: people's goals measured together, each team's in one pass. */
	public List<GoalProgress> progress(CurrentUser viewer, List<Goal> list) {
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		List<Period> periods = list.stream().map(Goal::period).distinct().toList();
		java.util.Set<UUID> people = new java.util.LinkedHashSet<>();
		java.util.Set<UUID> teamIds = new java.util.LinkedHashSet<>();
		list.forEach(g -> (g.scope().isTeam() ? teamIds : people).add(g.scope().id()));
		Map<Period, Measurements.Breakdown> byPerson = people.isEmpty() ? Map.of()
				: measurements.measurePeople(viewer.orgId(), people, periods, org.timeZone());
		Map<UUID, Map<Period, Measurements.Breakdown>> byTeam = new LinkedHashMap<>();
		for (UUID team : teamIds) {
			List<Period> teamPeriods = list.stream().filter(g -> g.scope().id().equals(team)).map(Goal::period).distinct().toList();
			byTeam.put(team, measurements.measure(viewer.orgId(), Scope.team(team), teamPeriods, org.timeZone()));
		}
		List<GoalProgress> result = new ArrayList<>();
		for (Goal goal : list) {
			Measures measures = goal.scope().isTeam() ? byTeam.get(goal.scope().id()).get(goal.period()).total()
					: byPerson.get(goal.period()).of(goal.scope().id());
			result.add(new GoalProgress(goal, pace.progress(goal.effectiveTarget(), measures.value(goal),
					goal.period().elapsedShare(today))));
		}
		return result;
	}

	public boolean isOwnerSide(CurrentUser user, Goal goal) {
		return roles.ownerSide(user, goal.scope());
	}

	public boolean isManagerSide(CurrentUser user, Goal goal) {
		return roles.managerSide(user, goal.scope());
	}

	/** Whether the user is on the manager side of the team's members: leads it or a team above it, or is an admin (of a team of their organisation). */
	public boolean managesTeam(CurrentUser user, UUID teamId) {
		return visibility.teamAccess(user, teamId) == TeamAccess.FULL;
	}

	/** Whether the user may answer the figure on the table now. */
	public boolean mayAnswer(CurrentUser user, Goal goal) {
		return switch (goal.status()) {
			case AWAITING_MANAGER -> roles.managerSide(user, goal.scope());
			case AWAITING_OWNER -> roles.ownerSide(user, goal.scope());
			case AGREED -> false;
		};
	}

	/**
	 * Puts a target on the table: the owner proposes, a manager offers. A goal that exists for the same
	 * scope, metric and period gets the new figure; otherwise it is created.
	 */
	@Transactional
	public Goal propose(CurrentUser user, NewGoal goal) {
		boolean owner = roles.ownerSide(user, goal.scope());
		boolean manager = roles.managerSide(user, goal.scope());
		check(user, goal, owner || manager);
		GoalStatus status = owner ? GoalStatus.AWAITING_MANAGER : GoalStatus.AWAITING_OWNER;
		ProposalKind kind = owner ? ProposalKind.PROPOSED : ProposalKind.COUNTERED;
		return put(user, goal, status, kind, false);
	}

	/** A manager sets a goal directly; it is agreed at once and marked as set by the manager. */
	@Transactional
	public Goal set(CurrentUser user, NewGoal goal) {
		boolean manager = roles.managerSide(user, goal.scope());
		check(user, goal, manager);
		return put(user, goal, GoalStatus.AGREED, ProposalKind.SET, true);
	}

	/** Accepts the figure on the table, when it is the user's turn. */
	@Transactional
	public Goal accept(CurrentUser user, UUID id, int version) {
		Goal goal = get(user, id);
		requireTurn(user, goal, version);
		save(user, goal, goal.target(), goal.target(), GoalStatus.AGREED, goal.setByManager(), version);
		goals.addProposal(user.orgId(), id, user.id(), ProposalKind.ACCEPTED, goal.target(), null);
		return changed(user, id);
	}

	/** Answers the figure on the table with another one, when it is the user's turn, or reopens an agreed goal. */
	@Transactional
	public Goal counter(CurrentUser user, UUID id, int version, @Nullable BigDecimal target, @Nullable String note) {
		Goal goal = get(user, id);
		boolean owner = roles.ownerSide(user, goal.scope());
		boolean manager = roles.managerSide(user, goal.scope());
		if (goal.status() == GoalStatus.AGREED ? !(owner || manager) : !mayAnswer(user, goal)) {
			throw InvalidInputException.of("target", "validation.goal.not-your-turn");
		}
		if (goal.version() != version) {
			throw conflict(goal);
		}
		BigDecimal checked = checkTarget(goal.metric(), target);
		GoalStatus status = owner ? GoalStatus.AWAITING_MANAGER : GoalStatus.AWAITING_OWNER;
		save(user, goal, checked, goal.agreedTarget(), status, false, version);
		ProposalKind kind = owner ? ProposalKind.PROPOSED : ProposalKind.COUNTERED;
		UUID proposal = goals.addProposal(user.orgId(), id, user.id(), kind, checked, blank(note));
		events.publishEvent(new GoalProposed(user.orgId(), id, proposal, user.id()));
		return changed(user, id);
	}

	/**
	 * Copies the goals of a team and of its members for a period to the next period, where none exists yet.
	 * Copies on the user's manager side wait for the owner's agreement; copies of the user's own goals wait
	 * for their manager's. Answers how many goals were copied.
	 */
	@Transactional
	public int copyToNext(CurrentUser user, UUID teamId, Period period) {
		LocalDate today = visibility.today(user.orgId());
		List<Scope> scopes = new ArrayList<>();
		scopes.add(Scope.team(teamId));
		teams.membersOn(user, teamId, period.end().minusDays(1).isBefore(today) ? period.end().minusDays(1) : today)
			.forEach(member -> scopes.add(Scope.user(member)));
		int copied = 0;
		for (Goal goal : goals(user, scopes, period)) {
			boolean owner = roles.ownerSide(user, goal.scope());
			boolean manager = roles.managerSide(user, goal.scope());
			Period next = goal.period().next();
			if (!(owner || manager) || goals.find(user.orgId(), goal.scope(), goal.metric(), goal.activityTypes(), goal.productId(), next).isPresent()) {
				continue;
			}
			UUID id = Ids.next();
			BigDecimal target = goal.effectiveTarget();
			goals.insert(user.orgId(), id, goal.scope(), goal.metric(), goal.activityTypes(), goal.productId(), next, target, null,
					owner ? GoalStatus.AWAITING_MANAGER : GoalStatus.AWAITING_OWNER, false, user.displayName());
			goals.addProposal(user.orgId(), id, user.id(), owner ? ProposalKind.PROPOSED : ProposalKind.COPIED, target, null);
			publish(user, id, goal.scope());
			copied++;
		}
		return copied;
	}

	/** Removes a goal; the manager side may always, the owner only while it was never agreed. */
	@Transactional
	public void delete(CurrentUser user, UUID id) {
		Goal goal = get(user, id);
		boolean allowed = roles.managerSide(user, goal.scope()) || (roles.ownerSide(user, goal.scope()) && goal.agreedTarget() == null);
		if (!allowed) {
			throw InvalidInputException.of("id", "validation.goal.delete-managers");
		}
		goals.delete(user.orgId(), id);
		publish(user, id, goal.scope());
	}

	/** The sum of the members' goals beside a team goal, so a gap between them shows. */
	public BigDecimal membersTotal(CurrentUser viewer, Goal teamGoal) {
		LocalDate today = visibility.today(viewer.orgId());
		LocalDate asOf = teamGoal.period().end().minusDays(1).isBefore(today) ? teamGoal.period().end().minusDays(1) : today;
		List<Scope> members = teams.membersOn(viewer, teamGoal.scope().id(), asOf).stream().map(Scope::user).toList();
		return goals(viewer, members, teamGoal.period()).stream()
			.filter(g -> g.metric() == teamGoal.metric() && g.activityTypes().equals(teamGoal.activityTypes())
				&& java.util.Objects.equals(g.productId(), teamGoal.productId()))
			.map(Goal::effectiveTarget).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private Goal put(CurrentUser user, NewGoal goal, GoalStatus status, ProposalKind kind, boolean setByManager) {
		BigDecimal target = checkTarget(goal.metric(), goal.target());
		Optional<Goal> existing = goals.find(user.orgId(), goal.scope(), goal.metric(), goal.activityTypes(), goal.productId(), goal.period());
		UUID id;
		if (existing.isPresent()) {
			Goal current = existing.get();
			id = current.id();
			BigDecimal agreed = status == GoalStatus.AGREED ? target : current.agreedTarget();
			save(user, current, target, agreed, status, setByManager, current.version());
		}
		else {
			id = Ids.next();
			goals.insert(user.orgId(), id, goal.scope(), goal.metric(), goal.activityTypes(), goal.productId(), goal.period(), target,
					status == GoalStatus.AGREED ? target : null, status, setByManager, user.displayName());
		}
		UUID proposal = goals.addProposal(user.orgId(), id, user.id(), kind, target, blank(goal.note()));
		if (status != GoalStatus.AGREED) {
			events.publishEvent(new GoalProposed(user.orgId(), id, proposal, user.id()));
		}
		return changed(user, id);
	}

	private void check(CurrentUser user, NewGoal goal, boolean allowed) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!allowed) {
			problems.add(new FieldProblem(goal.scope().isTeam() ? "teamId" : "userId", "validation.goal.not-yours"));
		}
		if (!goal.activityTypes().isEmpty() && goal.metric() != GoalMetric.ACTIVITIES) {
			problems.add(new FieldProblem("activityTypes", "validation.goal.types-only-for-activities"));
		}
		if (goal.metric() == GoalMetric.UNITS_SOLD) {
			if (goal.productId() == null || !goals.productExists(user.orgId(), goal.productId())) {
				problems.add(new FieldProblem("productId", "validation.goal.product-needed"));
			}
		}
		else if (goal.productId() != null) {
			problems.add(new FieldProblem("productId", "validation.goal.product-only-for-units"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static BigDecimal checkTarget(GoalMetric metric, @Nullable BigDecimal target) {
		if (target == null || target.signum() <= 0 || target.compareTo(MAX_TARGET) >= 0) {
			throw InvalidInputException.of("target", "validation.goal.target");
		}
		if (!metric.isMoney() && target.stripTrailingZeros().scale() > 0) {
			throw InvalidInputException.of("target", "validation.goal.whole-number");
		}
		return target.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	private void requireTurn(CurrentUser user, Goal goal, int version) {
		if (!mayAnswer(user, goal)) {
			throw InvalidInputException.of("version", "validation.goal.not-your-turn");
		}
		if (goal.version() != version) {
			throw conflict(goal);
		}
	}

	private void save(CurrentUser user, Goal goal, BigDecimal target, @Nullable BigDecimal agreed, GoalStatus status,
			boolean setByManager, int version) {
		if (!goals.update(user.orgId(), goal.id(), target, agreed, status, setByManager, user.displayName(), version)) {
			throw conflict(goals.find(user.orgId(), goal.id()).orElse(goal));
		}
	}

	private Goal changed(CurrentUser user, UUID id) {
		Goal goal = goals.find(user.orgId(), id).orElseThrow();
		publish(user, id, goal.scope());
		return goal;
	}

	private void publish(CurrentUser user, UUID id, Scope scope) {
		events.publishEvent(new GoalChanged(user.orgId(), id, scope.isTeam() ? null : scope.id(), scope.isTeam() ? scope.id() : null));
	}

	private static ConcurrentEditException conflict(Goal goal) {
		return new ConcurrentEditException("goal", goal.updatedBy(), goal.updatedAt());
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
