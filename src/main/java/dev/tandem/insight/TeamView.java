package dev.tandem.insight;

import java.util.List;

import dev.tandem.people.Team;

/**
 * A team dashboard: the team's summary and a row per member the viewer may see.
 */
public record TeamView(Team team, Summary summary, List<PersonRow> people, InsightAccess.Level level, List<TrendPoint> trend) {

	public boolean full() {
		return level == InsightAccess.Level.FULL;
	}
}
