package dev.tandem.coaching.mentoring;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A rater invited to an assessment, and when they answered ({@code null} while they have not). */
public record Invitation(UUID id, UUID assessmentId, UUID raterId, String raterName, RaterRelation relation, Instant invitedAt,
		@Nullable Instant answeredAt) {

	public boolean answered() {
		return answeredAt != null;
	}
}
