package dev.tandem.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar (RFC 5545) document: lines end in CRLF, are folded at 75 octets without splitting a
 * character, and text values escape backslash, semicolon, comma and line breaks. Times are written in UTC, so no
 * time zone definitions are needed and every calendar app shows them in its own zone. Shared by the CRM's calendar
 * feed and the 1:1 series download.
 */
public final class IcsWriter {

	public static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

	private static final int LINE_OCTETS = 75;
	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final StringBuilder out = new StringBuilder();

	/** A property whose value is written as it is (names, dates, durations). */
	public IcsWriter property(String name, String value) {
		return line(name + ":" + value);
	}

	/** A property of type TEXT, escaped. */
	public IcsWriter text(String name, String value) {
		return property(name, escape(value));
	}

	public IcsWriter time(String name, Instant at) {
		return property(name, UTC.format(at));
	}

	public IcsWriter date(String name, LocalDate day) {
		return property(name + ";VALUE=DATE", DATE.format(day));
	}

	public IcsWriter begin(String component) {
		return property("BEGIN", component);
	}

	public IcsWriter end(String component) {
		return property("END", component);
	}

	@Override
	public String toString() {
		return out.toString();
	}

	private IcsWriter line(String line) {
		out.append(fold(line)).append("\r\n");
		return this;
	}

	/** Escapes a TEXT value; control characters other than tab, which TEXT may not hold, become spaces. */
	public static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length() + 8);
		String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
		for (int i = 0; i < normalised.length(); i++) {
			char c = normalised.charAt(i);
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case ';' -> escaped.append("\\;");
				case ',' -> escaped.append("\\,");
				case '\n' -> escaped.append("\\n");
				default -> escaped.append(c < 0x20 && c != '\t' || c == 0x7f ? ' ' : c);
			}
		}
		return escaped.toString();
	}

	/** Breaks a content line into lines of at most 75 octets, each continuation starting with a space. */
	public static String fold(String line) {
		StringBuilder folded = new StringBuilder(line.length() + 16);
		int octets = 0;
		for (int i = 0; i < line.length(); ) {
			int codePoint = line.codePointAt(i);
			int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + width > LINE_OCTETS) {
				folded.append("\r\n ");
				octets = 1;
			}
			folded.appendCodePoint(codePoint);
			octets += width;
			i += Character.charCount(codePoint);
		}
		return folded.toString();
	}
}
