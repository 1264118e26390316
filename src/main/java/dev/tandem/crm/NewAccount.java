package dev.tandem.crm;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A new account; without an owner it belongs to whoever creates it.
 */
public record NewAccount(String name, @Nullable String sector, @Nullable String size, @Nullable String country,
		@Nullable String website, @Nullable UUID ownerId) {
}
