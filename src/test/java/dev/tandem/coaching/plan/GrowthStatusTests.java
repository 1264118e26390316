package dev.tandem.coaching.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a growth goal and a growth plan stand, on 18 November 2026. */
class GrowthStatusTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

	@Test
	void aGoalIsAtRiskWhenMarkedSoOrWhenAMilestoneOrItsOwnDatePassed() {
		assertThat(goal(GrowthStatus.ON_TRACK, null, milestone("2026-11-20", null)).status(TODAY)).isEqualTo(GrowthStatus.ON_TRACK);
		// Due yesterday and not done.
		assertThat(goal(GrowthStatus.ON_TRACK, null, milestone("2026-11-17", null)).status(TODAY)).isEqualTo(GrowthStatus.AT_RISK);
		// Due today is not late yet.
		assertThat(goal(GrowthStatus.ON_TRACK, null, milestone("2026-11-18", null)).status(TODAY)).isEqualTo(GrowthStatus.ON_TRACK);
		assertThat(goal(GrowthStatus.ON_TRACK, null, milestone("2026-11-01", "2026-11-02")).status(TODAY)).isEqualTo(GrowthStatus.ON_TRACK);
		assertThat(goal(GrowthStatus.AT_RISK, null).status(TODAY)).isEqualTo(GrowthStatus.AT_RISK);
		assertThat(goal(GrowthStatus.ON_TRACK, LocalDate.of(2026, 11, 10)).status(TODAY)).isEqualTo(GrowthStatus.AT_RISK);
		// Done wins over a late milestone.
		assertThat(goal(GrowthStatus.DONE, null, milestone("2026-11-01", null)).status(TODAY)).isEqualTo(GrowthStatus.DONE);
	}

	@Test
	void aPlanIsDoneWhenAllGoalsAreDoneAtRiskWhenOneIsOrItsEndPassed() {
		GrowthGoal done = goal(GrowthStatus.DONE, null);
		GrowthGoal onTrack = goal(GrowthStatus.ON_TRACK, null);
		GrowthGoal atRisk = goal(GrowthStatus.AT_RISK, null);
		assertThat(plan("2026-12-31", done, done).status(TODAY)).isEqualTo(GrowthStatus.DONE);
		assertThat(plan("2026-12-31", done, onTrack).status(TODAY)).isEqualTo(GrowthStatus.ON_TRACK);
		assertThat(plan("2026-12-31", done, onTrack, atRisk).status(TODAY)).isEqualTo(GrowthStatus.AT_RISK);
		assertThat(plan("2026-11-17", done, onTrack).status(TODAY)).isEqualTo(GrowthStatus.AT_RISK);
		assertThat(plan("2026-11-17", done, done).status(TODAY)).isEqualTo(GrowthStatus.DONE);
		assertThat(plan("2026-12-31").status(TODAY)).isEqualTo(GrowthStatus.ON_TRACK);
		assertThat(plan("2026-12-31", done, onTrack, atRisk).goalsDone(TODAY)).isEqualTo(1);
	}

	private static GrowthPlan plan(String endsOn, GrowthGoal... goals) {
		return new GrowthPlan(UUID.randomUUID(), UUID.randomUUID(), "Brigitte", UUID.randomUUID(), "Suzanne", null, "Sideways",
				LocalDate.of(2026, 6, 1), LocalDate.parse(endsOn), Instant.EPOCH, 0, List.of(goals), List.of());
	}

	private static GrowthGoal goal(GrowthStatus marked, LocalDate dueOn, GrowthMilestone... milestones) {
		return new GrowthGoal(UUID.randomUUID(), UUID.randomUUID(), 1, "Goal", SupportKind.MANAGER, null, null, null, dueOn, marked, 0,
				List.of(milestones));
	}

	private static GrowthMilestone milestone(String due, String done) {
		return new GrowthMilestone(UUID.randomUUID(), UUID.randomUUID(), "Step", LocalDate.parse(due), done == null ? null : LocalDate.parse(done));
	}
}
