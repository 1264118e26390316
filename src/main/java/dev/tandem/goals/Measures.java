package dev.tandem.goals;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.Channel;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

/**
 * What a person or a team achieved in a period, by the definitions of DESIGN.md section 5. Counts and
 * sums add up over people; the median sales cycle does not, so a team's is measured over its deals.
 */
public record Measures(BigDecimal wonRevenue, long wonDeals, long lostDeals, BigDecimal newPipeline, long newDeals,
		Map<ActivityType, Long> activitiesByType, Map<Channel, Long> activitiesByChannel, long leadsQualified, long newAccounts,
		@Nullable Double salesCycleDays, Map<UUID, BigDecimal> unitsByProduct) {

	public static final Measures NONE = new Measures(BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, 0, Map.of(), Map.of(), 0, 0, null, Map.of());

	/** Units of the product on the lines of deals won in the period. */
	public BigDecimal unitsSold(UUID productId) {
		return unitsByProduct.getOrDefault(productId, BigDecimal.ZERO);
	}

	/** The value of the goal's metric: of its activity types, or of its product. */
	public BigDecimal value(Goal goal) {
		return value(goal.metric(), goal.activityTypes(), goal.productId());
	}

	/** Activities done, every type but notes. */
	public long activities() {
		return activities(Set.of());
	}

	/** Activities done of the given types; all but notes when none are given. */
	public long activities(Set<ActivityType> types) {
		return activitiesByType.entrySet().stream()
			.filter(e -> types.isEmpty() ? e.getKey() != ActivityType.NOTE : types.contains(e.getKey()))
			.mapToLong(Map.Entry::getValue).sum();
	}

	public long meetingsHeld() {
		return activities(Set.of(ActivityType.MEETING, ActivityType.DEMO));
	}

	/** Won / (won + lost) among deals closed in the period; {@code null} when none closed. */
	public @Nullable Double winRate() {
		long closed = wonDeals + lostDeals;
		return closed == 0 ? null : (double) wonDeals / closed;
	}

	/** Won revenue per won deal; {@code null} without won deals. */
	public @Nullable BigDecimal averageDealSize() {
		return wonDeals == 0 ? null : wonRevenue.divide(BigDecimal.valueOf(wonDeals), 2, java.math.RoundingMode.HALF_UP);
	}

	/** The value of a goal metric; units sold of all products together. */
	public BigDecimal value(GoalMetric metric, Set<ActivityType> types) {
		return value(metric, types, null);
	}

	/** The value of a goal metric; units sold of {@code productId}, of all products together without one. */
	public BigDecimal value(GoalMetric metric, Set<ActivityType> types, @Nullable UUID productId) {
		return switch (metric) {
			case UNITS_SOLD -> productId == null ? unitsByProduct.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
					: unitsSold(productId);
			case WON_REVENUE -> wonRevenue;
			case WON_DEALS -> BigDecimal.valueOf(wonDeals);
			case NEW_PIPELINE -> newPipeline;
			case ACTIVITIES -> BigDecimal.valueOf(activities(types));
			case MEETINGS_HELD -> BigDecimal.valueOf(meetingsHeld());
			case LEADS_QUALIFIED -> BigDecimal.valueOf(leadsQualified);
			case NEW_ACCOUNTS -> BigDecimal.valueOf(newAccounts);
		};
	}

	/** The sum of two people's measures; the median cycle is taken from {@code cycle}, measured over both. */
	Measures plus(Measures other) {
		return new Measures(wonRevenue.add(other.wonRevenue), wonDeals + other.wonDeals, lostDeals + other.lostDeals,
				newPipeline.add(other.newPipeline), newDeals + other.newDeals, add(activitiesByType, other.activitiesByType, ActivityType.class),
				add(activitiesByChannel, other.activitiesByChannel, Channel.class), leadsQualified + other.leadsQualified,
				newAccounts + other.newAccounts, salesCycleDays, addUnits(unitsByProduct, other.unitsByProduct));
	}

	Measures withCycle(@Nullable Double days) {
		return new Measures(wonRevenue, wonDeals, lostDeals, newPipeline, newDeals, activitiesByType, activitiesByChannel,
				leadsQualified, newAccounts, days, unitsByProduct);
	}

	private static Map<UUID, BigDecimal> addUnits(Map<UUID, BigDecimal> a, Map<UUID, BigDecimal> b) {
		Map<UUID, BigDecimal> sum = new HashMap<>(a);
		b.forEach((k, v) -> sum.merge(k, v, BigDecimal::add));
		return sum;
	}

	private static <K extends Enum<K>> Map<K, Long> add(Map<K, Long> a, Map<K, Long> b, Class<K> type) {
		Map<K, Long> sum = new EnumMap<>(type);
		sum.putAll(a);
		b.forEach((k, v) -> sum.merge(k, v, Long::sum));
		return sum;
	}
}
