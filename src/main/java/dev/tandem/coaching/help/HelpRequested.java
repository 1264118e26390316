package dev.tandem.coaching.help;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A rep raised a hand: their line is told. */
public record HelpRequested(UUID orgId, UUID requestId, UUID repId, @Nullable UUID dealId, @Nullable UUID accountId,
		HelpCategory category, HelpUrgency urgency, Instant askedAt) {
}
