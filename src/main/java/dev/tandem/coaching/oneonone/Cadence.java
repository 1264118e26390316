package dev.tandem.coaching.oneonone;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How often a 1:1 series meets, and the day of the meeting after a given one. */
public enum Cadence {

	WEEKLY, FORTNIGHTLY, MONTHLY;

	/** The first meeting day on or after {@code from} that falls on the weekday. */
	public static LocalDate first(LocalDate from, DayOfWeek weekday) {
		return from.with(TemporalAdjusters.nextOrSame(weekday));
	}

	/**
	 * The meeting day after {@code day}: a week or two later, or for a monthly series the same weekday of the same week
	 * of the next month (the second Tuesday stays the second Tuesday; a fifth one becomes the last).
	 */
	public LocalDate after(LocalDate day) {
		return switch (this) {
			case WEEKLY -> day.plusWeeks(1);
			case FORTNIGHTLY -> day.plusWeeks(2);
			case MONTHLY -> {
				int ordinal = (day.getDayOfMonth() - 1) / 7 + 1;
				LocalDate month = day.plusMonths(1).withDayOfMonth(1);
				yield ordinal > 4 ? month.with(TemporalAdjusters.lastInMonth(day.getDayOfWeek()))
						: month.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day.getDayOfWeek()));
			}
		};
	}
}
