package dev.tandem.goals;

import java.math.BigDecimal;
import java.util.Set;

import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

/**
 * A goal put on the table: for whom, what, which period, how much, and why.
 */
public record NewGoal(Scope scope, GoalMetric metric, Set<ActivityType> activityTypes, Period period, BigDecimal target,
		@Nullable String note) {
}
