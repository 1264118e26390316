package dev.tandem.goals;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A goal was proposed, countered, agreed, set, copied or deleted.
 */
public record GoalChanged(UUID orgId, UUID goalId, @Nullable UUID userId, @Nullable UUID teamId) {
}
