package dev.tandem.insight;

import dev.tandem.goals.Measures;
import dev.tandem.goals.Progress;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;

/**
 * One period of a trend: what was achieved, and how it compared with the won-revenue goal, if there was one.
 */
public record TrendPoint(Period period, Measures measures, @Nullable Progress revenueGoal) {
}
