package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A won or lost deal was moved back to an open stage: what its {@link DealWon} or {@link DealLost} counted no longer
 * holds ({@code previousStatus}, {@code amount} and {@code closedOn} as they were when it closed).
 */
public record DealReopened(UUID orgId, UUID dealId, UUID ownerId, DealStatus previousStatus, @Nullable BigDecimal amount,
		@Nullable LocalDate closedOn) {
}
