package dev.tandem.people.web;

import java.time.LocalDate;
import java.util.UUID;

import dev.tandem.people.TeamKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The admin's forms for teams and memberships.
 */
final class TeamForms {

	private TeamForms() {
	}

	/** A team's fields; {@code version} is empty for a new team. */
	record TeamForm(@Nullable Integer version, @NotBlank @Size(max = 100) @Nullable String name,
			@NotNull @Nullable TeamKind kind, @Nullable UUID parentId, @Nullable UUID leaderId) {
	}

	/** Adds a user to a team from a day on. */
	record MemberForm(@NotNull @Nullable UUID userId, @NotNull @Nullable LocalDate validFrom) {
	}

	/** Ends a membership on a day (exclusive). */
	record EndForm(@NotNull @Nullable LocalDate validTo) {
	}
}
