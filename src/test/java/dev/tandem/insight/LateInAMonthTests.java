package dev.tandem.insight;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** 28 December 2026: far enough into the month that the dashboard shows the change against the same days before. */
@TestPropertySource(properties = "tandem.test.clock=2026-12-28T10:00:00+01:00")
class LateInAMonthTests extends EarlyPeriodFixture {

	@Test
	void lateInTheMonthTheChangeIsShown() {
		for (String page : pages("en")) {
			// 1-28 December 2026: 1,500; 1-28 November 2026: 600 + 400 = 1,000, so +50%; 1-28 December 2025: 500 + 250 = 750, so +100%.
			assertThat(value(page, "Won revenue")).isEqualTo("€1,500");
			assertThat(comparison(page, "Won revenue")).isEqualTo("+50% vs 1–28 Nov 2026 +100% vs 1–28 Dec 2025");
			assertThat(page).contains("1–28 Dec 2026 so far, compared like for like with the same days of 1–28 Nov 2026 and of 1–28 Dec 2025.")
				.doesNotContain("€1,000 in", "€750 in");
		}
	}
}
