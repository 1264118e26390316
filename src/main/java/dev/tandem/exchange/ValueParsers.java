package dev.tandem.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.exchange.ImportSettings.DateOrder;
import dev.tandem.exchange.ImportSettings.DecimalMark;
import dev.tandem.platform.Decimals;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates, amounts, numbers and yes/no values that spreadsheets and CRM exports write: ISO
 * dates and date-times, day-first and month-first dates with {@code /}, {@code -} or {@code .} and an
 * optional time (24-hour or AM/PM), amounts with a decimal point or comma, thousands separators and
 * currency signs. A value it cannot read answers {@code null}; the caller reports the row.
 */
final class ValueParsers {

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern ISO_LOCAL = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)");
	private static final Pattern NUMERIC_DATE = Pattern.compile(
			"(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})(?:[ T,]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?");
	private static final Pattern AMOUNT_NOISE = Pattern.compile("[\\s\\u00A0\\u202F'€$£¥]|[A-Za-z]{3}");

	private ValueParsers() {
	}

	/** Which reading of {@code dd/dd/yyyy} dates the values allow: a definite order, AUTO when any works, null when none. */
	static @Nullable DateOrder dateOrderOf(Collection<String> values) {
		boolean dayFirst = false;
		boolean monthFirst = false;
		boolean ambiguous = false;
		for (String value : values) {
			Matcher m = NUMERIC_DATE.matcher(value.trim());
			if (!m.matches()) {
				continue;
			}
			int first = Integer.parseInt(m.group(1));
			int second = Integer.parseInt(m.group(2));
			if (first > 12 && second <= 12) {
				dayFirst = true;
			}
			else if (second > 12 && first <= 12) {
				monthFirst = true;
			}
			else if (first != second) {
				ambiguous = true;
			}
		}
		if (dayFirst && monthFirst) {
			return null;
		}
		return dayFirst ? DateOrder.DAY_FIRST : monthFirst ? DateOrder.MONTH_FIRST : ambiguous ? null : DateOrder.AUTO;
	}

	/** Whether any value is a numeric date that reads differently day-first and month-first. */
	static boolean hasAmbiguousDates(Collection<String> values) {
		return values.stream().map(v -> NUMERIC_DATE.matcher(v.trim())).anyMatch(m -> m.matches()
				&& Integer.parseInt(m.group(1)) <= 12 && Integer.parseInt(m.group(2)) <= 12 && !m.group(1).equals(m.group(2)));
	}

	static @Nullable LocalDate date(String text, DateOrder order) {
		String value = text.trim();
		if (ISO_DATE.matcher(value).matches()) {
			return parseDate(value);
		}
		LocalDateTime dateTime = localDateTime(value, order);
		return dateTime == null ? null : dateTime.toLocalDate();
	}

	/** A moment: with an offset as given, without one in the organisation's time zone; a date alone is its start. */
	static @Nullable Instant instant(String text, DateOrder order, ZoneId zone) {
		String value = text.trim();
		try {
			if (value.endsWith("Z") || value.matches(".*T.*[+-]\\d{2}:?\\d{2}$")) {
				return OffsetDateTime.parse(value.endsWith("Z") ? value : value).toInstant();
			}
		}
		catch (DateTimeParseException ex) {
			try {
				return Instant.parse(value);
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
		if (ISO_DATE.matcher(value).matches()) {
			LocalDate date = parseDate(value);
			return date == null ? null : date.atStartOfDay(zone).toInstant();
		}
		LocalDateTime local = localDateTime(value, order);
		return local == null ? null : local.atZone(zone).toInstant();
	}

	private static @Nullable LocalDateTime localDateTime(String value, DateOrder order) {
		Matcher iso = ISO_LOCAL.matcher(value);
		if (iso.matches()) {
			LocalDate date = parseDate(iso.group(1));
			try {
				return date == null ? null : date.atTime(LocalTime.parse(iso.group(2).length() == 4 ? "0" + iso.group(2) : iso.group(2)));
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		Matcher m = NUMERIC_DATE.matcher(value);
		if (!m.matches()) {
			return null;
		}
		int first = Integer.parseInt(m.group(1));
		int second = Integer.parseInt(m.group(2));
		int year = Integer.parseInt(m.group(3));
		year = m.group(3).length() == 2 ? 2000 + year : year;
		boolean dayFirst = order == DateOrder.DAY_FIRST || (order == DateOrder.AUTO && first > 12);
		if (order == DateOrder.AUTO && first <= 12 && second <= 12 && first != second) {
			return null;
		}
		int day = dayFirst ? first : second;
		int month = dayFirst ? second : first;
		try {
			LocalDate date = LocalDate.of(year, month, day);
			if (m.group(4) == null) {
				return date.atStartOfDay();
			}
			int hour = Integer.parseInt(m.group(4));
			if (m.group(7) != null) {
				boolean pm = m.group(7).equalsIgnoreCase("pm");
				if (hour < 1 || hour > 12) {
					return null;
				}
				hour = hour % 12 + (pm ? 12 : 0);
			}
			return date.atTime(hour, Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

	private static @Nullable LocalDate parseDate(String iso) {
		try {
			return LocalDate.parse(iso);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Which decimal mark the amounts show: a definite one, AUTO when any reading works, null when they contradict. */
	static @Nullable DecimalMark decimalMarkOf(Collection<String> values) {
		boolean point = false;
		boolean comma = false;
		for (String value : values) {
			String v = AMOUNT_NOISE.matcher(value).replaceAll("");
			char last = Decimals.lastOfBothMarks(v);
			if (last == '.') {
				point = true;
			}
			else if (last == ',') {
				comma = true;
			}
			else if (v.indexOf('.') >= 0 && !Decimals.groupsOfThree(v, '.')) {
				point = true;
			}
			else if (v.indexOf(',') >= 0 && !Decimals.groupsOfThree(v, ',')) {
				comma = true;
			}
		}
		if (point && comma) {
			return null;
		}
		return point ? DecimalMark.POINT : comma ? DecimalMark.COMMA : DecimalMark.AUTO;
	}

	/** Whether some amount has one separator followed by exactly three digits (1,250 or 1.250), which reads both ways. */
	static boolean hasAmbiguousAmounts(Collection<String> values) {
		return values.stream().map(v -> AMOUNT_NOISE.matcher(v).replaceAll(""))
			.anyMatch(v -> v.matches("-?\\d{1,3}[.,]\\d{3}"));
	}

	static @Nullable BigDecimal amount(String text, DecimalMark mark) {
		String v = AMOUNT_NOISE.matcher(text).replaceAll("");
		if (v.isEmpty()) {
			return null;
		}
		char decimal = switch (mark) {
			case POINT -> '.';
			case COMMA -> ',';
			case AUTO -> {
				char last = Decimals.lastOfBothMarks(v);
				if (last != 0) {
					yield last;
				}
				if (v.matches("-?\\d{1,3}[.,]\\d{3}")) {
					yield '?';
				}
				yield v.indexOf(',') >= 0 && !Decimals.groupsOfThree(v, ',') ? ',' : '.';
			}
		};
		if (decimal == '?') {
			return null;
		}
		return Decimals.withDecimalMark(v, decimal, false);
	}

	static @Nullable Integer integer(String text) {
		String v = text.trim();
		if (v.matches("-?\\d+([.,]0+)?")) {
			return Integer.valueOf(v.replaceAll("[.,]0+$", ""));
		}
		return null;
	}

	/** Yes or no in the ways exports write it; {@code null} when it is neither. */
	static @Nullable Boolean yesNo(String text) {
		return switch (text.trim().toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1", "ja", "j", "done", "completed", "x", "t" -> true;
			case "false", "no", "n", "0", "nee", "not done", "open", "f", "" -> false;
			default -> null;
		};
	}
}
