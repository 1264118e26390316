package dev.tandem.insight;

import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.RecordNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see which dashboard (DESIGN.md section 4). A person's dashboard: the person and their line of
 * managers (and admins). A team's dashboard in full, with every member: whoever leads the team or a team above
 * it, and admins; a member of the team sees its aggregates and their own line, never a colleague's. Anyone
 * else is told the dashboard does not exist.
 */
@Component
public class InsightAccess {

	/** How much of a team dashboard a viewer sees. */
	public enum Level {
		FULL, AGGREGATE
	}

	private final Visibility visibility;
	private final TeamManagement teams;

	InsightAccess(Visibility visibility, TeamManagement teams) {
		this.visibility = visibility;
		this.teams = teams;
	}

	public void requirePerson(CurrentUser viewer, UUID userId) {
		if (!visibility.canSee(viewer, userId)) {
			throw new RecordNotFoundException("user", userId);
		}
	}

	public Level team(CurrentUser viewer, UUID teamId) {
		Team team = teams.find(viewer, teamId).filter(t -> t.kind() == TeamKind.SALES)
			.orElseThrow(() -> new RecordNotFoundException("team", teamId));
		return switch (visibility.teamAccess(viewer, team.id())) {
			case FULL -> Level.FULL;
			case MEMBER -> Level.AGGREGATE;
			case NONE -> throw new RecordNotFoundException("team", teamId);
		};
	}

	/** The sales teams the viewer leads, top-most first. */
	public List<Team> ledTeams(CurrentUser viewer) {
		List<Team> sales = teams.all(viewer).stream().filter(t -> t.kind() == TeamKind.SALES).toList();
		if (viewer.isAdmin()) {
			return sales.stream().filter(t -> t.parentId() == null).toList();
		}
		return sales.stream().filter(t -> viewer.id().equals(t.leaderId()))
			.sorted(java.util.Comparator.comparingInt(t -> teams.ancestors(viewer, t.id()).size())).toList();
	}

	/** The sales teams the viewer belongs to today, nearest first. */
	public List<Team> ownTeams(CurrentUser viewer) {
		var ids = teams.teamsOf(viewer, viewer.id(), visibility.today(viewer.orgId()));
		return teams.all(viewer).stream().filter(t -> t.kind() == TeamKind.SALES && ids.contains(t.id()))
			.sorted(java.util.Comparator.comparingInt(t -> -teams.ancestors(viewer, t.id()).size())).toList();
	}
}
