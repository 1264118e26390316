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

	/** {@code team:<id>} or {@code user:<id>}, as forms and links carry a scope. */
	public String key() {
		return (isTeam() ? "team:" : "user:") + id;
	}

	/** Reads {@link #key()}; anything else is refused as invalid input of the field {@code scope}. */
	public static Scope parse(@org.jspecify.annotations.Nullable String key) {
		String[] parts = key == null ? new String[0] : key.split(":", 2);
		try {
			if (parts.length == 2 && parts[0].equals("team")) {
				return team(UUID.fromString(parts[1]));
			}
			if (parts.length == 2 && parts[0].equals("user")) {
				return user(UUID.fromString(parts[1]));
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the clear error below
		}
		throw dev.tandem.platform.InvalidInputException.of("scope", "validation.scope");
	}
}
