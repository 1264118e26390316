package dev.tandem.coaching.help;

import java.time.Instant;
import java.util.UUID;

/** Someone in the rep's line answered a help request (the first answer or a later one in the thread). */
public record HelpAnswered(UUID orgId, UUID requestId, UUID answerId, UUID repId, UUID authorId, boolean first, Instant at) {
}
