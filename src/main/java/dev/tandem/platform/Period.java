package dev.tandem.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month, quarter or year of an organisation's fiscal calendar, from {@code start} (inclusive) to
 * {@code end} (exclusive).
 * <p>
 * A fiscal year is named after the calendar year in which it starts: with a fiscal year starting in
 * April, {@code 2026} runs from 1 April 2026 to 31 March 2027 and {@code 2026-Q1} is April to June
 * 2026. With the default start in January the fiscal calendar is the calendar. Months are always
 * calendar months ({@code 2026-11}). Periods are dates; their instants are taken in the
 * organisation's time zone.
 */
public record Period(Kind kind, LocalDate start, LocalDate end, int fiscalStartMonth) {

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
	private static final Pattern YEAR = Pattern.compile("(?:FY)?(\\d{4})");

	/** The length of a period. */
	public enum Kind {
		MONTH, QUARTER, YEAR
	}

	/**
	 * Reads {@code 2026-11}, {@code 2026-Q4} or {@code 2026}.
	 * @throws InvalidInputException naming {@code field} when the text is none of these
	 */
	public static Period parse(String text, int fiscalStartMonth, String field) {
		String value = text == null ? "" : text.trim();
		Matcher month = MONTH.matcher(value);
		if (month.matches()) {
			int m = Integer.parseInt(month.group(2));
			if (m >= 1 && m <= 12) {
				LocalDate start = LocalDate.of(Integer.parseInt(month.group(1)), m, 1);
				return new Period(Kind.MONTH, start, start.plusMonths(1), fiscalStartMonth);
			}
		}
		Matcher quarter = QUARTER.matcher(value);
		if (quarter.matches()) {
			LocalDate start = fiscalYearStart(Integer.parseInt(quarter.group(1)), fiscalStartMonth)
				.plusMonths(3L * (Integer.parseInt(quarter.group(2)) - 1));
			return new Period(Kind.QUARTER, start, start.plusMonths(3), fiscalStartMonth);
		}
		Matcher year = YEAR.matcher(value);
		if (year.matches()) {
			LocalDate start = fiscalYearStart(Integer.parseInt(year.group(1)), fiscalStartMonth);
			return new Period(Kind.YEAR, start, start.plusYears(1), fiscalStartMonth);
		}
		throw InvalidInputException.of(field, "validation.period");
	}

	/** The period of the given kind that holds {@code day}. */
	public static Period containing(LocalDate day, Kind kind, int fiscalStartMonth) {
		LocalDate yearStart = fiscalYearStart(day.getMonthValue() >= fiscalStartMonth ? day.getYear() : day.getYear() - 1,
				fiscalStartMonth);
		return switch (kind) {
			case MONTH -> new Period(kind, day.withDayOfMonth(1), day.withDayOfMonth(1).plusMonths(1), fiscalStartMonth);
			case QUARTER -> {
				long quarters = ChronoUnit.MONTHS.between(yearStart, day.withDayOfMonth(1)) / 3;
				LocalDate start = yearStart.plusMonths(3 * quarters);
				yield new Period(kind, start, start.plusMonths(3), fiscalStartMonth);
			}
			case YEAR -> new Period(kind, yearStart, yearStart.plusYears(1), fiscalStartMonth);
		};
	}

	private static LocalDate fiscalYearStart(int fiscalYear, int fiscalStartMonth) {
		return LocalDate.of(fiscalYear, fiscalStartMonth, 1);
	}

	/** The fiscal year this period belongs to (named after the calendar year it starts in). */
	public int fiscalYear() {
		return start.getMonthValue() >= fiscalStartMonth ? start.getYear() : start.getYear() - 1;
	}

	/** How the API and URLs name it: {@code 2026-11}, {@code 2026-Q4} or {@code 2026}. */
	public String key() {
		return switch (kind) {
			case MONTH -> YearMonth.from(start).toString();
			case QUARTER -> fiscalYear() + "-Q" + (ChronoUnit.MONTHS.between(fiscalYearStart(fiscalYear(), fiscalStartMonth), start) / 3 + 1);
			case YEAR -> Integer.toString(fiscalYear());
		};
	}

	/** The quarter number 1 to 4 within its fiscal year, for a quarter. */
	public int quarter() {
		return (int) (ChronoUnit.MONTHS.between(fiscalYearStart(fiscalYear(), fiscalStartMonth), start) / 3 + 1);
	}

	public Period previous() {
		return shift(-1);
	}

	public Period next() {
		return shift(1);
	}

	/** The same period one year earlier. */
	public Period yearEarlier() {
		return new Period(kind, start.minusYears(1), end.minusYears(1), fiscalStartMonth);
	}

	/** The period {@code steps} periods later (earlier when negative). */
	public Period shift(int steps) {
		long months = (long) steps * switch (kind) {
			case MONTH -> 1;
			case QUARTER -> 3;
			case YEAR -> 12;
		};
		return new Period(kind, start.plusMonths(months), end.plusMonths(months), fiscalStartMonth);
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(start) && day.isBefore(end);
	}

	public long days() {
		return ChronoUnit.DAYS.between(start, end);
	}

	/**
	 * The share of the period that has passed by the end of {@code today}: 0 before it starts, 1 once it
	 * is over. Counted in whole days, so on the first day of a month a thirtieth has passed.
	 */
	public double elapsedShare(LocalDate today) {
		if (today.isBefore(start)) {
			return 0;
		}
		if (!today.isBefore(end)) {
			return 1;
		}
		return (double) (ChronoUnit.DAYS.between(start, today) + 1) / days();
	}

	public boolean isOver(LocalDate today) {
		return !today.isBefore(end);
	}

	public Instant startAt(ZoneId zone) {
		return start.atStartOfDay(zone).toInstant();
	}

	public Instant endAt(ZoneId zone) {
		return end.atStartOfDay(zone).toInstant();
	}

	@Override
	public String toString() {
		return key();
	}
}
