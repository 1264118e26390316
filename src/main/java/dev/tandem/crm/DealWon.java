package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deal was won.
 */
public record DealWon(UUID orgId, UUID dealId, UUID ownerId, BigDecimal amount, LocalDate closedOn) {
}
