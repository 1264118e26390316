package dev.tandem.insight;

/**
 * How a person's recent periods compare with their target (DESIGN.md section 5): one bad period is not a
 * pattern; several in a row are.
 */
public enum Signal {
	/** No revenue goal, or on target. */
	NONE,
	/** The last completed period ended under the threshold. */
	BAD_PERIOD,
	/** The last completed periods, as many as the setting says, all ended under the threshold. */
	SUSTAINED
}
