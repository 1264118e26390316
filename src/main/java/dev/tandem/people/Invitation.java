package dev.tandem.people;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An invitation waiting to be used: who was invited, when and by whom, and until when the link works. Only the hash
 * of its link is kept, so the link itself cannot be shown again; a new one replaces it.
 */
public record Invitation(UUID userId, String displayName, String email, Instant invitedAt, @Nullable String invitedBy,
		Instant expiresAt) {
}
