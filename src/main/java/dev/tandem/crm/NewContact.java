package dev.tandem.crm;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A new contact at an account.
 */
public record NewContact(UUID accountId, String name, @Nullable String title, @Nullable String email,
		@Nullable String phone, @Nullable String socialUrl) {
}
