package dev.tandem.coaching.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

/**
 * What a new coaching plan needs: the person, the focus (with {@code suggested} when it came from the coaching-focus
 * suggestion), the metric ({@code stageId} for a stage's conversion, {@code activityType} for activities per week), the
 * target in the metric's unit (a share 0 to 1 for percentages) and the period, from {@code startsOn} to its last day {@code endsOn}.
 */
public record NewCoachingPlan(@Nullable UUID personId, @Nullable String focus, boolean suggested, @Nullable PlanMetric metric,
		@Nullable UUID stageId, @Nullable ActivityType activityType, @Nullable BigDecimal target, @Nullable LocalDate startsOn,
		@Nullable LocalDate endsOn) {
}
