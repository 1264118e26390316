package dev.tandem.goals;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.tandem.platform.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Pace and projection early in a period: too early to tell below the minimum elapsed share, a figure from then on.
 */
class PaceTests {

	static final Period DECEMBER = Period.parse("2026-12", 1, "period");
	static final PaceSettings DEFAULTS = new PaceSettings(0.10);

	@Test
	void onTheFirstOfAMonthOneSaleIsTooEarlyToTellNot990Percent() {
		// 1 December: 1/31 of the month has passed; 3,200 of a 10,000 goal would read as a pace of 992%.
		Progress p = DEFAULTS.progress(new BigDecimal("10000"), new BigDecimal("3200"), DECEMBER.elapsedShare(LocalDate.of(2026, 12, 1)));
		assertThat(p.tooEarly()).isTrue();
		assertThat(p.pace()).isNull();
		assertThat(p.projection()).isNull();
		assertThat(p.behind()).isFalse();
		assertThat(p.attainment()).isEqualTo(0.32);
	}

	@Test
	void nothingSoldOnTheThirdIsStillTooEarlyNotZeroPercent() {
		// 3 December: 3/31 = 9.7%, under 10%.
		Progress p = DEFAULTS.progress(new BigDecimal("10000"), BigDecimal.ZERO, DECEMBER.elapsedShare(LocalDate.of(2026, 12, 3)));
		assertThat(p.tooEarly()).isTrue();
		assertThat(p.behind()).isFalse();
	}

	@Test
	void fromTheMinimumSharePaceAndProjectionAreShown() {
		// 4 December: 4/31 = 12.9% passed; 1,000 of 10,000 is 10% attained: pace 0.1 / (4/31) = 77.5%, projection 7,750.
		Progress p = DEFAULTS.progress(new BigDecimal("10000"), new BigDecimal("1000"), DECEMBER.elapsedShare(LocalDate.of(2026, 12, 4)));
		assertThat(p.tooEarly()).isFalse();
		assertThat(p.pace()).isCloseTo(0.775, within(1e-9));
		assertThat(p.projection()).isEqualByComparingTo("7750.00");
		assertThat(p.behind()).isTrue();
	}

	@Test
	void theMinimumIsASetting() {
		Progress p = new PaceSettings(0.02).progress(new BigDecimal("10000"), new BigDecimal("1000"),
				DECEMBER.elapsedShare(LocalDate.of(2026, 12, 1)));
		assertThat(p.tooEarly()).isFalse();
		assertThat(p.pace()).isCloseTo(0.1 * 31, within(1e-9));
	}

	@Test
	void aFinishedPeriodIsNeverTooEarly() {
		Progress p = new PaceSettings(1.0).progress(new BigDecimal("10000"), new BigDecimal("5000"), 1.0);
		assertThat(p.tooEarly()).isFalse();
		assertThat(p.pace()).isEqualTo(0.5);
	}
}
