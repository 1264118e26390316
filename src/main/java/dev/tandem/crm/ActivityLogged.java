package dev.tandem.crm;

import java.time.Instant;
import java.util.UUID;

import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

/**
 * An activity was logged (or a task completed).
 */
public record ActivityLogged(UUID orgId, UUID activityId, ActivityType type, Channel channel, UUID ownerId,
		UUID loggedBy, @Nullable UUID dealId, @Nullable UUID accountId, Instant occurredAt) {
}
