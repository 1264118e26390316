package dev.tandem.coaching.plan;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Someone in a person's line started a coaching plan for them, with the baseline measured. */
public record CoachingPlanStarted(UUID orgId, UUID planId, UUID personId, UUID authorId, PlanMetric metric, @Nullable Double baseline) {
}
