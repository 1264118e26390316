package dev.tandem.people;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a user, based on {@code version}; {@code null} fields stay as they are.
 * {@code teamIds}, when given, become the user's teams from today on.
 */
public record UserChanges(int version, @Nullable String displayName, @Nullable Role role, @Nullable String locale,
		@Nullable Boolean active, @Nullable List<UUID> teamIds, @Nullable String email) {

	public UserChanges(int version, @Nullable String displayName, @Nullable Role role, @Nullable String locale,
			@Nullable Boolean active, @Nullable List<UUID> teamIds) {
		this(version, displayName, role, locale, active, teamIds, null);
	}
}
