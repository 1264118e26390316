package dev.tandem.coaching.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a new growth plan needs: the person, a title, the review it follows (if any), the period ({@code endsOn} its last
 * day; {@value GrowthPlan#DEFAULT_DAYS} days from the start when not given) and its first goals.
 */
public record NewGrowthPlan(@Nullable UUID personId, @Nullable UUID reviewId, @Nullable String title, @Nullable LocalDate startsOn,
		@Nullable LocalDate endsOn, @Nullable List<NewGrowthGoal> goals) {

	/** A goal with its support and milestones. */
	public record NewGrowthGoal(@Nullable String title, @Nullable SupportKind support, @Nullable UUID supportPersonId,
			@Nullable UUID supportTeamId, @Nullable LocalDate dueOn, @Nullable List<NewMilestone> milestones) {
	}

	public record NewMilestone(@Nullable String title, @Nullable LocalDate dueOn) {
	}
}
