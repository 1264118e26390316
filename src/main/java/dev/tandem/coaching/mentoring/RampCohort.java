package dev.tandem.coaching.mentoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The cohort curve: per tenure month, the average of the earlier newcomers whose month is over. */
final class RampCohort {

	/** Fewer people than this behind a month show no average. */
	static final int MIN_PEOPLE = 3;

	private RampCohort() {
	}

	static List<CohortMonth> curve(List<List<RampMonth>> people, int months) {
		List<CohortMonth> curve = new ArrayList<>();
		for (int m = 1; m <= months; m++) {
			int month = m;
			List<RampMonth> at = people.stream().flatMap(List::stream).filter(r -> r.month() == month && r.complete()).toList();
			if (at.size() < MIN_PEOPLE) {
				curve.add(new CohortMonth(m, at.size(), null, null, null));
				continue;
			}
			double activities = at.stream().mapToLong(RampMonth::activities).average().orElse(0);
			BigDecimal pipeline = at.stream().map(RampMonth::pipelineCreated).reduce(BigDecimal.ZERO, BigDecimal::add)
				.divide(BigDecimal.valueOf(at.size()), 2, RoundingMode.HALF_UP);
			List<RampMonth> withGoal = at.stream().filter(r -> r.attainment() != null).toList();
			Double attainment = withGoal.isEmpty() ? null : withGoal.stream().mapToDouble(RampMonth::attainment).average().orElse(0);
			curve.add(new CohortMonth(m, at.size(), activities, pipeline, attainment));
		}
		return curve;
	}
}
