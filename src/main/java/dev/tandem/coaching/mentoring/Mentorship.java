package dev.tandem.coaching.mentoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A newcomer's mentor from {@code startsOn} until {@code endsOn} (exclusive), chosen by one of the newcomer's line
 * managers, with what they are to work on ({@code goals}) and the reason the suggestion gave when it was chosen.
 */
public record Mentorship(UUID orgId, UUID id, UUID newcomerId, String newcomerName, UUID mentorId, String mentorName, UUID chosenBy,
		LocalDate startsOn, LocalDate endsOn, @Nullable String goals, @Nullable String reason, int version, Instant updatedAt) {

	public boolean runsOn(LocalDate day) {
		return !startsOn.isAfter(day) && endsOn.isAfter(day);
	}
}
