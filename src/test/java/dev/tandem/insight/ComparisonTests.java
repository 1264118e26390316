package dev.tandem.insight;

import java.time.LocalDate;

import dev.tandem.platform.Period;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a dashboard compares a period with: like for like while it runs, whole periods once it is over.
 */
class ComparisonTests {

	static final Period DECEMBER = Period.parse("2026-12", 1, "period");

	@Test
	void onTheFirstOfAMonthItComparesTheFirstDayWithTheFirstDayOfThePreviousMonthAndAYearEarlier() {
		Comparison c = Comparison.of(DECEMBER, LocalDate.of(2026, 12, 1));
		assertThat(c.toDate()).isTrue();
		assertThat(window(c.current())).isEqualTo("2026-12-01..2026-12-02");
		assertThat(window(c.previous())).isEqualTo("2026-11-01..2026-11-02");
		assertThat(window(c.earlier())).isEqualTo("2025-12-01..2025-12-02");
	}

	@Test
	void onTheSecondOfAMonthItComparesTwoDaysWithTheSameTwoDaysBefore() {
		Comparison c = Comparison.of(DECEMBER, LocalDate.of(2026, 12, 2));
		assertThat(window(c.previous())).isEqualTo("2026-11-01..2026-11-03");
		assertThat(window(c.earlier())).isEqualTo("2025-12-01..2025-12-03");
		assertThat(Comparison.whole(c.previous())).isFalse();
	}

	@Test
	void inALeapYearTheYearBeforeIsCutAtTheSameDateNotTheSameNumberOfDays() {
		// 2024 has 29 February: 1 March 2025 is its 60th day, but 1 March 2024 its 61st.
		Comparison c = Comparison.of(Period.parse("2025-Q1", 1, "period"), LocalDate.of(2025, 3, 1));
		assertThat(window(c.earlier())).isEqualTo("2024-01-01..2024-03-02");
		assertThat(window(c.previous())).isEqualTo("2024-10-01..2024-12-02");
	}

	@Test
	void onTheLastDayOfALongMonthTheShorterPreviousMonthCountsWhole() {
		Comparison c = Comparison.of(DECEMBER, LocalDate.of(2026, 12, 31));
		assertThat(window(c.previous())).isEqualTo("2026-11-01..2026-12-01");
		assertThat(Comparison.whole(c.previous())).isTrue();
	}

	@Test
	void aFinishedPeriodComparesWholePeriods() {
		Comparison c = Comparison.of(Period.parse("2026-10", 1, "period"), LocalDate.of(2026, 12, 1));
		assertThat(c.toDate()).isFalse();
		assertThat(c.previous().key()).isEqualTo("2026-09");
		assertThat(Comparison.whole(c.previous())).isTrue();
		assertThat(c.earlier().key()).isEqualTo("2025-10");
		assertThat(Comparison.whole(c.earlier())).isTrue();
	}

	@Test
	void inYearViewThePreviousYearAndTheSecondComparisonAreDifferentYears() {
		Comparison running = Comparison.of(Period.parse("2026", 1, "period"), LocalDate.of(2026, 11, 18));
		assertThat(window(running.previous())).isEqualTo("2025-01-01..2025-11-19");
		assertThat(window(running.earlier())).isEqualTo("2024-01-01..2024-11-19");
		Comparison finished = Comparison.of(Period.parse("2025", 1, "period"), LocalDate.of(2026, 11, 18));
		assertThat(finished.previous().key()).isEqualTo("2024");
		assertThat(finished.earlier().key()).isEqualTo("2023");
	}

	@Test
	void aRunningFiscalQuarterComparesUpToTheSameDayOfTheMonth() {
		// Fiscal year from April: Q3 2026 is October to December 2026; 15 November is to it what 15 August is to Q2.
		Comparison c = Comparison.of(Period.parse("2026-Q3", 4, "period"), LocalDate.of(2026, 11, 15));
		assertThat(window(c.previous())).isEqualTo("2026-07-01..2026-08-16");
		assertThat(window(c.earlier())).isEqualTo("2025-10-01..2025-11-16");
	}

	private static String window(Period p) {
		return p.start() + ".." + p.end();
	}
}
