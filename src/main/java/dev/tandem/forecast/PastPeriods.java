package dev.tandem.forecast;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.tandem.forecast.persistence.DealStates;
import dev.tandem.forecast.persistence.ForecastQueries;
import dev.tandem.platform.Period;
import org.springframework.stereotype.Component;

/**
 * What earlier periods of the same kind teach the forecast of a period, beyond each deal's chance to be won at all.
 * <ul>
 * <li><b>Timing</b>: of the deals open at a period's start with a close date in it, per stage, the share won within
 * the period. Deals are won later than planned more often than not, so this is lower than the stage's win rate.</li>
 * <li><b>Unplanned</b>: what a period won beyond its starting pipeline: deals created and won within it, overdue
 * deals finally won, deals pulled in from later. In a team selling small, fast deals it is a large part of every
 * month. Per owner: won in the period minus what was won of the deals that were open at its start with a close
 * date in it.</li>
 * </ul>
 */
@Component
class PastPeriods {

	private final DealStates states;
	private final ForecastQueries queries;
	private final Map<String, PastPeriod> cache = new ConcurrentHashMap<>();

	PastPeriods(DealStates states, ForecastQueries queries) {
		this.states = states;
		this.queries = queries;
	}

	/**
	 * One past period: per owner, what was won from outside its starting pipeline; per stage, how many deals were
	 * planned in it at the start and how many of those were won within the period; whether anything was won.
	 */
	record PastPeriod(Map<UUID, Double> unplannedByOwner, Map<UUID, int[]> plannedByStage, boolean anyWon) {
	}

	/** What the past periods before {@code period} teach: the unplanned amounts and the in-period win rate per stage. */
	record Lessons(double[] unplanned, Map<UUID, Double> inPeriodRate) {

		static final Lessons NONE = new Lessons(new double[0], Map.of());

		/**
		 * A deal's chance to be won within the period: its chance to be won at all, lowered by how much less often
		 * the stage's planned deals were won within their period than at all.
		 */
		double withinPeriod(double chance, UUID stage, double stageRate) {
			Double inPeriod = inPeriodRate.get(stage);
			if (inPeriod == null || stageRate <= 0) {
				return chance;
			}
			return chance * Math.min(1, inPeriod / stageRate);
		}
	}

	/**
	 * The lessons of the {@code count} periods before {@code period}, for the owners the predicate accepts;
	 * periods in which the organisation won nothing (before its history) are left out.
	 */
	Lessons before(UUID orgId, Period period, int count, ZoneId zone, LocalDate today, Predicate<UUID> owners) {
		List<Double> amounts = new ArrayList<>();
		Map<UUID, int[]> planned = new HashMap<>();
		for (int i = count; i >= 1; i--) {
			PastPeriod past = of(orgId, period.shift(-i), zone, today);
			if (!past.anyWon()) {
				continue;
			}
			amounts.add(past.unplannedByOwner().entrySet().stream().filter(e -> owners.test(e.getKey())).mapToDouble(Map.Entry::getValue)
				.sum());
			past.plannedByStage().forEach((stage, counts) -> {
				int[] sum = planned.computeIfAbsent(stage, k -> new int[2]);
				sum[0] += counts[0];
				sum[1] += counts[1];
			});
		}
		Map<UUID, Double> rates = new HashMap<>();
		planned.forEach((stage, counts) -> {
			if (counts[0] >= MIN_PLANNED) {
				rates.put(stage, (double) counts[1] / counts[0]);
			}
		});
		return new Lessons(amounts.stream().mapToDouble(Double::doubleValue).toArray(), rates);
	}

	/** Fewer planned deals of a stage than this teach nothing about its timing. */
	static final int MIN_PLANNED = 10;

	/** The part of the period still to come on {@code today}: 1 before it starts, 0 once it is over. */
	static double share(Period period, LocalDate today) {
		if (!today.isAfter(period.start())) {
			return 1;
		}
		if (period.isOver(today)) {
			return 0;
		}
		return (double) java.time.temporal.ChronoUnit.DAYS.between(today, period.end()) / period.days();
	}

	/** Kept for the day: a past period changes only when someone edits old deals. */
	PastPeriod of(UUID orgId, Period period, ZoneId zone, LocalDate today) {
		return cache.computeIfAbsent(orgId + "/" + period.key() + "/" + today, k -> compute(orgId, period, zone));
	}

	private PastPeriod compute(UUID orgId, Period period, ZoneId zone) {
		Map<UUID, UUID> plannedStage = new HashMap<>();
		for (DealStates.DealState deal : states.openAt(orgId, period.startAt(zone))) {
			if (deal.closeDate() != null && period.contains(deal.closeDate())) {
				plannedStage.put(deal.dealId(), deal.stageId());
			}
		}
		Map<UUID, int[]> byStage = new HashMap<>();
		plannedStage.values().forEach(stage -> byStage.computeIfAbsent(stage, k -> new int[2])[0]++);
		Map<UUID, Double> unplanned = new HashMap<>();
		List<ForecastQueries.WonDeal> won = queries.wonIn(orgId, period);
		for (ForecastQueries.WonDeal deal : won) {
			UUID stage = plannedStage.get(deal.id());
			if (stage != null) {
				byStage.get(stage)[1]++;
			}
			else {
				unplanned.merge(deal.ownerId(), deal.amount().doubleValue(), Double::sum);
			}
		}
		return new PastPeriod(unplanned, byStage, won.stream().map(ForecastQueries.WonDeal::amount).anyMatch(a -> a.signum() > 0));
	}
}
