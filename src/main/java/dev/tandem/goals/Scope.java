package dev.tandem.goals;

import java.util.UUID;

/**
 * Whom a goal or a measurement is about: one person, or a team with every team below it.
 */
public record Scope(Kind kind, UUID id) {

	public enum Kind {
		USER, TEAM
	}

	public static Scope user(UUID userId) {
		return new Scope(Kind.USER, userId);
	}

	public static Scope team(UUID teamId) {
		return new Scope(Kind.TEAM, teamId);
	}

	public boolean isTeam() {
		return kind == Kind.TEAM;
	}
}
