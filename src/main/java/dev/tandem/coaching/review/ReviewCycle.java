package dev.tandem.coaching.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A round of reviews over a period ({@code periodEnd} exclusive), e.g. the second half of 2026. */
public record ReviewCycle(UUID id, String name, LocalDate periodStart, LocalDate periodEnd, UUID createdBy, Instant createdAt, int reviews,
		int signed) {

	/** The last day of the period, for people. */
	public LocalDate lastDay() {
		return periodEnd.minusDays(1);
	}
}
