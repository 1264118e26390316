package dev.tandem.coaching.plan;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A coaching plan was closed with its metric measured again: before and after. */
public record CoachingPlanClosed(UUID orgId, UUID planId, UUID personId, @Nullable Double baseline, @Nullable Double after) {
}
