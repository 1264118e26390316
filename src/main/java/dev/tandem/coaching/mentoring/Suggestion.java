package dev.tandem.coaching.mentoring;

import java.util.List;
import java.util.UUID;

/**
 * A possible mentor for a newcomer: the score (see {@code MentorScoring}: points of conversion above the team on the
 * newcomer's gap stages, plus points for logging more of the activity types the newcomer lacks), its two parts, and
 * the reasons in the reader's language ("converts Proposal 72% vs team 55%").
 */
public record Suggestion(UUID mentorId, String mentorName, double score, double stagePoints, double activityPoints,
		List<String> reasons) {
}
