package dev.tandem.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.tandem.goals.Scope;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;

/**
 * A forecast submitted for a person or a team for a period: commit (what will surely be won, including what is
 * won already) and best case, with the won amount and open pipeline at the moment of submitting. Every
 * revision is kept; the latest counts. {@code adjustment} is the manager's latest judgment on it, if any.
 */
public record Submission(UUID id, Scope scope, String name, Period period, int revision, BigDecimal commit, BigDecimal bestCase,
		BigDecimal won, BigDecimal pipeline, @Nullable String note, UUID submittedBy, String submittedByName, Instant submittedAt,
		@Nullable Adjustment adjustment) {

	/** The commit that counts upward: the manager's adjusted figure if there is one. */
	public BigDecimal effectiveCommit() {
		return adjustment != null ? adjustment.commit() : commit;
	}

	public BigDecimal effectiveBestCase() {
		return adjustment != null ? adjustment.bestCase() : bestCase;
	}
}
