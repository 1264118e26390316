package dev.tandem.goals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

/**
 * A goal of a person or a team for one period. {@code target} is the figure on the table;
 * {@code agreedTarget} the last one both sides agreed on, if any. A goal of units sold names its product.
 */
public record Goal(UUID id, Scope scope, String scopeName, GoalMetric metric, Set<ActivityType> activityTypes, Period period,
		BigDecimal target, @Nullable BigDecimal agreedTarget, GoalStatus status, boolean setByManager, Instant updatedAt,
		@Nullable String updatedBy, int version, @Nullable UUID productId, @Nullable String productName) {

	/** A goal that names no product: any metric but units sold. */
	public Goal(UUID id, Scope scope, String scopeName, GoalMetric metric, Set<ActivityType> activityTypes, Period period,
			BigDecimal target, @Nullable BigDecimal agreedTarget, GoalStatus status, boolean setByManager, Instant updatedAt,
			@Nullable String updatedBy, int version) {
		this(id, scope, scopeName, metric, activityTypes, period, target, agreedTarget, status, setByManager, updatedAt, updatedBy,
				version, null, null);
	}

	/** The target progress is measured against: the agreed one, or while none is agreed yet, the one on the table. */
	public BigDecimal effectiveTarget() {
		return agreedTarget != null ? agreedTarget : target;
	}

	public boolean isAgreed() {
		return status == GoalStatus.AGREED;
	}
}
