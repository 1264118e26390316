package dev.tandem.coaching.oneonone;

import java.util.UUID;

/** Someone put a point on a 1:1's agenda; the other participant hears of it. */
public record AgendaItemAdded(UUID orgId, UUID itemId, UUID meetingId, UUID seriesId, UUID authorId, UUID otherId) {
}
