package dev.tandem.forecast;

import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Team;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.RecordNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see, submit and adjust which forecast. A rep's forecast: the rep and their line of managers. A team's:
 * whoever leads it or a team above it, and admins. The rep submits their own, a team's leader the team's; the
 * managers above adjust.
 */
@Component
public class ForecastAccess {

	private final Visibility visibility;
	private final TeamManagement teams;

	ForecastAccess(Visibility visibility, TeamManagement teams) {
		this.visibility = visibility;
		this.teams = teams;
	}

	public void requireVisible(CurrentUser viewer, Scope scope) {
		// A team of another organisation is not found, for its admins too: it is not theirs.
		boolean visible = scope.isTeam() ? teams.find(viewer, scope.id()).isPresent() && (viewer.isAdmin() || leadsOrAbove(viewer, scope))
				: visibility.canSee(viewer, scope.id());
		if (!visible) {
			throw new RecordNotFoundException(scope.isTeam() ? "team" : "user", scope.id());
		}
	}

	public boolean maySubmit(CurrentUser viewer, Scope scope) {
		return scope.isTeam() ? teams.find(viewer, scope.id()).map(t -> viewer.id().equals(t.leaderId())).orElse(false)
				: viewer.id().equals(scope.id());
	}

	public boolean mayAdjust(CurrentUser viewer, Scope scope) {
		if (viewer.isAdmin()) {
			return true;
		}
		return scope.isTeam() ? teams.ancestors(viewer, scope.id()).stream().anyMatch(t -> viewer.id().equals(t.leaderId()))
				: visibility.manages(viewer, scope.id());
	}

	private boolean leadsOrAbove(CurrentUser viewer, Scope scope) {
		Team team = teams.find(viewer, scope.id()).orElse(null);
		return team != null && (viewer.id().equals(team.leaderId())
				|| teams.ancestors(viewer, scope.id()).stream().anyMatch(t -> viewer.id().equals(t.leaderId())));
	}
}
