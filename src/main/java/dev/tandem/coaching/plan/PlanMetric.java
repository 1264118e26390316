package dev.tandem.coaching.plan;

/**
 * What a coaching plan measures, each by the definition of DESIGN.md section 5 as insight and goals measure it: a
 * stage's conversion, the win rate and goal attainment as shares (0 to 1), won revenue in the organisation's currency,
 * activities of one type per week.
 */
public enum PlanMetric {
	STAGE_CONVERSION, WIN_RATE, WON_REVENUE, ACTIVITIES_PER_WEEK, ATTAINMENT;

	/** Whether values are shares shown as percentages (and typed as percentages in the form). */
	public boolean share() {
		return this == STAGE_CONVERSION || this == WIN_RATE || this == ATTAINMENT;
	}

	public boolean money() {
		return this == WON_REVENUE;
	}
}
