package dev.tandem.insight;

import java.util.List;

import dev.tandem.people.Team;

/**
 * A team's dashboard: its summary and trend, a row per member (per direct member, when teams are below it) and a row
 * per team below it.
 */
public record TeamView(Team team, Summary summary, List<PersonRow> people, InsightAccess.Level level, List<TrendPoint> trend,
		List<TeamRow> teams) {

	public boolean full() {
		return level == InsightAccess.Level.FULL;
	}
}
