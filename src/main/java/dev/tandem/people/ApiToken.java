package dev.tandem.people;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A personal API token as its owner sees it in the list: never the secret, only its first characters. Without
 * {@code expiresAt} it lasts until revoked.
 */
public record ApiToken(UUID id, String name, String hint, Instant createdAt, @Nullable Instant lastUsedAt,
		@Nullable Instant expiresAt, @Nullable Instant revokedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}

	public boolean expiredAt(Instant now) {
		return expiresAt != null && !now.isBefore(expiresAt);
	}

	/** Whether the token still opens the API at {@code now}. */
	public boolean liveAt(Instant now) {
		return !revoked() && !expiredAt(now);
	}
}
