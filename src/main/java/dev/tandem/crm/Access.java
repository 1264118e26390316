package dev.tandem.crm;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.RecordNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Applies the one visibility rule to CRM records: a record belongs to its owner, and whoever may see
 * the owner's data may see and work on the record. Anything else answers "not found". An unassigned
 * lead belongs to its team, and is seen by those who route the team's leads.
 */
@Component
class Access {

	private final Visibility visibility;
	private final TeamManagement teams;

	Access(Visibility visibility, TeamManagement teams) {
		this.visibility = visibility;
		this.teams = teams;
	}

	/** The owners whose records the user may see. */
	Set<UUID> owners(CurrentUser viewer) {
		return visibility.visibleUsers(viewer);
	}

	void requireVisible(CurrentUser viewer, UUID ownerId, String what, UUID id) {
		if (!visibility.canSee(viewer, ownerId)) {
			throw new RecordNotFoundException(what, id);
		}
	}

	/** Whether the user may see and work on records of {@code ownerId}: their own, those of whoever they manage. */
	boolean canSee(CurrentUser viewer, UUID ownerId) {
		return visibility.canSee(viewer, ownerId);
	}

	/** Whether someone else may be made owner by this user: themselves, or someone they manage. */
	boolean mayAssignTo(CurrentUser viewer, UUID ownerId) {
		return visibility.canSee(viewer, ownerId);
	}

	boolean manages(CurrentUser viewer, UUID ownerId) {
		return visibility.manages(viewer, ownerId);
	}

	/** The sales teams whose leads this user routes and sees unassigned: those they lead and all below; every team for an admin. */
	Set<UUID> routedTeams(CurrentUser viewer) {
		Set<UUID> full = visibility.fullTeams(viewer);
		return teams.all(viewer).stream().filter(t -> t.kind() == TeamKind.SALES && full.contains(t.id())).map(Team::id)
			.collect(Collectors.toSet());
	}
}
