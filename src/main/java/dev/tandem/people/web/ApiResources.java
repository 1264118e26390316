package dev.tandem.people.web;

import java.util.List;
import java.util.UUID;

import dev.tandem.people.Role;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.User;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of people in the API.
 */
final class ApiResources {

	private ApiResources() {
	}

	record UserResource(UUID id, String email, String displayName, Role role, String locale, boolean active, int version,
			List<UUID> teamIds) {

		static UserResource of(User user, List<UUID> teamIds) {
			return new UserResource(user.id(), user.email(), user.displayName(), user.role(), user.locale(), user.active(),
					user.version(), teamIds);
		}
	}

	record CreatedUserResource(UUID id, String email, String displayName, Role role, String locale, boolean active,
			int version, List<UUID> teamIds, @Nullable String invitationToken) {
	}

	record TeamResource(UUID id, String name, TeamKind kind, @Nullable UUID parentId, @Nullable UUID leaderId,
			int version, List<UUID> memberIds) {

		static TeamResource of(Team team, List<UUID> memberIds) {
			return new TeamResource(team.id(), team.name(), team.kind(), team.parentId(), team.leaderId(), team.version(),
					memberIds);
		}
	}

	record TeamRef(UUID id, String name, TeamKind kind) {

		static TeamRef of(Team team) {
			return new TeamRef(team.id(), team.name(), team.kind());
		}
	}
}
