package dev.tandem.crm;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person at an account.
 */
public record Contact(UUID id, UUID accountId, String accountName, String name, @Nullable String title,
		@Nullable String email, @Nullable String phone, @Nullable String socialUrl, Instant updatedAt, int version,
		Map<String, String> customFields) {
}
