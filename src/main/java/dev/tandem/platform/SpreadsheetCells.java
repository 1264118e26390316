package dev.tandem.platform;

import java.util.regex.Pattern;

/**
 * Keeps spreadsheet programs from running exported text as a formula (CSV injection): a cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * apostrophe, and Tandem's own import takes exactly that apostrophe off again.
 * <p>
 * To stay lossless, text that already starts with apostrophes before such a character gets one more,
 * so {@link #restore(String)} of {@link #neutralise(String)} is always the original text.
 */
public final class SpreadsheetCells {

	private static final Pattern NEUTRALISE = Pattern.compile("^'*[=+\\-@\t\r]", Pattern.DOTALL);
	private static final Pattern RESTORE = Pattern.compile("^'+[=+\\-@\t\r]", Pattern.DOTALL);

	private SpreadsheetCells() {
	}

	/** The text as it is safe to put in a spreadsheet cell. */
	public static String neutralise(String text) {
		return NEUTRALISE.matcher(text).lookingAt() ? "'" + text : text;
	}

	/** A value of any type, with text neutralised; other values unchanged. */
	public static Object neutralise(Object value) {
		return value instanceof String text ? neutralise(text) : value;
	}

	/** The original text of a neutralised cell. */
	public static String restore(String cell) {
		return RESTORE.matcher(cell).lookingAt() ? cell.substring(1) : cell;
	}
}
