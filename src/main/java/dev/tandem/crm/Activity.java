package dev.tandem.crm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

/**
 * A call, e-mail, meeting, demo, proposal, social touch, note or task. A task has a due time and is
 * done or not; everything else happened at {@code occurredAt}. {@code joint} marks a manager who
 * took part alongside the rep.
 */
public record Activity(UUID id, ActivityType type, Channel channel, Direction direction, String subject,
		@Nullable String notes, @Nullable String outcome, @Nullable Integer durationMinutes, @Nullable Instant occurredAt,
		@Nullable Instant dueAt, boolean done, @Nullable UUID dealId, @Nullable String dealTitle, @Nullable UUID accountId,
		@Nullable String accountName, UUID ownerId, String ownerName, UUID loggedBy, boolean joint,
		List<UUID> contactIds, List<UUID> participantIds, Instant createdAt, int version) {

	/** When it happened, or for an open task when it is due. */
	public Instant when() {
		return occurredAt != null ? occurredAt : dueAt != null ? dueAt : createdAt;
	}
}
