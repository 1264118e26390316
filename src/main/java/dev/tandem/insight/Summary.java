package dev.tandem.insight;

import java.math.BigDecimal;
import java.util.List;

import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.GoalProgress;
import dev.tandem.goals.Measures;
import dev.tandem.goals.Scope;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;

/**
 * The headline numbers of a person or a team for a period, beside the previous period and the same period a
 * year earlier (like for like while the period runs, see {@link Comparison}), with the goals' progress and today's
 * pipeline and data hygiene.
 */
public record Summary(Scope scope, String name, Period period, Measures current, Measures previous, Measures yearEarlier,
		List<GoalProgress> goals, Hygiene hygiene, boolean currentPeriod, Comparison comparison) {

	/**
	 * Pipeline coverage (DESIGN.md section 5): the open amount expected to close in the period over what is
	 * still needed of the won-revenue goal. Only for the running period, with a goal not yet reached.
	 */
	public @Nullable Double pipelineCoverage() {
		GoalProgress revenue = revenueGoal();
		if (!currentPeriod || revenue == null) {
			return null;
		}
		BigDecimal needed = revenue.progress().target().subtract(current.wonRevenue());
		return needed.signum() <= 0 ? null : hygiene.openClosingIn(period).doubleValue() / needed.doubleValue();
	}

	public @Nullable GoalProgress revenueGoal() {
		return goals.stream().filter(g -> g.goal().metric() == GoalMetric.WON_REVENUE).findFirst().orElse(null);
	}
}
