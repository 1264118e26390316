package dev.tandem.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A manager's judgment on a submission: other figures and why. The submission itself stays as it was.
 */
public record Adjustment(UUID id, UUID submissionId, BigDecimal commit, BigDecimal bestCase, String reason, UUID adjustedBy,
		String adjustedByName, Instant adjustedAt) {
}
