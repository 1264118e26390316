package dev.tandem.coaching.mentoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The cohort curve on a fixture of four earlier starters, averaged by hand. */
class RampCohortTests {

	private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

	@Test
	void averagesTheMonthsThatAreOverAndHidesMonthsWithTooFewPeople() {
		// Month 1: all four complete. Activities 10, 20, 30, 40: 25. Pipeline 1000, 2000, 3000, 0: 1500.
		// Attainment 0.5 and 1.0 (two without a goal): 0.75. Month 2: three complete (the fourth still running):
		// activities 30, 60, 90: 60. Month 3: only two complete: no average.
		List<List<RampMonth>> people = List.of(
				List.of(m(1, true, 10, "1000", 0.5), m(2, true, 30, "500", null), m(3, true, 50, "0", null)),
				List.of(m(1, true, 20, "2000", 1.0), m(2, true, 60, "1500", null), m(3, true, 70, "0", null)),
				List.of(m(1, true, 30, "3000", null), m(2, true, 90, "1000", null)),
				List.of(m(1, true, 40, "0", null), m(2, false, 99, "9999", 3.0)));

		List<CohortMonth> curve = RampCohort.curve(people, 3);

		assertThat(curve.get(0).people()).isEqualTo(4);
		assertThat(curve.get(0).activities()).isCloseTo(25, within(1e-9));
		assertThat(curve.get(0).pipelineCreated()).isEqualByComparingTo("1500");
		assertThat(curve.get(0).attainment()).isCloseTo(0.75, within(1e-9));
		assertThat(curve.get(1).people()).isEqualTo(3);
		assertThat(curve.get(1).activities()).isCloseTo(60, within(1e-9));
		assertThat(curve.get(1).pipelineCreated()).isEqualByComparingTo("1000");
		assertThat(curve.get(1).attainment()).isNull();
		assertThat(curve.get(2).people()).isEqualTo(2);
		assertThat(curve.get(2).activities()).isNull();
		assertThat(curve.get(2).pipelineCreated()).isNull();
	}

	private static RampMonth m(int month, boolean complete, long activities, String pipeline, Double attainment) {
		return new RampMonth(month, DAY.plusMonths(month - 1), DAY.plusMonths(month), complete, activities, new BigDecimal(pipeline), attainment);
	}
}
