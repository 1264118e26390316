package dev.tandem.goals;

import java.time.LocalDate;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Team;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import org.springframework.stereotype.Component;

/**
 * Who stands where in agreeing a goal. The owner side of a person's goal is that person; of a team's goal,
 * the team's leader. The manager side is whoever manages the owner (for a team: whoever leads a team above
 * it), and an admin. Everyone on either side sees the goal; so does every member of a team for the team's goal.
 */
@Component
class GoalRoles {

	private final Visibility visibility;
	private final TeamManagement teams;

	GoalRoles(Visibility visibility, TeamManagement teams) {
		this.visibility = visibility;
		this.teams = teams;
	}

	boolean ownerSide(CurrentUser user, Scope scope) {
		if (!scope.isTeam()) {
			return user.id().equals(scope.id());
		}
		return visibility.leads(user, scope.id());
	}

	boolean managerSide(CurrentUser user, Scope scope) {
		if (user.isAdmin()) {
			return !scope.isTeam() ? visibility.canSee(user, scope.id()) : teams.find(user, scope.id()).isPresent();
		}
		if (!scope.isTeam()) {
			return visibility.manages(user, scope.id());
		}
		if (visibility.leadsAbove(user, scope.id())) {
			return true;
		}
		Team team = teams.find(user, scope.id()).orElse(null);
		return team != null && team.leaderId() != null && !team.leaderId().equals(user.id()) && visibility.manages(user, team.leaderId());
	}

	boolean maySee(CurrentUser user, Scope scope, LocalDate today) {
		if (ownerSide(user, scope) || managerSide(user, scope)) {
			return true;
		}
		return scope.isTeam() ? teams.teamsOf(user, user.id(), today).contains(scope.id()) : visibility.canSee(user, scope.id());
	}
}
