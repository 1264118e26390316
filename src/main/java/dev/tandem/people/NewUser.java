package dev.tandem.people;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What it takes to add a user; without a password, the user gets an invitation link to set one.
 * {@code teamIds} are the teams they join today.
 */
public record NewUser(String email, String displayName, Role role, @Nullable String locale, @Nullable String password,
		List<UUID> teamIds) {
}
