package dev.tandem.coaching.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.coaching.plan.NewGrowthPlan.NewGrowthGoal;
import dev.tandem.coaching.plan.NewGrowthPlan.NewMilestone;
import dev.tandem.crm.Idempotency;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growth plans: written by someone in the person's line, seen by the person, their line and admins. The person and
 * their line add check-ins, tick off milestones and say where a goal stands; the line adds goals and milestones.
 */
@Service
public class GrowthPlanManagement {

	/** The team kinds a goal can ask support from: the partner departments. */
	public static final Set<TeamKind> DEPARTMENTS = EnumSet.of(TeamKind.MARKETING, TeamKind.OPERATIONS, TeamKind.CUSTOMER_SERVICE,
			TeamKind.ENABLEMENT);

	private final GrowthPlans plans;
	private final Visibility visibility;
	private final UserManagement users;
	private final TeamManagement teams;
	private final Idempotency idempotency;
	private final Clock clock;

	GrowthPlanManagement(GrowthPlans plans, Visibility visibility, UserManagement users, TeamManagement teams, Idempotency idempotency,
			Clock clock) {
		this.plans = plans;
		this.visibility = visibility;
		this.users = users;
		this.teams = teams;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	/** The plans of the viewer and of everyone they may see the private data of. */
	public List<GrowthPlan> plans(CurrentUser viewer) {
		return plans.of(viewer.orgId(), visibility.visibleUsers(viewer));
	}

	public List<GrowthPlan> plansOf(CurrentUser viewer, UUID personId) {
		return visibility.canSee(viewer, personId) ? plans.of(viewer.orgId(), List.of(personId)) : List.of();
	}

	public GrowthPlan get(CurrentUser viewer, UUID id) {
		return plans.find(viewer.orgId(), id).filter(p -> visibility.canSee(viewer, p.personId()))
			.orElseThrow(() -> new RecordNotFoundException("growth-plan", id));
	}

	/** Whether the viewer writes plans and adds goals for this person: someone in their line, never the person. */
	public boolean mayPlanFor(CurrentUser viewer, UUID personId) {
		return visibility.isInLineOf(viewer, personId);
	}

	/** The departments a goal can ask support from. */
	public List<Team> departments(CurrentUser viewer) {
		return teams.all(viewer).stream().filter(t -> DEPARTMENTS.contains(t.kind())).toList();
	}

	public LocalDate today(CurrentUser viewer) {
		return visibility.today(viewer.orgId());
	}

	@Transactional
	public GrowthPlan create(CurrentUser viewer, NewGrowthPlan plan, @Nullable String idempotencyKey) {
		List<FieldProblem> problems = new ArrayList<>();
		if (plan.personId() == null) {
			problems.add(new FieldProblem("personId", "jakarta.validation.constraints.NotNull.message"));
		}
		else if (!mayPlanFor(viewer, plan.personId())) {
			problems.add(new FieldProblem("personId", "coaching-plan.person.not-in-line"));
		}
		CoachingPlanManagement.text(problems, "title", plan.title(), 200);
		LocalDate start = plan.startsOn() == null ? today(viewer) : plan.startsOn();
		LocalDate end = plan.endsOn() == null ? start.plusDays(GrowthPlan.DEFAULT_DAYS - 1) : plan.endsOn();
		if (!end.isAfter(start)) {
			problems.add(new FieldProblem("endsOn", "coaching-plan.period.end-before-start"));
		}
		else if (end.isAfter(start.plusYears(2))) {
			problems.add(new FieldProblem("endsOn", "growth-plan.period.too-long"));
		}
		List<NewGrowthGoal> goals = plan.goals() == null ? List.of() : plan.goals();
		for (int i = 0; i < goals.size(); i++) {
			check(viewer, plan.personId(), goals.get(i), "goals[" + i + "].", problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return idempotency.once(viewer, idempotencyKey, plan, "growth-plan", id -> {
			plans.insert(viewer.orgId(), id, plan.personId(), viewer.id(), plan.reviewId(), plan.title().trim(), start, end, clock.instant());
			goals.forEach(g -> insertGoal(viewer, id, g));
			return get(viewer, id);
		}, id -> get(viewer, id)).value();
	}

	@Transactional
	public GrowthPlan addGoal(CurrentUser viewer, UUID planId, NewGrowthGoal goal) {
		GrowthPlan plan = requireLine(viewer, planId);
		List<FieldProblem> problems = new ArrayList<>();
		check(viewer, plan.personId(), goal, "", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		insertGoal(viewer, planId, goal);
		plans.touch(viewer.orgId(), planId, clock.instant());
		return get(viewer, planId);
	}

	@Transactional
	public GrowthPlan addMilestone(CurrentUser viewer, UUID planId, UUID goalId, NewMilestone milestone) {
		GrowthPlan plan = requireLine(viewer, planId);
		goal(plan, goalId);
		List<FieldProblem> problems = new ArrayList<>();
		check(milestone, "", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		plans.insertMilestone(viewer.orgId(), Ids.next(), goalId, milestone.title().trim(), milestone.dueOn());
		plans.touch(viewer.orgId(), planId, clock.instant());
		return get(viewer, planId);
	}

	/** The person or their line says where a goal stands; {@code version} is the goal's as read. */
	@Transactional
	public GrowthPlan setStatus(CurrentUser viewer, UUID planId, UUID goalId, @Nullable GrowthStatus status, int version) {
		GrowthPlan plan = get(viewer, planId);
		GrowthGoal goal = goal(plan, goalId);
		if (status == null) {
			throw InvalidInputException.of("status", "validation.enum", List.of(GrowthStatus.values()));
		}
		if (!plans.setStatus(viewer.orgId(), goal.id(), status, version, clock.instant())) {
			throw new ConcurrentEditException("growth-goal", null, plan.updatedAt());
		}
		plans.touch(viewer.orgId(), planId, clock.instant());
		return get(viewer, planId);
	}

	/** Ticks a milestone off (today) or back on. */
	@Transactional
	public GrowthPlan setMilestoneDone(CurrentUser viewer, UUID planId, UUID milestoneId, boolean done) {
		return setMilestoneDone(viewer, planId, milestoneId, done ? today(viewer) : null);
	}

	/** Ticks a milestone off on {@code doneOn} (not in the future, not before the plan), or back on with {@code null}. */
	@Transactional
	public GrowthPlan setMilestoneDone(CurrentUser viewer, UUID planId, UUID milestoneId, @Nullable LocalDate doneOn) {
		GrowthPlan plan = get(viewer, planId);
		plan.goals().stream().flatMap(g -> g.milestones().stream()).filter(m -> m.id().equals(milestoneId)).findFirst()
			.orElseThrow(() -> new RecordNotFoundException("milestone", milestoneId));
		if (doneOn != null && (doneOn.isAfter(today(viewer)) || doneOn.isBefore(plan.startsOn()))) {
			throw InvalidInputException.of("doneOn", "growth-plan.milestone.done-on.range");
		}
		plans.setMilestoneDone(viewer.orgId(), milestoneId, doneOn);
		plans.touch(viewer.orgId(), planId, clock.instant());
		return get(viewer, planId);
	}

	/** A check-in with progress notes on {@code on} (today when null). */
	@Transactional
	public GrowthPlan checkIn(CurrentUser viewer, UUID planId, @Nullable LocalDate on, @Nullable String note) {
		GrowthPlan plan = get(viewer, planId);
		LocalDate today = today(viewer);
		LocalDate day = on == null ? today : on;
		List<FieldProblem> problems = new ArrayList<>();
		if (day.isAfter(today)) {
			problems.add(new FieldProblem("on", "coaching-plan.check-in.future"));
		}
		else if (day.isBefore(plan.startsOn())) {
			problems.add(new FieldProblem("on", "coaching-plan.check-in.before-start"));
		}
		CoachingPlanManagement.text(problems, "note", note, 2000);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		plans.insertCheckIn(viewer.orgId(), Ids.next(), planId, viewer.id(), day, note.trim(), clock.instant());
		plans.touch(viewer.orgId(), planId, clock.instant());
		return get(viewer, planId);
	}

	private GrowthPlan requireLine(CurrentUser viewer, UUID planId) {
		GrowthPlan plan = get(viewer, planId);
		if (!mayPlanFor(viewer, plan.personId())) {
			throw new AccessDeniedException("only the person's line changes a growth plan's goals");
		}
		return plan;
	}

	private static GrowthGoal goal(GrowthPlan plan, UUID goalId) {
		return plan.goals().stream().filter(g -> g.id().equals(goalId)).findFirst()
			.orElseThrow(() -> new RecordNotFoundException("growth-goal", goalId));
	}

	private void insertGoal(CurrentUser viewer, UUID planId, NewGrowthGoal goal) {
		UUID goalId = Ids.next();
		SupportKind support = goal.support() == null ? SupportKind.NONE : goal.support();
		plans.insertGoal(viewer.orgId(), goalId, planId, goal.title().trim(), support,
				support == SupportKind.PEER ? goal.supportPersonId() : null, support == SupportKind.DEPARTMENT ? goal.supportTeamId() : null,
				goal.dueOn(), clock.instant());
		if (goal.milestones() != null) {
			goal.milestones().forEach(m -> plans.insertMilestone(viewer.orgId(), Ids.next(), goalId, m.title().trim(), m.dueOn()));
		}
	}

	private void check(CurrentUser viewer, @Nullable UUID personId, NewGrowthGoal goal, String prefix, List<FieldProblem> problems) {
		CoachingPlanManagement.text(problems, prefix + "title", goal.title(), 200);
		SupportKind support = goal.support() == null ? SupportKind.NONE : goal.support();
		if (support == SupportKind.PEER) {
			if (goal.supportPersonId() == null) {
				problems.add(new FieldProblem(prefix + "supportPersonId", "growth-plan.support.peer-required"));
			}
			else if (goal.supportPersonId().equals(personId) || users.find(viewer, goal.supportPersonId()).isEmpty()) {
				problems.add(new FieldProblem(prefix + "supportPersonId", "growth-plan.support.peer-unknown"));
			}
		}
		if (support == SupportKind.DEPARTMENT) {
			if (goal.supportTeamId() == null) {
				problems.add(new FieldProblem(prefix + "supportTeamId", "growth-plan.support.department-required"));
			}
			else if (departments(viewer).stream().noneMatch(t -> t.id().equals(goal.supportTeamId()))) {
				problems.add(new FieldProblem(prefix + "supportTeamId", "growth-plan.support.department-unknown"));
			}
		}
		if (goal.milestones() != null) {
			for (int i = 0; i < goal.milestones().size(); i++) {
				check(goal.milestones().get(i), prefix + "milestones[" + i + "].", problems);
			}
		}
	}

	private static void check(NewMilestone milestone, String prefix, List<FieldProblem> problems) {
		CoachingPlanManagement.text(problems, prefix + "title", milestone.title(), 200);
		if (milestone.dueOn() == null) {
			problems.add(new FieldProblem(prefix + "dueOn", "jakarta.validation.constraints.NotNull.message"));
		}
	}
}
