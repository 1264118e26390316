package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.tandem.playbook.ForecastCategory;
import org.jspecify.annotations.Nullable;

/**
 * Changes to a deal based on {@code version}; only fields marked in {@code present} change, so a
 * field can also be cleared. Stage moves go through the gate instead.
 */
public record DealChanges(int version, java.util.Set<String> present, @Nullable String title, @Nullable BigDecimal amount,
		@Nullable LocalDate closeDate, @Nullable UUID ownerId, @Nullable ForecastCategory forecastCategory,
		@Nullable String nextStep, @Nullable LocalDate nextStepDate, @Nullable DealSource source,
		@Nullable String lostReason) {

	public boolean has(String field) {
		return present.contains(field);
	}
}
