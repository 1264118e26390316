package dev.tandem.forecast;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The simulation against the exact distribution of three independent deals, worked out by hand.
 * <p>
 * 5,000 is won already; open are A 10,000 at 50%, B 20,000 at 30% and C 40,000 at 20%. The eight outcomes and
 * their chances: nothing 0.28; A 0.28; B 0.12; A+B 0.12; C 0.07; A+C 0.07; B+C 0.03; all three 0.03. So the
 * open part is at most 0 with chance 0.28, at most 10,000 with 0.56, 20,000 with 0.68, 30,000 with 0.80,
 * 40,000 with 0.87, 50,000 with 0.94, 60,000 with 0.97 and 70,000 with 1. The exact P10 is therefore 0, P50
 * 10,000 and P90 50,000 (plus the 5,000 won); the expected value 5,000 + 5,000 + 6,000 + 8,000 = 24,000.
 */
class MonteCarloTests {

	static final List<MonteCarlo.Bet> DEALS = List.of(new MonteCarlo.Bet(10_000, 0.5), new MonteCarlo.Bet(20_000, 0.3),
			new MonteCarlo.Bet(40_000, 0.2));

	@Test
	void theSimulationMatchesTheExactDistributionOfThreeDeals() {
		// The standard deviation of one outcome is about 19,100 (variance 10,000² x 0.25 + 20,000² x 0.21 +
		// 40,000² x 0.16), so the mean of 100,000 trials is within 1% (240) at four standard deviations.
		MonteCarlo.Outcome many = MonteCarlo.simulate(new BigDecimal("5000"), DEALS, 100_000, 42);
		assertThat(many.mean().doubleValue()).isCloseTo(24_000, within(240.0));
		// With the 10,000 trials Tandem runs the simulated chances lie within about 0.005 of the exact ones, far
		// from the steps of the distribution at P10 (0.28), P50 (0.28 and 0.56) and P90 (0.87 and 0.94): the
		// quantiles are the exact ones.
		MonteCarlo.Outcome outcome = MonteCarlo.simulate(new BigDecimal("5000"), DEALS, MonteCarlo.TRIALS, 42);
		assertThat(outcome.p10()).isEqualByComparingTo("5000");
		assertThat(outcome.p50()).isEqualByComparingTo("15000");
		assertThat(outcome.p90()).isEqualByComparingTo("55000");
	}

	@Test
	void theSameSeedGivesTheSameFiguresAndOtherSeedsStayClose() {
		MonteCarlo.Outcome one = MonteCarlo.simulate(BigDecimal.ZERO, DEALS, MonteCarlo.TRIALS, 7);
		assertThat(MonteCarlo.simulate(BigDecimal.ZERO, DEALS, MonteCarlo.TRIALS, 7)).isEqualTo(one);
		for (long seed = 1; seed <= 20; seed++) {
			MonteCarlo.Outcome other = MonteCarlo.simulate(BigDecimal.ZERO, DEALS, MonteCarlo.TRIALS, seed);
			// The mean of 10,000 trials has a standard deviation of about 191: within 800 is over four of them.
			assertThat(other.mean().doubleValue()).isCloseTo(19_000, within(800.0));
			assertThat(other.p90()).isEqualByComparingTo("50000");
		}
	}

	@Test
	void certainAndHopelessDealsAndNoDealsAtAll() {
		MonteCarlo.Outcome sure = MonteCarlo.simulate(new BigDecimal("100"), List.of(new MonteCarlo.Bet(900, 1.0),
				new MonteCarlo.Bet(5_000, 0.0)), 1_000, 1);
		assertThat(sure.p10()).isEqualByComparingTo("1000");
		assertThat(sure.p90()).isEqualByComparingTo("1000");
		assertThat(sure.mean()).isEqualByComparingTo("1000");
		MonteCarlo.Outcome none = MonteCarlo.simulate(new BigDecimal("250"), List.of(), 100, 1);
		assertThat(none.p50()).isEqualByComparingTo("250");
	}

	@Test
	void whatIsWonBeyondThePipelineIsDrawnFromEarlierPeriodsForThePartStillToCome() {
		// Earlier periods won 0 or 10,000 beyond their pipeline, equally often; half the period is still to come:
		// 0 or 5,000 on top, 2,500 on average.
		MonteCarlo.Outcome outcome = MonteCarlo.simulate(new BigDecimal("1000"), List.of(), new double[] { 0, 10_000 }, 0.5,
				MonteCarlo.TRIALS, 3);
		assertThat(outcome.mean().doubleValue()).isCloseTo(3_500, within(100.0));
		assertThat(outcome.p10()).isEqualByComparingTo("1000");
		assertThat(outcome.p90()).isEqualByComparingTo("6000");
	}

	@Test
	void quantilesAreTakenByNearestRank() {
		double[] sorted = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
		assertThat(MonteCarlo.quantile(sorted, 0.10)).isEqualTo(1);
		assertThat(MonteCarlo.quantile(sorted, 0.50)).isEqualTo(5);
		assertThat(MonteCarlo.quantile(sorted, 0.90)).isEqualTo(9);
		assertThat(MonteCarlo.quantile(sorted, 0.95)).isEqualTo(10);
	}
}
