package dev.tandem.people.web;

import java.util.List;
import java.util.UUID;

import dev.tandem.people.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The admin's forms for users.
 */
final class UserForms {

	private UserForms() {
	}

	/** A new user; a blank password sends an invitation link instead. */
	record NewUserForm(@NotBlank @Email @Size(max = 200) @Nullable String email,
			@NotBlank @Size(max = 100) @Nullable String displayName, @NotNull @Nullable Role role,
			@NotBlank @Nullable String locale, @Nullable String password, @Nullable List<UUID> teamIds) {

		static NewUserForm empty(String locale) {
			return new NewUserForm("", "", Role.REP, locale, "", List.of());
		}

		public List<UUID> teams() {
			return teamIds == null ? List.of() : teamIds;
		}
	}

	/** Changes to a user, based on the version the form was loaded with. */
	record EditUserForm(@NotNull @Nullable Integer version, @NotBlank @Size(max = 100) @Nullable String displayName,
			@NotNull @Nullable Role role, @NotBlank @Nullable String locale, @Nullable Boolean active,
			@Nullable List<UUID> teamIds, @Email @Size(max = 200) @Nullable String email) {

		public List<UUID> teams() {
			return teamIds == null ? List.of() : teamIds;
		}
	}
}
