package dev.tandem.forecast;

import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.TeamAccess;
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

	ForecastAccess(Visibility visibility) {
		this.visibility = visibility;
	}

	public void requireVisible(CurrentUser viewer, Scope scope) {
		// A team of another organisation is not found, for its admins too: it is not theirs.
		boolean visible = scope.isTeam() ? visibility.teamAccess(viewer, scope.id()) == TeamAccess.FULL
				: visibility.canSee(viewer, scope.id());
		if (!visible) {
			throw new RecordNotFoundException(scope.isTeam() ? "team" : "user", scope.id());
		}
	}

	public boolean maySubmit(CurrentUser viewer, Scope scope) {
		return scope.isTeam() ? visibility.leads(viewer, scope.id()) : viewer.id().equals(scope.id());
	}

	public boolean mayAdjust(CurrentUser viewer, Scope scope) {
		if (viewer.isAdmin()) {
			return true;
		}
		return scope.isTeam() ? visibility.leadsAbove(viewer, scope.id()) : visibility.manages(viewer, scope.id());
	}
}
