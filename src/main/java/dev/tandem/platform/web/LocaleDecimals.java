package dev.tandem.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.tandem.platform.Decimals;
import org.springframework.format.Formatter;

/**
 * Amounts as people type them in a form, in their own language: {@code 7.500,00} in Dutch, {@code 7,500.00} in
 * English. A value with both marks takes the last one as the decimal mark. With one mark only, it is the language's
 * decimal mark, unless it separates groups of three digits from a leading group of one to three ({@code 7.500} in
 * Dutch, {@code 7,500} in English are seven thousand five hundred); the other mark is always a decimal one
 * ({@code 7500.50} in Dutch is read as a browser's number field sends it). Spaces and currency signs are ignored.
 */
final class LocaleDecimals implements Formatter<BigDecimal> {

	private static final Pattern NOISE = Pattern.compile("[\\s\\u00a0\\u202f€$£]");

	@Override
	public BigDecimal parse(String text, Locale locale) throws ParseException {
		String v = NOISE.matcher(text).replaceAll("");
		if (v.isEmpty()) {
			throw new ParseException(text, 0);
		}
		char decimal = "nl".equals(locale.getLanguage()) ? ',' : '.';
		char grouping = decimal == ',' ? '.' : ',';
		char last = Decimals.lastOfBothMarks(v);
		char mark = last != 0 ? last : Decimals.groupsOfThree(v, grouping) ? decimal : v.indexOf(',') >= 0 ? ',' : '.';
		BigDecimal amount = Decimals.withDecimalMark(v, mark, true);
		if (amount == null) {
			throw new ParseException(text, 0);
		}
		return amount;
	}

	@Override
	public String print(BigDecimal value, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance("nl".equals(locale.getLanguage()) ? Locale.forLanguageTag("nl-NL") : Locale.UK);
		format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
		return format.format(value);
	}
}
