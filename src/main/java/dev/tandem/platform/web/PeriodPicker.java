package dev.tandem.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

import dev.tandem.platform.Period;

/**
 * What a page needs to show a period and move between periods: its label, the keys of the periods before
 * and after it, and of the running month, quarter and year.
 */
public record PeriodPicker(Period period, String label, String previous, String next, String thisMonth, String thisQuarter,
		String thisYear, boolean current) {

	public static PeriodPicker of(Period period, LocalDate today, Locale locale) {
		int fiscal = period.fiscalStartMonth();
		return new PeriodPicker(period, label(period, locale), period.previous().key(), period.next().key(),
				Period.containing(today, Period.Kind.MONTH, fiscal).key(), Period.containing(today, Period.Kind.QUARTER, fiscal).key(),
				Period.containing(today, Period.Kind.YEAR, fiscal).key(), period.contains(today));
	}

	/** "November 2026", "Q4 2026", "2026"; for a fiscal year not starting in January "FY 2026/27". */
	public static String label(Period period, Locale locale) {
		boolean calendar = period.fiscalStartMonth() == 1;
		String year = calendar ? Integer.toString(period.fiscalYear())
				: "FY " + period.fiscalYear() + "/" + String.format("%02d", (period.fiscalYear() + 1) % 100);
		return switch (period.kind()) {
			case MONTH -> capitalise(period.start().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale), locale) + " "
					+ period.start().getYear();
			case QUARTER -> "Q" + period.quarter() + " " + year;
			case YEAR -> year;
		};
	}

	/**
	 * The label as a sentence writes it: "June 2026" in English, "juni 2026" in Dutch, where a month has no capital in
	 * running text ({@link #label} capitalises it, as a heading does).
	 */
	public static String inSentence(Period period, Locale locale) {
		return period.kind() == Period.Kind.MONTH
				? period.start().getMonth().getDisplayName(TextStyle.FULL, locale) + " " + period.start().getYear()
				: label(period, locale);
	}

	/** "1 Oct – 31 Dec 2026", for a hint under the label. */
	public String range(Locale locale) {
		DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", locale);
		DateTimeFormatter full = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		return period.start().format(day) + " – " + period.end().minusDays(1).format(full);
	}

	public String kind() {
		return period.kind().name();
	}

	private static String capitalise(String text, Locale locale) {
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
	}
}
