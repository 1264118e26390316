package dev.tandem.coaching.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

/**
 * A coaching plan: one focus for one person with a metric, its baseline measured over the days before the plan (as many
 * as the plan lasts), a target and the plan's period; closed, it carries the same metric measured over the plan's period
 * ({@code after}). Values are in the metric's unit ({@link PlanMetric}).
 */
public record CoachingPlan(UUID id, UUID personId, String personName, UUID authorId, String authorName, String focus,
		boolean suggested, PlanMetric metric, @Nullable UUID stageId, @Nullable String stageName, @Nullable ActivityType activityType,
		LocalDate startsOn, LocalDate endsOn, LocalDate baselineFrom, @Nullable Double baseline, BigDecimal target, PlanStatus status,
		@Nullable Double after, @Nullable LocalDate closedOn, @Nullable String closingNote, Instant updatedAt, int version) {

	public boolean open() {
		return status == PlanStatus.OPEN;
	}

	/** Whether the plan's period ({@code endsOn} is its last day) is over on {@code today}. */
	public boolean ended(LocalDate today) {
		return today.isAfter(endsOn);
	}

	/**
	 * The end (exclusive) of the days the plan is measured over on {@code day}: the day after its last day, or the day
	 * after {@code day} while the plan still runs.
	 */
	public LocalDate measuredUntil(LocalDate day) {
		return day.isBefore(endsOn) ? day.plusDays(1) : endsOn.plusDays(1);
	}

	/**
	 * Whether {@code value} reaches the target: at or above it, as every metric here is better higher; {@code null} when
	 * there is no value.
	 */
	public @Nullable Boolean reached(@Nullable Double value) {
		return value == null ? null : value >= target.doubleValue();
	}
}
