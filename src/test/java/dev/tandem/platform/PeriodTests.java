package dev.tandem.platform;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Months, quarters and years of the calendar and of a fiscal year that starts in April.
 */
class PeriodTests {

	@Test
	void readsMonthsQuartersAndYearsOfTheCalendar() {
		Period month = Period.parse("2026-11", 1, "period");
		assertThat(month.start()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(month.end()).isEqualTo(LocalDate.of(2026, 12, 1));
		Period quarter = Period.parse("2026-Q4", 1, "period");
		assertThat(quarter.start()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(quarter.end()).isEqualTo(LocalDate.of(2027, 1, 1));
		Period year = Period.parse("2026", 1, "period");
		assertThat(year.start()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(year.days()).isEqualTo(365);
	}

	@Test
	void aFiscalYearIsNamedAfterTheYearItStartsIn() {
		Period year = Period.parse("2026", 4, "period");
		assertThat(year.start()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(year.end()).isEqualTo(LocalDate.of(2027, 4, 1));
		assertThat(Period.parse("2026-Q1", 4, "period").start()).isEqualTo(LocalDate.of(2026, 4, 1));
		Period q4 = Period.containing(LocalDate.of(2027, 2, 15), Period.Kind.QUARTER, 4);
		assertThat(q4.key()).isEqualTo("2026-Q4");
		assertThat(q4.start()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(Period.containing(LocalDate.of(2027, 2, 15), Period.Kind.YEAR, 4).key()).isEqualTo("2026");
		assertThat(Period.containing(LocalDate.of(2026, 3, 31), Period.Kind.YEAR, 4).key()).isEqualTo("2025");
	}

	@Test
	void stepsBackAndForthAndAYearEarlier() {
		Period q1 = Period.parse("2026-Q1", 1, "period");
		assertThat(q1.previous().key()).isEqualTo("2025-Q4");
		assertThat(q1.next().key()).isEqualTo("2026-Q2");
		assertThat(q1.yearEarlier().key()).isEqualTo("2025-Q1");
		assertThat(Period.parse("2026-01", 1, "period").previous().key()).isEqualTo("2025-12");
		assertThat(Period.parse("2026-02", 4, "period").shift(-6).key()).isEqualTo("2025-08");
	}

	@Test
	void theElapsedShareCountsWholeDays() {
		Period november = Period.parse("2026-11", 1, "period");
		assertThat(november.elapsedShare(LocalDate.of(2026, 10, 31))).isZero();
		assertThat(november.elapsedShare(LocalDate.of(2026, 11, 1))).isEqualTo(1.0 / 30);
		assertThat(november.elapsedShare(LocalDate.of(2026, 11, 15))).isEqualTo(0.5);
		assertThat(november.elapsedShare(LocalDate.of(2026, 12, 1))).isEqualTo(1.0);
		assertThat(november.isOver(LocalDate.of(2026, 11, 30))).isFalse();
		assertThat(november.isOver(LocalDate.of(2026, 12, 1))).isTrue();
	}

	@Test
	void refusesWhatIsNoPeriod() {
		for (String bad : new String[] { "2026-13", "2026-Q5", "Nov 2026", "", "26" }) {
			assertThatThrownBy(() -> Period.parse(bad, 1, "period")).as(bad).isInstanceOf(InvalidInputException.class);
		}
	}
}
