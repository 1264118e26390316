package dev.tandem.coaching.oneonone;

import java.time.Instant;
import java.util.UUID;

/** A note on a meeting: shared (both participants and their line see it) or private to its author alone. */
public record MeetingNote(UUID id, UUID meetingId, UUID authorId, String authorName, boolean privateNote, String text, Instant createdAt) {
}
