package dev.tandem.goals;

import java.util.UUID;

/**
 * A figure was put on the table for a goal, proposed by its owner or offered by a manager, and waits for the other
 * side's answer; {@code proposalId} is the step, with its note.
 */
public record GoalProposed(UUID orgId, UUID goalId, UUID proposalId, UUID authorId) {
}
