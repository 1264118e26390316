package dev.tandem.platform.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Amounts typed in Dutch and in English, as a form sends them. */
class LocaleDecimalsTests {

	private static final Locale NL = Locale.forLanguageTag("nl");
	private final LocaleDecimals decimals = new LocaleDecimals();

	@Test
	void readsDutchAmounts() throws ParseException {
		assertThat(decimals.parse("7.500,00", NL)).isEqualByComparingTo("7500");
		assertThat(decimals.parse("7.500", NL)).isEqualByComparingTo("7500");
		assertThat(decimals.parse("1.250.000", NL)).isEqualByComparingTo("1250000");
		assertThat(decimals.parse("7500,5", NL)).isEqualByComparingTo("7500.5");
		assertThat(decimals.parse("€ 12,50", NL)).isEqualByComparingTo("12.5");
		// What a browser's number field sends, whatever the language.
		assertThat(decimals.parse("7500.50", NL)).isEqualByComparingTo("7500.5");
		assertThat(decimals.parse("1.5", NL)).isEqualByComparingTo("1.5");
	}

	@Test
	void readsEnglishAmounts() throws ParseException {
		assertThat(decimals.parse("7,500.00", Locale.ENGLISH)).isEqualByComparingTo("7500");
		assertThat(decimals.parse("7,500", Locale.ENGLISH)).isEqualByComparingTo("7500");
		assertThat(decimals.parse("7500.5", Locale.ENGLISH)).isEqualByComparingTo("7500.5");
		assertThat(decimals.parse("-40", Locale.ENGLISH)).isEqualByComparingTo("-40");
	}

	@Test
	void refusesWhatIsNoAmount() {
		assertThatThrownBy(() -> decimals.parse("12 apples", NL)).isInstanceOf(ParseException.class);
		assertThatThrownBy(() -> decimals.parse("1,2,3", Locale.ENGLISH)).isInstanceOf(ParseException.class);
		assertThatThrownBy(() -> decimals.parse(" ", NL)).isInstanceOf(ParseException.class);
	}

	@Test
	void printsInTheLanguage() {
		assertThat(decimals.print(new BigDecimal("7500.50"), NL)).isEqualTo("7.500,5");
		assertThat(decimals.print(new BigDecimal("7500.00"), Locale.ENGLISH)).isEqualTo("7,500");
	}
}
