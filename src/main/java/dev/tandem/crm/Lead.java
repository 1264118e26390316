package dev.tandem.crm;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person at a company who may become a customer, before qualification.
 */
public record Lead(UUID id, String personName, String company, @Nullable String email, @Nullable String phone,
		DealSource source, @Nullable String campaign, int score, LeadStatus status, @Nullable String disqualifiedReason,
		@Nullable UUID teamId, @Nullable UUID ownerId, @Nullable String ownerName, @Nullable UUID accountId,
		@Nullable UUID contactId, @Nullable UUID dealId, Instant createdAt, int version, Map<String, String> customFields) {
}
