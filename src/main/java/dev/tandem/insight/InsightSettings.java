package dev.tandem.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the signals (DESIGN.md section 5), as settings.
 *
 * @param underPerformanceAttainment attainment below which a period counts as under target (0.70)
 * @param underPerformancePeriods consecutive periods under target that make it sustained (3)
 * @param coachingGapPoints how many percentage points below the team's a rep's stage conversion must be (15)
 * @param coachingMinDeals deals a rep needs behind a stage before it can be their coaching focus (10)
 * @param coachingWindowMonths the months of history the coaching focus looks at, ending with the period (6)
 */
@ConfigurationProperties("tandem.insight")
public record InsightSettings(@DefaultValue("0.70") double underPerformanceAttainment, @DefaultValue("3") int underPerformancePeriods,
		@DefaultValue("15") double coachingGapPoints, @DefaultValue("10") int coachingMinDeals,
		@DefaultValue("6") int coachingWindowMonths) {
}
