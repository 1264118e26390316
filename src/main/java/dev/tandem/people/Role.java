package dev.tandem.people;

/**
 * What a user does in the organisation; visibility beyond their own records follows the team
 * hierarchy, not the role, except for {@link #ADMIN} who sees the whole organisation.
 */
public enum Role {
	ADMIN, EXECUTIVE, MANAGER, REP, PARTNER
}
