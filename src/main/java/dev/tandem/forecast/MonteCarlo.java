package dev.tandem.forecast;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The distribution of a period's outcome when each open deal is won, independently, with its own probability:
 * many simulated periods, each adding the amounts of the deals that came through to what is won already.
 */
public final class MonteCarlo {

	public static final int TRIALS = 10_000;

	private MonteCarlo() {
	}

	/** An open deal as a bet: its amount and its chance to be won in the period. */
	public record Bet(double amount, double probability) {
	}

	/** P10, P50 and P90 of the simulated outcomes, and their mean. */
	public record Outcome(BigDecimal p10, BigDecimal p50, BigDecimal p90, BigDecimal mean) {

		public static final Outcome NONE = new Outcome(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
	}

	/**
	 * Simulates {@code trials} periods with a fixed seed, so the same pipeline always gives the same figures.
	 * Quantiles are taken by nearest rank: P10 is the outcome that 10% of the periods do not exceed.
	 */
	public static Outcome simulate(BigDecimal won, List<Bet> bets, int trials, long seed) {
		return simulate(won, bets, new double[0], 0, trials, seed);
	}

	/**
	 * As {@link #simulate(BigDecimal, List, int, long)}, with what is won beyond today's pipeline: each simulated
	 * period also draws one of {@code unplanned} (what earlier periods won from deals not in their pipeline at their
	 * start), times {@code share}, the part of the period still to come.
	 */
	public static Outcome simulate(BigDecimal won, List<Bet> bets, double[] unplanned, double share, int trials, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double base = won.doubleValue();
		double[] outcomes = new double[trials];
		double sum = 0;
		for (int t = 0; t < trials; t++) {
			double total = base;
			for (Bet bet : bets) {
				if (random.nextDouble() < bet.probability()) {
					total += bet.amount();
				}
			}
			if (unplanned.length > 0 && share > 0) {
				total += share * unplanned[random.nextInt(unplanned.length)];
			}
			outcomes[t] = total;
			sum += total;
		}
		Arrays.sort(outcomes);
		return new Outcome(money(quantile(outcomes, 0.10)), money(quantile(outcomes, 0.50)), money(quantile(outcomes, 0.90)),
				money(sum / trials));
	}

	/** The nearest-rank quantile of sorted values. */
	static double quantile(double[] sorted, double q) {
		int rank = (int) Math.ceil(q * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	private static BigDecimal money(double value) {
		return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
	}
}
