package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A deal was created.
 */
public record DealCreated(UUID orgId, UUID dealId, UUID ownerId, UUID stageId, @Nullable BigDecimal amount, DealSource source) {
}
