package dev.tandem.insight;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second day of December 2026: 2 of its 31 days have passed, less than {@code tandem.insight.min-elapsed-share}
 * (0.10, 3.1 days), so a change would say too little; the dashboard shows the figures of the same days before.
 */
@TestPropertySource(properties = "tandem.test.clock=2026-12-02T10:00:00+01:00")
class EarlyInAMonthTests extends EarlyPeriodFixture {

	@Test
	void theSecondDayShowsTheFiguresOfTheSameDaysBeforeInsteadOfAChange() {
		for (String page : pages("en")) {
			// 1-2 December 2026: the 1,500 of 1 December; 1-2 November 2026: the 600 of 2 November; 1-2 December 2025: the 500 of 1 December.
			assertThat(value(page, "Won revenue")).isEqualTo("€1,500");
			assertThat(comparison(page, "Won revenue")).isEqualTo("€600 in 1–2 Nov 2026 €500 in 1–2 Dec 2025");
			// Won / lost deals: one won in each window, none lost.
			assertThat(value(page, "Won / lost")).isEqualTo("1 / 0");
			assertThat(comparison(page, "Won / lost")).isEqualTo("1 / 0 in 1–2 Nov 2026 1 / 0 in 1–2 Dec 2025");
			assertThat(page).contains("1–2 Dec 2026 so far, compared like for like with the same days of 1–2 Nov 2026 and of 1–2 Dec 2025.")
				// 1,500 against 600 would read +150%, against 500 +200%.
				.doesNotContain("+150%", "+200%", "vs 1–2 Nov 2026", "vs 1–2 Dec 2025");
		}
	}

	@Test
	void inDutchTooTheFiguresBeforeAreShownWithTheirDays() {
		for (String page : pages("nl")) {
			assertThat(comparison(page, "Gewonnen omzet")).isEqualTo("€ 600 in 1–2 nov. 2026 € 500 in 1–2 dec. 2025");
			assertThat(page).doesNotContain("+150%", "+200%", "t.o.v. 1–2 nov. 2026");
		}
	}
}
