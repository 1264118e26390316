package dev.tandem.crm;

import java.time.Instant;
import java.util.UUID;

import dev.tandem.playbook.ActivityType;

import org.jspecify.annotations.Nullable;

/**
 * What was logged of an activity was corrected (subject, notes, outcome, duration or when it happened):
 * {@code occurredAt} is when it happened after the correction, {@code previouslyOccurredAt} before it, so a figure
 * kept per period can move the activity from one period to the other.
 */
public record ActivityCorrected(UUID orgId, UUID activityId, ActivityType type, Channel channel, UUID ownerId,
		UUID correctedBy, @Nullable Instant occurredAt, @Nullable Instant previouslyOccurredAt) {
}
