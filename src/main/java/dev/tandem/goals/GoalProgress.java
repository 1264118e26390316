package dev.tandem.goals;

/**
 * A goal with where it stands.
 */
public record GoalProgress(Goal goal, Progress progress) {
}
