package dev.tandem.coaching.mentoring;

import org.jspecify.annotations.Nullable;

/**
 * What the data says beside the ratings, over the last {@code months} months: activities the candidate logged on
 * colleagues' deals ({@code jointActivities} of them marked joint with the deal's owner), newcomers they mentored, their
 * forecast accuracy over those closed months (forecast's definition) and today's hygiene score of their open deals
 * (insight's); {@code null} where there is nothing to measure.
 */
public record ReadinessEvidence(int months, long helpActivities, long jointActivities, int mentored, @Nullable Double forecastAccuracy,
		@Nullable Double hygieneScore) {
}
