package dev.tandem.coaching.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A review of one person in a cycle as it stands: its sections with both sides' scores, each step with when and by
 * whom, the facts frozen at sign-off and, after a correction, which revision this is and why it was corrected.
 */
public record Review(UUID id, UUID cycleId, String cycleName, LocalDate periodStart, LocalDate periodEnd, UUID revieweeId,
		String revieweeName, UUID reviewerId, String reviewerName, UUID templateId, ReviewStatus status, List<ReviewItem> items,
		@Nullable String selfComment, @Nullable Instant selfAt, @Nullable Integer overall, @Nullable String managerComment,
		@Nullable String coachingTopics, @Nullable Instant assessedAt, @Nullable String assessedByName, @Nullable LocalDate heldOn,
		@Nullable String heldByName, @Nullable Instant acknowledgedAt, @Nullable String acknowledgeComment, @Nullable ReviewFacts snapshot,
		int revision, @Nullable Instant correctedAt, @Nullable String correctedByName, @Nullable String correctionReason,
		Instant updatedAt, @Nullable String updatedBy, int version) {

	public boolean signed() {
		return status == ReviewStatus.SIGNED;
	}

	/** The last day of the review period, for people. */
	public LocalDate lastDay() {
		return periodEnd.minusDays(1);
	}

	/** The coaching topics one per line, without empty lines. */
	public List<String> topics() {
		return coachingTopics == null ? List.of() : coachingTopics.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** The average of the manager's section scores, {@code null} before the assessment. */
	public @Nullable Double averageManagerScore() {
		return items.stream().filter(i -> i.managerScore() != null).mapToInt(ReviewItem::managerScore).average().stream().boxed()
			.findFirst().orElse(null);
	}
}
