package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A deal went from one owner to another; its pipeline, and a won one's revenue, now count for the new owner. */
public record DealOwnerChanged(UUID orgId, UUID dealId, UUID previousOwnerId, UUID ownerId, DealStatus status,
		@Nullable BigDecimal amount) {
}
