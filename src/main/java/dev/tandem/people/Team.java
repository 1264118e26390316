package dev.tandem.people;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A team or department; {@code parentId} places it in the hierarchy, {@code leaderId} is the
 * manager who leads it and so sees the data of everyone below it.
 */
public record Team(UUID orgId, UUID id, String name, TeamKind kind, @Nullable UUID parentId, @Nullable UUID leaderId,
		int version, Instant updatedAt, @Nullable String updatedBy) {
}
