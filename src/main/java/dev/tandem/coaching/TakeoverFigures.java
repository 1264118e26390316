package dev.tandem.coaching;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The takeover ratio of DESIGN.md section 5, for a review's snapshot and the readiness evidence: of the activities on
 * deals owned by the manager's reps, the share the manager logged without marking it joint with the rep.
 */
public interface TakeoverFigures {

	/** The manager's takeover figures over the days {@code from} to {@code to} (inclusive), in the organisation's zone. */
	Takeover takeover(UUID orgId, UUID managerId, LocalDate from, LocalDate to);

	/**
	 * Activities on the reps' deals: logged by the manager alone, logged by the manager as joint with the rep, and logged
	 * by the reps themselves; {@code ratio} is manager-alone / all, {@code null} when there were none.
	 */
	record Takeover(long managerActivities, long jointActivities, long repActivities) {

		public long total() {
			return managerActivities + jointActivities + repActivities;
		}

		public @org.jspecify.annotations.Nullable Double ratio() {
			return total() == 0 ? null : (double) managerActivities / total();
		}
	}
}
