package dev.tandem.coaching.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A growth plan of about 180 days for one person, on its own or after a review ({@code reviewId}), with goals,
 * milestones and check-ins; its status follows from its goals ({@link #status(LocalDate)}).
 */
public record GrowthPlan(UUID id, UUID personId, String personName, UUID authorId, String authorName, @Nullable UUID reviewId,
		String title, LocalDate startsOn, LocalDate endsOn, Instant updatedAt, int version, List<GrowthGoal> goals,
		List<GrowthCheckIn> checkIns) {

	/** The default length of a growth plan. */
	public static final int DEFAULT_DAYS = 180;

	/**
	 * Done when it has goals and all are done; at risk when any goal is at risk, or when its last day passed with goals
	 * not done; otherwise on track.
	 */
	public GrowthStatus status(LocalDate today) {
		if (!goals.isEmpty() && goals.stream().allMatch(g -> g.status(today) == GrowthStatus.DONE)) {
			return GrowthStatus.DONE;
		}
		if (goals.stream().anyMatch(g -> g.status(today) == GrowthStatus.AT_RISK) || endsOn.isBefore(today)) {
			return GrowthStatus.AT_RISK;
		}
		return GrowthStatus.ON_TRACK;
	}

	public long goalsDone(LocalDate today) {
		return goals.stream().filter(g -> g.status(today) == GrowthStatus.DONE).count();
	}
}
