package dev.tandem.insight;

import java.util.List;
import java.util.UUID;

import dev.tandem.goals.GoalProgress;
import dev.tandem.goals.Measures;
import org.jspecify.annotations.Nullable;

/**
 * A member of a team on the team dashboard: their numbers, their won-revenue goal, hygiene, the trend signal
 * and, when there is one, their coaching focus.
 */
public record PersonRow(UUID userId, String name, Measures measures, @Nullable GoalProgress revenueGoal,
		@Nullable Double hygieneScore, Signal signal, List<TrendPoint> trend, @Nullable CoachingFocus focus) {
}
