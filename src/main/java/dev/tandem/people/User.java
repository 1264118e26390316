package dev.tandem.people;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user as others see them; never carries credentials.
 */
public record User(UUID orgId, UUID id, String email, String displayName, Role role, String locale, boolean active,
		int version, Instant updatedAt, @Nullable String updatedBy) {
}
