package dev.tandem.coaching.help;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working days (Monday to Friday) in an organisation's zone, for when an unanswered help request becomes overdue. A
 * request raised on Friday afternoon with one working day is due on Monday afternoon; one raised at the weekend counts
 * from Monday morning.
 */
final class WorkingDays {

	private WorkingDays() {
	}

	/** The moment {@code days} working days after {@code from}, in {@code zone}. */
	static Instant after(Instant from, int days, ZoneId zone) {
		ZonedDateTime at = from.atZone(zone);
		if (weekend(at)) {
			while (weekend(at)) {
				at = at.plusDays(1);
			}
			at = at.toLocalDate().atStartOfDay(zone);
		}
		for (int left = days; left > 0;) {
			at = at.plusDays(1);
			if (!weekend(at)) {
				left--;
			}
		}
		return at.toInstant();
	}

	private static boolean weekend(ZonedDateTime at) {
		return at.getDayOfWeek() == DayOfWeek.SATURDAY || at.getDayOfWeek() == DayOfWeek.SUNDAY;
	}
}
