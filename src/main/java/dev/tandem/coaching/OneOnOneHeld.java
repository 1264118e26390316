package dev.tandem.coaching;

import java.time.Instant;
import java.util.UUID;

/** A 1:1 meeting was marked held: the rep's numbers are frozen on it and what was unfinished moved to the next one. */
public record OneOnOneHeld(UUID orgId, UUID seriesId, UUID meetingId, UUID managerId, UUID repId, Instant heldAt) {
}
