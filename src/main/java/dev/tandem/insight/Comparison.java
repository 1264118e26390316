package dev.tandem.insight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import dev.tandem.platform.Period;

/**
 * What a summary's period is compared with, like for like: a running period so far against the same days of the
 * previous period and of the period before that in the calendar (month to date against the previous month to the same
 * day); a finished or future period against whole periods.
 * <p>
 * In year view the previous period is the year before, so the second comparison goes back two years rather than showing
 * the same number twice.
 *
 * @param current the period, cut at today while it runs
 * @param previous the previous period, cut at the same day
 * @param earlier the same period a year earlier (two years for a year), cut at the same day
 * @param toDate whether the windows are cut: the period is running
 */
public record Comparison(Period current, Period previous, Period earlier, boolean toDate) {

	public static Comparison of(Period period, LocalDate today) {
		Period earlier = period.kind() == Period.Kind.YEAR ? period.shift(-2) : period.yearEarlier();
		if (!period.contains(today)) {
			return new Comparison(period, period.previous(), earlier, false);
		}
		return new Comparison(upTo(period, period, today), upTo(period.previous(), period, today), upTo(earlier, period, today), true);
	}

	/**
	 * A period up to and including the day that is to it what {@code today} is to {@code running}: the same day of the
	 * month as many months earlier (18 November 2026 is 18 October in the month before and 18 November 2024 two years
	 * before); all of it when it is shorter (31 December against the 30 days of November).
	 */
	private static Period upTo(Period period, Period running, LocalDate today) {
		LocalDate end = today.minusMonths(ChronoUnit.MONTHS.between(period.start(), running.start())).plusDays(1);
		return new Period(period.kind(), period.start(), end.isBefore(period.end()) ? end : period.end(), period.fiscalStartMonth());
	}

	/** How many days a window holds. */
	public static long days(Period window) {
		return window.days();
	}

	/** Whether a window is a whole period of its kind, as opposed to its first days. */
	public static boolean whole(Period window) {
		return window.end().equals(Period.containing(window.start(), window.kind(), window.fiscalStartMonth()).end());
	}
}
