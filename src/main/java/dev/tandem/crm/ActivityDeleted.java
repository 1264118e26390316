package dev.tandem.crm;

import java.time.Instant;
import java.util.UUID;

import dev.tandem.playbook.ActivityType;

import org.jspecify.annotations.Nullable;

/** An activity was deleted: it no longer counts for its owner in the period it happened in. */
public record ActivityDeleted(UUID orgId, UUID activityId, ActivityType type, Channel channel, UUID ownerId, UUID deletedBy,
		@Nullable Instant occurredAt, boolean done) {
}
