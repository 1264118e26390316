package dev.tandem.goals;

/**
 * Whose turn it is in agreeing a goal.
 */
public enum GoalStatus {
	/** The owner proposed a target; their manager accepts or counter-proposes. */
	AWAITING_MANAGER,
	/** The manager proposed a target; the owner accepts or proposes another. */
	AWAITING_OWNER,
	/** Both agree on the target. */
	AGREED
}
