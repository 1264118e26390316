package dev.tandem.coaching.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.crm.Idempotency;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.playbook.PlaybookManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coaching plans: written by someone in the person's line (a manager above them or an admin), seen by the person, their
 * line and admins, checked in on by the person and their line, closed by their line. The baseline is measured when the
 * plan is made, over as many days before its start as the plan lasts; each check-in and the close measure the metric
 * over the plan's days so far.
 */
@Service
public class CoachingPlanManagement {

	/** How many days past the last check-in (or the start) an open plan is due for one. */
	public static final int CHECK_IN_DUE_DAYS = 30;

	private final CoachingPlans plans;
	private final PlanMeasurement measurement;
	private final Visibility visibility;
	private final PlaybookManagement playbook;
	private final Idempotency idempotency;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CoachingPlanManagement(CoachingPlans plans, PlanMeasurement measurement, Visibility visibility, PlaybookManagement playbook,
			Idempotency idempotency, ApplicationEventPublisher events, Clock clock) {
		this.plans = plans;
		this.measurement = measurement;
		this.visibility = visibility;
		this.playbook = playbook;
		this.idempotency = idempotency;
		this.events = events;
		this.clock = clock;
	}

	/** The plans of the viewer and of everyone they may see the private data of, open ones first. */
	public List<CoachingPlan> plans(CurrentUser viewer) {
		return plans.of(viewer.orgId(), visibility.visibleUsers(viewer));
	}

	/** The plans of one person; none when the viewer may not see them. */
	public List<CoachingPlan> plansOf(CurrentUser viewer, UUID personId) {
		return visibility.canSee(viewer, personId) ? plans.of(viewer.orgId(), List.of(personId)) : List.of();
	}

	public CoachingPlan get(CurrentUser viewer, UUID id) {
		return plans.find(viewer.orgId(), id).filter(p -> visibility.canSee(viewer, p.personId()))
			.orElseThrow(() -> new RecordNotFoundException("coaching-plan", id));
	}

	public List<PlanCheckIn> checkIns(CurrentUser viewer, UUID planId) {
		get(viewer, planId);
		return plans.checkIns(viewer.orgId(), planId);
	}

	/** Whether the viewer writes and closes plans for this person: someone in their line, never the person. */
	public boolean mayPlanFor(CurrentUser viewer, UUID personId) {
		return visibility.isInLineOf(viewer, personId);
	}

	/** The metric over the plan's days up to today (up to its end once over): "now" beside the baseline. */
	public @Nullable Double current(CurrentUser viewer, CoachingPlan plan) {
		if (!plan.open()) {
			return plan.after();
		}
		LocalDate today = visibility.today(viewer.orgId());
		return measurement.measure(viewer, plan.personId(), plan.metric(), plan.stageId(), plan.activityType(), plan.startsOn(),
				plan.measuredUntil(today));
	}

	@Transactional
	public CoachingPlan create(CurrentUser viewer, NewCoachingPlan plan, @Nullable String idempotencyKey) {
		validate(viewer, plan);
		return idempotency.once(viewer, idempotencyKey, plan, "coaching-plan", id -> {
			LocalDate baselineFrom = plan.startsOn().minusDays(plan.endsOn().toEpochDay() - plan.startsOn().toEpochDay() + 1);
			LocalDate today = visibility.today(viewer.orgId());
			LocalDate baselineTo = plan.startsOn().isAfter(today) ? today.plusDays(1) : plan.startsOn();
			Double baseline = measurement.measure(viewer, plan.personId(), plan.metric(), plan.stageId(), plan.activityType(),
					baselineFrom, baselineTo);
			plans.insert(viewer.orgId(), id, viewer.id(), plan, baselineFrom, baseline, clock.instant());
			events.publishEvent(new CoachingPlanStarted(viewer.orgId(), id, plan.personId(), viewer.id(), plan.metric(), baseline));
			return get(viewer, id);
		}, id -> get(viewer, id)).value();
	}

	/** A check-in on {@code on} (today when null) with what was said; the metric is measured up to that day. */
	@Transactional
	public PlanCheckIn checkIn(CurrentUser viewer, UUID planId, @Nullable LocalDate on, @Nullable String note) {
		CoachingPlan plan = get(viewer, planId);
		LocalDate today = visibility.today(viewer.orgId());
		LocalDate day = on == null ? today : on;
		List<FieldProblem> problems = new ArrayList<>();
		if (!plan.open()) {
			problems.add(new FieldProblem("status", "coaching-plan.closed"));
		}
		if (day.isAfter(today)) {
			problems.add(new FieldProblem("on", "coaching-plan.check-in.future"));
		}
		else if (day.isBefore(plan.startsOn())) {
			problems.add(new FieldProblem("on", "coaching-plan.check-in.before-start"));
		}
		text(problems, "note", note, 2000);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Double value = measurement.measure(viewer, plan.personId(), plan.metric(), plan.stageId(), plan.activityType(),
				plan.startsOn(), plan.measuredUntil(day));
		UUID id = dev.tandem.platform.Ids.next();
		plans.insertCheckIn(viewer.orgId(), id, planId, viewer.id(), day, note.trim(), value, clock.instant());
		return plans.checkIns(viewer.orgId(), planId).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
	}

	/** Closes the plan with the metric measured again over the plan's days (up to today when closed early). */
	@Transactional
	public CoachingPlan close(CurrentUser viewer, UUID planId, int version, @Nullable String note) {
		CoachingPlan plan = get(viewer, planId);
		if (!mayPlanFor(viewer, plan.personId())) {
			throw new AccessDeniedException("only the person's line closes a coaching plan");
		}
		if (!plan.open()) {
			throw InvalidInputException.of("status", "coaching-plan.closed");
		}
		if (note != null && note.trim().length() > 2000) {
			throw InvalidInputException.of("note", "validation.text.length", 0, 2000);
		}
		LocalDate today = visibility.today(viewer.orgId());
		Double after = current(viewer, plan);
		if (!plans.close(viewer.orgId(), planId, version, after, today, note == null || note.isBlank() ? null : note.trim(),
				clock.instant())) {
			throw new ConcurrentEditException("coaching-plan", null, plan.updatedAt());
		}
		events.publishEvent(new CoachingPlanClosed(viewer.orgId(), planId, plan.personId(), plan.baseline(), after));
		return get(viewer, planId);
	}

	private void validate(CurrentUser viewer, NewCoachingPlan plan) {
		List<FieldProblem> problems = new ArrayList<>();
		if (plan.personId() == null) {
			problems.add(new FieldProblem("personId", "jakarta.validation.constraints.NotNull.message"));
		}
		else if (!mayPlanFor(viewer, plan.personId())) {
			problems.add(new FieldProblem("personId", "coaching-plan.person.not-in-line"));
		}
		text(problems, "focus", plan.focus(), 300);
		if (plan.metric() == null) {
			problems.add(new FieldProblem("metric", "validation.enum", List.of(PlanMetric.values())));
		}
		else if (plan.metric() == PlanMetric.STAGE_CONVERSION) {
			if (plan.stageId() == null) {
				problems.add(new FieldProblem("stageId", "coaching-plan.stage.required"));
			}
			else if (playbook.defaultPipeline(viewer.orgId()).openStages().stream().noneMatch(s -> s.id().equals(plan.stageId()))) {
				problems.add(new FieldProblem("stageId", "coaching-plan.stage.unknown"));
			}
		}
		else if (plan.metric() == PlanMetric.ACTIVITIES_PER_WEEK && plan.activityType() == null) {
			problems.add(new FieldProblem("activityType", "coaching-plan.activity-type.required"));
		}
		if (plan.metric() != null && plan.metric() != PlanMetric.STAGE_CONVERSION && plan.stageId() != null) {
			problems.add(new FieldProblem("stageId", "coaching-plan.stage.only-conversion"));
		}
		if (plan.metric() != null && plan.metric() != PlanMetric.ACTIVITIES_PER_WEEK && plan.activityType() != null) {
			problems.add(new FieldProblem("activityType", "coaching-plan.activity-type.only-activities"));
		}
		if (plan.target() == null) {
			problems.add(new FieldProblem("target", "jakarta.validation.constraints.NotNull.message"));
		}
		else if (plan.target().signum() < 0) {
			problems.add(new FieldProblem("target", "coaching-plan.target.negative"));
		}
		else if (plan.metric() != null && plan.metric().share() && plan.target().compareTo(BigDecimal.ONE) > 0) {
			problems.add(new FieldProblem("target", "coaching-plan.target.share"));
		}
		if (plan.startsOn() == null) {
			problems.add(new FieldProblem("startsOn", "jakarta.validation.constraints.NotNull.message"));
		}
		if (plan.endsOn() == null) {
			problems.add(new FieldProblem("endsOn", "jakarta.validation.constraints.NotNull.message"));
		}
		else if (plan.startsOn() != null && !plan.endsOn().isAfter(plan.startsOn())) {
			problems.add(new FieldProblem("endsOn", "coaching-plan.period.end-before-start"));
		}
		else if (plan.startsOn() != null && plan.endsOn().isAfter(plan.startsOn().plusYears(1))) {
			problems.add(new FieldProblem("endsOn", "coaching-plan.period.too-long"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	static void text(List<FieldProblem> problems, String field, @Nullable String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "jakarta.validation.constraints.NotNull.message"));
		}
		else if (value.trim().length() > max) {
			problems.add(new FieldProblem(field, "validation.text.length", 1, max));
		}
	}
}
