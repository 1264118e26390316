package dev.tandem.coaching.review;

import java.util.UUID;

/** A review moved on to the step {@code status} (revision {@code revision}), so whoever takes that step can be told. */
public record ReviewAdvanced(UUID orgId, UUID reviewId, ReviewStatus status, int revision) {
}
