package dev.tandem.exchange;

import java.math.BigDecimal;
import java.util.List;

import dev.tandem.exchange.ImportSettings.DecimalMark;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How imports read amounts: with the file's decimal mark, or guessed from the value where it reads one way only. */
class ValueParsersAmountTests {

	@Test
	void readsTheMarkTheFileUsesAndLeavesOutTheThousandsSeparators() {
		assertThat(ValueParsers.amount("€ 1.250.000,50", DecimalMark.COMMA)).isEqualByComparingTo("1250000.50");
		assertThat(ValueParsers.amount("1,250,000.50 EUR", DecimalMark.POINT)).isEqualByComparingTo("1250000.50");
		assertThat(ValueParsers.amount("1.250", DecimalMark.COMMA)).isEqualByComparingTo("1250");
		assertThat(ValueParsers.amount("1.250", DecimalMark.POINT)).isEqualByComparingTo("1.25");
		assertThat(ValueParsers.amount("-7500", DecimalMark.POINT)).isEqualByComparingTo("-7500");
	}

	@Test
	void guessesOnlyWhereTheValueReadsOneWay() {
		assertThat(ValueParsers.amount("1.250,5", DecimalMark.AUTO)).isEqualByComparingTo("1250.5");
		assertThat(ValueParsers.amount("1,250.5", DecimalMark.AUTO)).isEqualByComparingTo("1250.5");
		assertThat(ValueParsers.amount("1,250,000", DecimalMark.AUTO)).isEqualByComparingTo("1250000");
		assertThat(ValueParsers.amount("12,5", DecimalMark.AUTO)).isEqualByComparingTo("12.5");
		assertThat(ValueParsers.amount("1,250", DecimalMark.AUTO)).as("a thousand or one and a quarter").isNull();
	}

	@Test
	void answersNullForWhatIsNoAmount() {
		assertThat(ValueParsers.amount("", DecimalMark.AUTO)).isNull();
		assertThat(ValueParsers.amount(".5", DecimalMark.POINT)).as("no digit before the mark").isNull();
		assertThat(ValueParsers.amount("1.2.3", DecimalMark.POINT)).isNull();
		assertThat(ValueParsers.amount("twelve", DecimalMark.AUTO)).isNull();
	}

	@Test
	void tellsTheMarkTheValuesShow() {
		assertThat(ValueParsers.decimalMarkOf(List.of("1.250,50", "300"))).isEqualTo(DecimalMark.COMMA);
		assertThat(ValueParsers.decimalMarkOf(List.of("1,250.50", "12.5"))).isEqualTo(DecimalMark.POINT);
		assertThat(ValueParsers.decimalMarkOf(List.of("1.250", "1.250.000"))).isEqualTo(DecimalMark.AUTO);
		assertThat(ValueParsers.decimalMarkOf(List.of("12,5", "12.5"))).isNull();
		assertThat(ValueParsers.amount("12,5", DecimalMark.COMMA)).isEqualByComparingTo(new BigDecimal("12.5"));
	}
}
