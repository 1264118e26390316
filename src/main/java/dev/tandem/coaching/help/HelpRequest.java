package dev.tandem.coaching.help;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A rep's raised hand on a deal or an account, with the names of what it refers to. {@code firstAnswerAt} ends the
 * response time; {@code joinedBy} is a manager who takes part in the deal's next activity, {@code takenOverBy} one who
 * took the deal over, with the reason.
 */
public record HelpRequest(UUID id, UUID repId, String repName, @Nullable UUID dealId, @Nullable String dealTitle,
		@Nullable UUID accountId, @Nullable String accountName, String question, HelpCategory category, HelpUrgency urgency,
		HelpStatus status, Instant askedAt, @Nullable Instant firstAnswerAt, @Nullable UUID firstAnswerBy,
		@Nullable Instant resolvedAt, @Nullable String resolution, @Nullable UUID joinedBy, @Nullable Instant joinedAt,
		@Nullable UUID joinedActivityId, @Nullable UUID takenOverBy, @Nullable Instant takenOverAt,
		@Nullable String takeoverReason, int version) {

	/** Hours from asking to the first answer, {@code null} while unanswered. */
	public @Nullable Double responseHours() {
		return firstAnswerAt == null ? null : Duration.between(askedAt, firstAnswerAt).toMinutes() / 60.0;
	}

	/** The deal's or account's name: what the request is about. */
	public String subject() {
		return dealTitle != null ? dealTitle : accountName != null ? accountName : "";
	}
}
