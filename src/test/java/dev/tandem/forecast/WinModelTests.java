package dev.tandem.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Win probabilities learned from a small history, worked out by hand.
 * <p>
 * Three stages S1, S2, S3. Ann and Ben form a team; Cas sells elsewhere. Closed deals and the stages they were in:
 * Ann: S1-S2-S3 won, S1-S2 lost, S1 lost. Ben: S1-S2-S3 won, S1-S2-S3 lost, S1 lost twice. Cas: S1-S2-S3 won
 * twice, S1-S2 lost, S1 lost three times. So the organisation's S2 rate is 4 won of 7 closed; Ann and Ben together
 * won 2 of the 4 that were in S2, blended with ten deals at 4/7: (2 + 40/7) / 14 = 27/49. Ann's own S2 record is
 * 1 of 2, blended with ten deals at the team's rate: (1 + 270/49) / 12 = 319/588.
 */
class WinModelTests {

	static final UUID S1 = UUID.randomUUID();
	static final UUID S2 = UUID.randomUUID();
	static final UUID S3 = UUID.randomUUID();
	static final UUID S4 = UUID.randomUUID();
	static final UUID ANN = UUID.randomUUID();
	static final UUID BEN = UUID.randomUUID();
	static final UUID CAS = UUID.randomUUID();
	static final UUID DEW = UUID.randomUUID();
	static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

	final WinModel model = new WinModel(history(), Map.of(S2, Duration.ofDays(10)));

	@Test
	void stageRatesOfTheOrganisationTeamAndRep() {
		assertThat(model.organisationRate(S1)).isCloseTo(4.0 / 13, within(1e-12));
		assertThat(model.organisationRate(S2)).isCloseTo(4.0 / 7, within(1e-12));
		assertThat(model.organisationRate(S3)).isCloseTo(4.0 / 5, within(1e-12));
		assertThat(model.teamRate(S2, List.of(ANN, BEN))).isCloseTo(27.0 / 49, within(1e-12));
		assertThat(model.repRate(S2, ANN, List.of(ANN, BEN))).isCloseTo(319.0 / 588, within(1e-12));
	}

	@Test
	void aRepWithoutHistoryGetsTheTeamsRateAndAStageWithoutHistoryNothing() {
		assertThat(model.repRate(S2, DEW, List.of(ANN, BEN, DEW))).isCloseTo(27.0 / 49, within(1e-12));
		assertThat(model.repRate(S4, ANN, List.of(ANN, BEN))).isZero();
	}

	@Test
	void aDealThatSitsInItsStageLongerThanUsualIsLessLikely() {
		List<UUID> team = List.of(ANN, BEN);
		double rate = 319.0 / 588;
		assertThat(model.probability(S2, ANN, team, NOW.minus(Duration.ofDays(5)), NOW)).isCloseTo(rate, within(1e-12));
		assertThat(model.probability(S2, ANN, team, NOW.minus(Duration.ofDays(15)), NOW)).isCloseTo(0.7 * rate, within(1e-12));
		assertThat(model.probability(S2, ANN, team, NOW.minus(Duration.ofDays(25)), NOW)).isCloseTo(0.4 * rate, within(1e-12));
		// No usual stay known for S3: age does not count.
		assertThat(model.ageFactor(S3, NOW.minus(Duration.ofDays(400)), NOW)).isEqualTo(1);
	}

	@Test
	void theUsualStayIsTheSeventyFifthPercentileByNearestRank() {
		List<Duration> stays = new ArrayList<>();
		for (int day = 8; day >= 1; day--) {
			stays.add(Duration.ofDays(day));
		}
		// Eight stays: rank ceil(0.75 x 8) = 6, the sixth shortest is 6 days.
		assertThat(WinModel.usualStays(Map.of(S2, stays))).containsEntry(S2, Duration.ofDays(6));
	}

	private static List<WinModel.ClosedDeal> history() {
		List<WinModel.ClosedDeal> deals = new ArrayList<>();
		deals.add(new WinModel.ClosedDeal(ANN, Set.of(S1, S2, S3), true));
		deals.add(new WinModel.ClosedDeal(ANN, Set.of(S1, S2), false));
		deals.add(new WinModel.ClosedDeal(ANN, Set.of(S1), false));
		deals.add(new WinModel.ClosedDeal(BEN, Set.of(S1, S2, S3), true));
		deals.add(new WinModel.ClosedDeal(BEN, Set.of(S1, S2, S3), false));
		deals.add(new WinModel.ClosedDeal(BEN, Set.of(S1), false));
		deals.add(new WinModel.ClosedDeal(BEN, Set.of(S1), false));
		deals.add(new WinModel.ClosedDeal(CAS, Set.of(S1, S2, S3), true));
		deals.add(new WinModel.ClosedDeal(CAS, Set.of(S1, S2, S3), true));
		deals.add(new WinModel.ClosedDeal(CAS, Set.of(S1, S2), false));
		for (int i = 0; i < 3; i++) {
			deals.add(new WinModel.ClosedDeal(CAS, Set.of(S1), false));
		}
		return deals;
	}
}
