package dev.tandem.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Each open deal's chance to be won, learned from the organisation's own closed deals.
 * <p>
 * For every stage: of the closed deals that were once in it, the share that was won. A rep's own rate is blended
 * toward their team's, and the team's toward the organisation's, by adding {@link #WEIGHT} deals at the wider rate
 * ({@code (won + 10 x wider) / (closed + 10)}), so a rep with few deals gets close to the team's rate and one with
 * many keeps their own. A deal that has sat in its stage longer than usual is less likely: beyond the 75th
 * percentile of the stage's past stays its chance is multiplied by 0.7, beyond twice that by 0.4.
 */
public final class WinModel {

	/** How many deals the wider rate counts for when blending. */
	public static final double WEIGHT = 10;

	private final Map<UUID, Rate> organisation = new HashMap<>();
	private final Map<UUID, Map<UUID, Rate>> byOwner = new HashMap<>();
	private final Map<UUID, Duration> usualStay;

	/** A closed deal: who owned it, the stages it was in, whether it was won. */
	public record ClosedDeal(UUID ownerId, Set<UUID> stages, boolean won) {
	}

	private record Rate(int closed, int won) {

		Rate plus(boolean win) {
			return new Rate(closed + 1, won + (win ? 1 : 0));
		}
	}

	/**
	 * @param usualStay per stage, the 75th percentile of past stays in it
	 */
	public WinModel(Collection<ClosedDeal> history, Map<UUID, Duration> usualStay) {
		for (ClosedDeal deal : history) {
			for (UUID stage : deal.stages()) {
				organisation.merge(stage, new Rate(1, deal.won() ? 1 : 0), (a, b) -> a.plus(deal.won()));
				byOwner.computeIfAbsent(deal.ownerId(), k -> new HashMap<>())
					.merge(stage, new Rate(1, deal.won() ? 1 : 0), (a, b) -> a.plus(deal.won()));
			}
		}
		this.usualStay = usualStay;
	}

	/** The organisation's rate of a stage, or 0 without history. */
	public double organisationRate(UUID stage) {
		Rate rate = organisation.get(stage);
		return rate == null || rate.closed() == 0 ? 0 : (double) rate.won() / rate.closed();
	}

	/** The team's rate of a stage, blended toward the organisation's; the team is its members' closed deals. */
	public double teamRate(UUID stage, Collection<UUID> team) {
		int closed = 0;
		int won = 0;
		for (UUID member : team) {
			Rate rate = byOwner.getOrDefault(member, Map.of()).get(stage);
			if (rate != null) {
				closed += rate.closed();
				won += rate.won();
			}
		}
		return (won + WEIGHT * organisationRate(stage)) / (closed + WEIGHT);
	}

	/** The rep's rate of a stage, blended toward their team's. */
	public double repRate(UUID stage, UUID rep, Collection<UUID> team) {
		Rate rate = byOwner.getOrDefault(rep, Map.of()).getOrDefault(stage, new Rate(0, 0));
		return (rate.won() + WEIGHT * teamRate(stage, team)) / (rate.closed() + WEIGHT);
	}

	/** How much less likely a deal is for having sat in its stage since {@code enteredAt}. */
	public double ageFactor(UUID stage, Instant enteredAt, Instant now) {
		Duration usual = usualStay.get(stage);
		if (usual == null || usual.isZero()) {
			return 1;
		}
		Duration age = Duration.between(enteredAt, now);
		return age.compareTo(usual.multipliedBy(2)) > 0 ? 0.4 : age.compareTo(usual) > 0 ? 0.7 : 1;
	}

	/** A deal's chance to be won: the rep's rate of its stage times the age factor. */
	public double probability(UUID stage, UUID rep, Collection<UUID> team, Instant enteredAt, Instant now) {
		return repRate(stage, rep, team) * ageFactor(stage, enteredAt, now);
	}

	/** The 75th percentile of each stage's stays, from stays given per stage. */
	public static Map<UUID, Duration> usualStays(Map<UUID, List<Duration>> stays) {
		Map<UUID, Duration> usual = new HashMap<>();
		stays.forEach((stage, list) -> {
			List<Duration> sorted = new ArrayList<>(list);
			sorted.sort(null);
			if (!sorted.isEmpty()) {
				usual.put(stage, sorted.get(Math.max(0, (int) Math.ceil(0.75 * sorted.size()) - 1)));
			}
		});
		return usual;
	}
}
