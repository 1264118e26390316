package dev.tandem.coaching.mentoring;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The earlier newcomers' average at one tenure month, over the {@code people} whose month is over; the averages are
 * {@code null} while fewer than {@link RampCohort#MIN_PEOPLE} are behind them (too few to be an average, and one
 * person's numbers would show). Attainment is averaged over those who had a goal.
 */
public record CohortMonth(int month, int people, @Nullable Double activities, @Nullable BigDecimal pipelineCreated,
		@Nullable Double attainment) {
}
