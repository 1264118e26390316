package dev.tandem.people.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Membership;
import dev.tandem.people.Team;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The organisation's structure as the pages show it: teams with their leader and current members,
 * nested under their parents.
 */
@Component
class OrgChart {

	private final TeamManagement teams;
	private final UserManagement users;

	OrgChart(TeamManagement teams, UserManagement users) {
		this.teams = teams;
		this.users = users;
	}

	Snapshot snapshot(CurrentUser viewer) {
		List<Team> all = teams.all(viewer);
		Map<UUID, User> people = users.all(viewer).stream().collect(Collectors.toMap(User::id, Function.identity()));
		List<Membership> current = teams.currentMemberships(viewer);
		return new Snapshot(all, people, current);
	}

	record Snapshot(List<Team> teams, Map<UUID, User> people, List<Membership> memberships) {

		List<Node> roots(Predicate<Team> include) {
			return children(null, include);
		}

		List<Node> children(@Nullable UUID parentId, Predicate<Team> include) {
			List<Node> nodes = new ArrayList<>();
			for (Team team : teams) {
				boolean isChild = parentId == null
						? team.parentId() == null || teams.stream().noneMatch(t -> t.id().equals(team.parentId()))
						: parentId.equals(team.parentId());
				if (isChild && include.test(team)) {
					nodes.add(node(team, include));
				}
			}
			return nodes;
		}

		Node node(Team team, Predicate<Team> include) {
			return new Node(team, leader(team), members(team.id()), children(team.id(), include));
		}

		@Nullable User leader(Team team) {
			return team.leaderId() == null ? null : people.get(team.leaderId());
		}

		List<User> members(UUID teamId) {
			return memberships.stream()
				.filter(m -> m.teamId().equals(teamId))
				.map(m -> people.get(m.userId()))
				.filter(u -> u != null)
				.sorted(Comparator.comparing(User::displayName))
				.toList();
		}

		public List<Team> teamsOf(UUID userId) {
			List<UUID> ids = memberships.stream().filter(m -> m.userId().equals(userId)).map(Membership::teamId).toList();
			return teams.stream().filter(t -> ids.contains(t.id())).toList();
		}

		public List<Team> ledBy(UUID userId) {
			return teams.stream().filter(t -> userId.equals(t.leaderId())).toList();
		}
	}

	/** A team with its leader, current members and sub-teams. */
	record Node(Team team, @Nullable User leader, List<User> members, List<Node> children) {

		public int headcount() {
			return members.size() + children.stream().mapToInt(c -> c.headcount() + (c.leader() == null ? 0 : 1)).sum();
		}
	}
}
