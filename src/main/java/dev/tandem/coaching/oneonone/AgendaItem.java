package dev.tandem.coaching.oneonone;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A point on a meeting's shared agenda; {@code carriedFrom} is the unfinished item of an earlier meeting it continues. */
public record AgendaItem(UUID id, UUID meetingId, UUID authorId, String authorName, String text, boolean done,
		@Nullable UUID carriedFrom, Instant createdAt, int version) {
}
