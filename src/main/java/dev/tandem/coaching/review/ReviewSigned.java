package dev.tandem.coaching.review;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A reviewee acknowledged their review (a revision of it, after a correction): it is signed and its facts are frozen. */
public record ReviewSigned(UUID orgId, UUID reviewId, UUID revieweeId, UUID reviewerId, int revision, @Nullable Integer overall,
		Instant signedAt) {
}
