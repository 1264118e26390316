package dev.tandem.coaching.mentoring;

import java.util.List;

/**
 * The suggestions for a newcomer, best first, with the gaps they answer: the stages (and whether they are the team's
 * weakest, for a newcomer without enough deals of their own) and the activity types (and whether from the playbook).
 */
public record Suggestions(List<String> gapStages, boolean stagesFromTeam, List<String> gapActivities, boolean activitiesFromPlaybook,
		List<Suggestion> mentors) {
}
