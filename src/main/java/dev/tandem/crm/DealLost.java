package dev.tandem.crm;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A deal was lost, with the reason.
 */
public record DealLost(UUID orgId, UUID dealId, UUID ownerId, String reason, LocalDate closedOn) {
}
