package dev.tandem.insight;

import org.jspecify.annotations.Nullable;

/**
 * One stage of a funnel for one person or a whole scope: deals that entered it, how many of them moved on,
 * and the median days a stay lasted.
 */
public record StageFigures(long entered, long advanced, @Nullable Double medianDaysInStage) {

	public static final StageFigures NONE = new StageFigures(0, 0, null);

	/** Advanced / entered; {@code null} when no deal entered. */
	public @Nullable Double conversion() {
		return entered == 0 ? null : (double) advanced / entered;
	}
}
