package dev.tandem.coaching;

import java.time.LocalDate;
import java.util.UUID;

/**
 * How regularly a manager holds their 1:1s, for a review's snapshot and the readiness evidence: the 1:1 part of
 * coaching answers it, the other parts ask.
 */
public interface OneOnOneCadence {

	/** The manager's 1:1 meetings planned and held in the days {@code from} to {@code to} (inclusive). */
	Cadence cadence(UUID orgId, UUID managerId, LocalDate from, LocalDate to);

	/** {@code held} of {@code planned} meetings; {@code adherence} is held / planned, or {@code null} when none was planned. */
	record Cadence(int planned, int held) {

		public @org.jspecify.annotations.Nullable Double adherence() {
			return planned == 0 ? null : (double) held / planned;
		}
	}
}
