package dev.tandem.coaching.mentoring;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Membership;
import dev.tandem.people.Team;
import dev.tandem.people.TeamManagement;
import org.springframework.stereotype.Component;

/** When each person started in sales: the first day of their first membership of a sales team. */
@Component
class Newcomers {

	private final TeamManagement teams;

	Newcomers(TeamManagement teams) {
		this.teams = teams;
	}

	/** Each person's first day in a sales team of the organisation; people who never were in one are missing. */
	Map<UUID, LocalDate> starts(CurrentUser viewer) {
		Map<UUID, Boolean> sales = new HashMap<>();
		for (Team team : teams.all(viewer)) {
			sales.put(team.id(), !team.kind().isDepartment());
		}
		Map<UUID, LocalDate> starts = new HashMap<>();
		for (Membership m : teams.allMemberships(viewer)) {
			if (sales.getOrDefault(m.teamId(), false)) {
				starts.merge(m.userId(), m.validFrom(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		return starts;
	}
}
