package dev.tandem.goals;

/**
 * One step in agreeing a goal.
 */
public enum ProposalKind {
	/** The owner proposed a target. */
	PROPOSED,
	/** The other side answered with another target. */
	COUNTERED,
	/** The target on the table was accepted. */
	ACCEPTED,
	/** A manager set the goal directly. */
	SET,
	/** Copied from the previous period by a manager, waiting for the owner's agreement. */
	COPIED
}
