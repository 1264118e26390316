package dev.tandem.coaching.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A goal of a growth plan with its milestones and the support it needs ({@code supportName} names the peer or the
 * department). {@code status} is what the person or their manager set; {@link #status(LocalDate)} is where it stands.
 */
public record GrowthGoal(UUID id, UUID planId, int position, String title, SupportKind support, @Nullable UUID supportPersonId,
		@Nullable UUID supportTeamId, @Nullable String supportName, @Nullable LocalDate dueOn, GrowthStatus status, int version,
		List<GrowthMilestone> milestones) {

	/**
	 * Done when marked done; at risk when marked so, when a milestone is overdue, or when the goal's own date passed;
	 * otherwise on track.
	 */
	public GrowthStatus status(LocalDate today) {
		if (status == GrowthStatus.DONE) {
			return GrowthStatus.DONE;
		}
		boolean late = milestones.stream().anyMatch(m -> m.overdue(today)) || dueOn != null && dueOn.isBefore(today);
		return status == GrowthStatus.AT_RISK || late ? GrowthStatus.AT_RISK : GrowthStatus.ON_TRACK;
	}

	public long milestonesDone() {
		return milestones.stream().filter(GrowthMilestone::done).count();
	}
}
