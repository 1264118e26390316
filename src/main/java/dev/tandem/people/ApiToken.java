package dev.tandem.people;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A personal API token as its owner sees it in the list: never the secret, only its first characters.
 */
public record ApiToken(UUID id, String name, String hint, Instant createdAt, @Nullable Instant lastUsedAt,
		@Nullable Instant revokedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}
}
