package dev.tandem.coaching.mentoring;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An assessment as the viewer may see it: the candidate sees the aggregate, their own rating, the evidence and the
 * summary, never the invitations (who was asked); the candidate's line and admins see who answered and who did not,
 * never what one rater said. {@code manage} tells whether the viewer may invite and conclude; {@code mine} is the
 * viewer's own invitation, if they were invited.
 */
public record ReadinessView(ReadinessAssessment assessment, List<Invitation> invitations, RatingAggregate ratings,
		ReadinessEvidence evidence, boolean manage, @Nullable Invitation mine) {

	public long open() {
		return invitations.stream().filter(i -> !i.answered()).count();
	}
}
