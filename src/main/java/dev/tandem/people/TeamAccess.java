package dev.tandem.people;

/**
 * How much of a team a viewer sees, as {@link Visibility#teamAccess(CurrentUser, java.util.UUID)} answers it.
 */
public enum TeamAccess {

	/** The team in full, every member's figures: an admin, the team's leader, or the leader of a team above it. */
	FULL,

	/** The team's aggregates and their own line only: a member of the team today (directly or through a team below) who does not lead it. */
	MEMBER,

	/** Nothing: anyone else, and anyone at all for a team of another organisation or an unknown id. */
	NONE
}
