package dev.tandem.insight;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The evening of 1 December 2026: one day of 31 has passed, so the dashboard shows the figures of that one day before. */
@TestPropertySource(properties = "tandem.test.clock=2026-12-01T18:00:00+01:00")
class OnTheFirstOfAMonthTests extends EarlyPeriodFixture {

	@Test
	void theFirstDayShowsTheFiguresOfTheFirstDayBefore() {
		for (String page : pages("en")) {
			// 1 December 2026: 1,500; 1 November 2026: nothing; 1 December 2025: 500.
			assertThat(value(page, "Won revenue")).isEqualTo("€1,500");
			assertThat(comparison(page, "Won revenue")).isEqualTo("€0 on 1 Nov 2026 €500 on 1 Dec 2025");
			assertThat(page).contains("1 Dec 2026 so far, compared like for like with the same days of 1 Nov 2026 and of 1 Dec 2025.")
				.doesNotContain("+200%", "vs 1 Nov 2026", "vs 1 Dec 2025");
		}
	}
}
