package dev.tandem.coaching.mentoring;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.coaching.mentoring.MentorScoring.Conversion;
import dev.tandem.coaching.mentoring.MentorScoring.Profile;
import dev.tandem.coaching.mentoring.MentorScoring.StageLine;
import dev.tandem.playbook.ActivityType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Mentor suggestions on a small fixture, computed by hand: a team of three stages, a newcomer behind on two of them
 * and on meetings, and three experienced reps with different strengths.
 */
class MentorScoringTests {

	private static final UUID QUALIFY = new UUID(0, 1);
	private static final UUID PROPOSAL = new UUID(0, 2);
	private static final UUID NEGOTIATION = new UUID(0, 3);
	private static final UUID ANNA = new UUID(1, 1);
	private static final UUID BART = new UUID(1, 2);
	private static final UUID CEES = new UUID(1, 3);
	private static final int MIN_DEALS = 5;

	/** Team: Qualify 60% (of 50), Proposal 50% (of 40), Negotiation 70% (of 20). */
	private static final List<StageLine> STAGES = List.of(new StageLine(QUALIFY, "Qualify", new Conversion(50, 0.60)),
			new StageLine(PROPOSAL, "Proposal", new Conversion(40, 0.50)), new StageLine(NEGOTIATION, "Negotiation", new Conversion(20, 0.70)));

	/** The team's average rep: 10 meetings and 40 calls a month. */
	private static final Map<ActivityType, Double> TEAM = Map.of(ActivityType.MEETING, 10.0, ActivityType.CALL, 40.0);

	@Test
	void ranksTheMentorWhoseStrengthsCoverTheGapsFirst() {
		// Newcomer: Qualify 60% (at the team), Proposal 30% (20 points below), Negotiation 55% (15 below); 6 meetings,
		// 45 calls a month: gaps Proposal (weight 20/35) and Negotiation (15/35), and meetings.
		Profile newcomer = new Profile(Map.of(QUALIFY, new Conversion(10, 0.60), PROPOSAL, new Conversion(10, 0.30),
				NEGOTIATION, new Conversion(5, 0.55)), Map.of(ActivityType.MEETING, 6.0, ActivityType.CALL, 45.0));
		MentorScoring.Gaps gaps = MentorScoring.gaps(STAGES, newcomer, TEAM, true, Set.of(), MIN_DEALS);
		assertThat(gaps.stages()).extracting(MentorScoring.StageGap::name).containsExactly("Proposal", "Negotiation");
		assertThat(gaps.stages().get(0).weight()).isCloseTo(20.0 / 35, within(1e-9));
		assertThat(gaps.activities()).containsExactly(ActivityType.MEETING);

		// Anna: Proposal 72% (22 above), Negotiation 70% (level), 20 meetings (2x): 22 x 20/35 = 12.571 + 10 = 22.571.
		Profile anna = new Profile(Map.of(PROPOSAL, new Conversion(30, 0.72), NEGOTIATION, new Conversion(15, 0.70)),
				Map.of(ActivityType.MEETING, 20.0));
		// Bart: Proposal 50% (level), Negotiation 90% (20 above), 12 meetings (1.2x): 20 x 15/35 = 8.571 + 2 = 10.571.
		Profile bart = new Profile(Map.of(PROPOSAL, new Conversion(30, 0.50), NEGOTIATION, new Conversion(15, 0.90)),
				Map.of(ActivityType.MEETING, 12.0));
		// Cees: Proposal 80% but on 4 deals only (too few), 35 meetings (3.5x, capped at 10 points): 10.
		Profile cees = new Profile(Map.of(PROPOSAL, new Conversion(4, 0.80)), Map.of(ActivityType.MEETING, 35.0));

		List<MentorScoring.Scored> ranked = MentorScoring.rank(List.of(MentorScoring.score(CEES, gaps, cees, TEAM, MIN_DEALS),
				MentorScoring.score(BART, gaps, bart, TEAM, MIN_DEALS), MentorScoring.score(ANNA, gaps, anna, TEAM, MIN_DEALS)));

		assertThat(ranked).extracting(MentorScoring.Scored::mentorId).containsExactly(ANNA, BART, CEES);
		assertThat(ranked.get(0).score()).isCloseTo(22 * 20.0 / 35 + 10, within(1e-9));
		assertThat(ranked.get(1).score()).isCloseTo(20 * 15.0 / 35 + 2, within(1e-9));
		assertThat(ranked.get(2).score()).isCloseTo(10, within(1e-9));
		assertThat(ranked.get(0).reasons()).containsExactly(new MentorScoring.StageReason("Proposal", 0.72, 0.50),
				new MentorScoring.ActivityReason(ActivityType.MEETING, 2.0));
		assertThat(ranked.get(2).reasons()).as("a conversion on too few deals is no reason")
			.containsExactly(new MentorScoring.ActivityReason(ActivityType.MEETING, 3.5));
	}

	@Test
	void aBrandNewNewcomerGetsTheTeamsWeakestStagesAndThePlaybooksActivities() {
		Profile nothingYet = new Profile(Map.of(), Map.of());
		MentorScoring.Gaps gaps = MentorScoring.gaps(STAGES, nothingYet, TEAM, false, Set.of(ActivityType.DEMO, ActivityType.CALL), MIN_DEALS);

		assertThat(gaps.stages()).extracting(MentorScoring.StageGap::name).containsExactly("Proposal", "Qualify");
		assertThat(gaps.stages()).allSatisfy(g -> {
			assertThat(g.weight()).isEqualTo(0.5);
			assertThat(g.teamWeakest()).isTrue();
		});
		assertThat(gaps.activities()).containsExactlyInAnyOrder(ActivityType.DEMO, ActivityType.CALL);
		assertThat(gaps.activitiesFromPlaybook()).isTrue();

		// Qualify 70% (10 above) and Proposal 60% (10 above), each weighing half: 10; 60 calls (1.5x): 5; no team demos.
		Profile mentor = new Profile(Map.of(QUALIFY, new Conversion(20, 0.70), PROPOSAL, new Conversion(20, 0.60)),
				Map.of(ActivityType.CALL, 60.0, ActivityType.DEMO, 9.0));
		assertThat(MentorScoring.score(ANNA, gaps, mentor, TEAM, MIN_DEALS).score()).isCloseTo(15, within(1e-9));
	}
}
