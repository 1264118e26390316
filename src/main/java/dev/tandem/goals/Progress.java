package dev.tandem.goals;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Where a goal stands (DESIGN.md section 5): attainment = actual / target; pace = actual / (target x elapsed
 * share of the period); projection = actual / elapsed share, the figure the period ends on at this rate.
 * Pace and projection are unknown before the period starts, and too early to tell while less than the minimum share
 * of it has passed ({@link PaceSettings}): on the first day of a month one sale would read as a pace of 990%.
 */
public record Progress(BigDecimal target, BigDecimal actual, double attainment, @Nullable Double pace,
		@Nullable BigDecimal projection, double elapsedShare, boolean tooEarly) {

	/** Where {@code actual} stands against {@code target}, without pace or projection below {@code minElapsedShare}. */
	public static Progress of(BigDecimal target, BigDecimal actual, double elapsedShare, double minElapsedShare) {
		double attainment = actual.doubleValue() / target.doubleValue();
		boolean tooEarly = elapsedShare > 0 && elapsedShare < 1 && elapsedShare < minElapsedShare;
		if (elapsedShare <= 0 || tooEarly) {
			return new Progress(target, actual, attainment, null, null, elapsedShare, tooEarly);
		}
		BigDecimal projection = actual.divide(BigDecimal.valueOf(elapsedShare), 2, java.math.RoundingMode.HALF_UP);
		return new Progress(target, actual, attainment, attainment / elapsedShare, projection, elapsedShare, false);
	}

	/** Behind when the pace is below 1: at this rate the target will not be reached. */
	public boolean behind() {
		return pace != null && pace < 1;
	}
}
