package dev.tandem.coaching.oneonone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something agreed in a 1:1 that someone does: the rep by default (they do it themselves), the manager when they take it
 * on. Listed on the meeting it is due for; an open one moves on to the next meeting when a meeting is held.
 */
public record ActionItem(UUID id, UUID seriesId, UUID raisedIn, UUID meetingId, UUID ownerId, String ownerName, String text,
		@Nullable LocalDate dueOn, @Nullable Instant doneAt, int version) {

	public boolean done() {
		return doneAt != null;
	}

	public boolean overdue(LocalDate today) {
		return doneAt == null && dueOn != null && dueOn.isBefore(today);
	}
}
