package dev.tandem.coaching.help;

import java.time.Instant;
import java.util.UUID;

/** One message in a help request's thread, by the rep or someone in their line. */
public record HelpAnswer(UUID id, UUID requestId, UUID authorId, String authorName, String text, Instant createdAt) {
}
