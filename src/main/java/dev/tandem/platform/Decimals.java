package dev.tandem.platform;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The core of reading numbers people and spreadsheets write with a decimal point or comma: the other mark separates
 * thousands. Callers first strip what their source adds (spaces, currency signs) and decide which mark is the decimal
 * one; forms (in the user's language) and imports (with the file's mark) decide differently.
 */
public final class Decimals {

	private Decimals() {
	}

	/** The mark that comes last when a value has both a point and a comma, which is then its decimal mark; else {@code 0}. */
	public static char lastOfBothMarks(String value) {
		int lastPoint = value.lastIndexOf('.');
		int lastComma = value.lastIndexOf(',');
		if (lastPoint < 0 || lastComma < 0) {
			return 0;
		}
		return lastPoint > lastComma ? '.' : ',';
	}

	/** Whether {@code mark} only separates groups of three digits from a leading group of one to three ({@code 1.250.000}). */
	public static boolean groupsOfThree(String value, char mark) {
		return value.matches("-?\\d{1,3}(\\" + mark + "\\d{3})+");
	}

	/**
	 * The number {@code value} writes with {@code decimal} as its decimal mark, the other of point and comma left out as
	 * a thousands separator; {@code null} when it is no number. {@code bareFraction} also takes a value without digits
	 * before the mark ({@code .5}).
	 */
	public static @Nullable BigDecimal withDecimalMark(String value, char decimal, boolean bareFraction) {
		char thousands = decimal == '.' ? ',' : '.';
		String plain = value.replace(String.valueOf(thousands), "").replace(decimal, '.');
		if (!plain.matches(bareFraction ? "-?\\d+(\\.\\d+)?|-?\\.\\d+" : "-?\\d+(\\.\\d+)?")) {
			return null;
		}
		return new BigDecimal(plain);
	}
}
