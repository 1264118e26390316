package dev.tandem.insight;

import java.util.List;

/**
 * A person's dashboard: the summary, the trend of the last periods and the signal it gives.
 */
public record PersonView(Summary summary, List<TrendPoint> trend, Signal signal) {
}
