package dev.tandem.goals;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Where a goal stands (DESIGN.md section 5): attainment = actual / target; pace = actual / (target x elapsed
 * share of the period); projection = actual / elapsed share, the figure the period ends on at this rate.
 * Pace and projection are unknown before the period starts.
 */
public record Progress(BigDecimal target, BigDecimal actual, double attainment, @Nullable Double pace,
		@Nullable BigDecimal projection, double elapsedShare) {

	public static Progress of(BigDecimal target, BigDecimal actual, double elapsedShare) {
		double attainment = actual.doubleValue() / target.doubleValue();
		Double pace = elapsedShare <= 0 ? null : attainment / elapsedShare;
		BigDecimal projection = elapsedShare <= 0 ? null
				: actual.divide(BigDecimal.valueOf(elapsedShare), 2, java.math.RoundingMode.HALF_UP);
		return new Progress(target, actual, attainment, pace, projection, elapsedShare);
	}

	/** Behind when the pace is below 1: at this rate the target will not be reached. */
	public boolean behind() {
		return pace != null && pace < 1;
	}
}
