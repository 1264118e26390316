package dev.tandem.crm;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A customer or prospect company; it belongs to a rep (its owner). Its custom fields map keys to canonical text.
 */
public record Account(UUID id, String name, @Nullable String sector, @Nullable String size, @Nullable String country,
		@Nullable String website, UUID ownerId, String ownerName, int openDeals, Instant createdAt, Instant updatedAt,
		@Nullable String updatedBy, int version, Map<String, String> customFields) {
}
