package dev.tandem.insight;

import dev.tandem.goals.GoalProgress;
import dev.tandem.goals.Measures;
import dev.tandem.people.Team;
import org.jspecify.annotations.Nullable;

/**
 * A team in the head of sales' view, on the same measures as every other team.
 */
public record TeamRow(Team team, @Nullable String leaderName, Measures measures, @Nullable GoalProgress revenueGoal,
		@Nullable Double hygieneScore, @Nullable Double pipelineCoverage, long people) {
}
