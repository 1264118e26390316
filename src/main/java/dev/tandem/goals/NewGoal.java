package dev.tandem.goals;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

/**
 * A goal put on the table: for whom, what, which period, how much, and why; for units sold, of which product.
 */
public record NewGoal(Scope scope, GoalMetric metric, Set<ActivityType> activityTypes, Period period, BigDecimal target,
		@Nullable String note, @Nullable UUID productId) {

	/** A goal of any metric but units sold, which names no product. */
	public NewGoal(Scope scope, GoalMetric metric, Set<ActivityType> activityTypes, Period period, BigDecimal target,
			@Nullable String note) {
		this(scope, metric, activityTypes, period, target, note, null);
	}
}
