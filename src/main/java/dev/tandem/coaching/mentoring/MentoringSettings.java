package dev.tandem.coaching.mentoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of mentoring and ramp tracking, as settings.
 *
 * @param mentorTenureMonths months in a sales team before someone can be suggested as a mentor (12)
 * @param minDeals deals behind a stage before its conversion counts as a strength or a gap (5)
 * @param defaultDays how long a mentorship runs unless the manager chooses otherwise (90)
 * @param newcomerMonths months in a sales team during which someone counts as a newcomer (6)
 * @param rampMonths tenure months the ramp curve shows at least (6)
 */
@ConfigurationProperties("tandem.coaching.mentoring")
public record MentoringSettings(@DefaultValue("12") int mentorTenureMonths, @DefaultValue("5") int minDeals,
		@DefaultValue("90") int defaultDays, @DefaultValue("6") int newcomerMonths, @DefaultValue("6") int rampMonths) {
}
