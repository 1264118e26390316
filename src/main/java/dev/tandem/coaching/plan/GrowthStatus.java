package dev.tandem.coaching.plan;

/** Where a growth plan's goal, or the plan as a whole, stands. */
public enum GrowthStatus {
	ON_TRACK, AT_RISK, DONE
}
