package dev.tandem.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.tandem.forecast.persistence.DealStates.DealState;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;

/**
 * How the open pipeline of a period changed between two moments, deal by deal, in amounts that reconcile:
 * start + new + pulled in + increased − decreased − pushed out − won − lost = end.
 * <p>
 * The pipeline of a period at a moment is the open deals of the scope whose close date then fell in the period.
 * A deal in it at both moments changed by its amount; one that left was won, lost, or pushed out (its close date
 * moved out of the period); one that joined was new (created in between) or pulled in (its close date moved into
 * the period, or it was reopened). A deal created and closed in between counts as new and as won or lost.
 */
public record PipelineChange(Period period, Instant from, Instant to, BigDecimal start, BigDecimal created, BigDecimal pulledIn,
		BigDecimal increased, BigDecimal decreased, BigDecimal pushedOut, BigDecimal won, BigDecimal lost, BigDecimal end,
		List<Move> moves) {

	/** What happened to one deal. */
	public enum Kind {
		NEW, PULLED_IN, INCREASED, DECREASED, PUSHED_OUT, WON, LOST
	}

	/** One deal's part in the change. */
	public record Move(UUID dealId, Kind kind, BigDecimal amount) {
	}

	/** Whether start plus the changes gives the end, to the cent. */
	public boolean reconciles() {
		return start.add(created).add(pulledIn).add(increased).subtract(decreased).subtract(pushedOut).subtract(won).subtract(lost)
			.compareTo(end) == 0;
	}

	/**
	 * @param before the deals as they stood at {@code from}
	 * @param after the deals as they stood at {@code to}, including those closed in between
	 * @param inScope whether a deal's owner at {@code to} is in the scope
	 */
	public static PipelineChange between(Period period, Instant from, Instant to, List<DealState> before, List<DealState> after,
			Predicate<UUID> inScope) {
		Map<UUID, DealState> start = new HashMap<>();
		before.forEach(d -> start.put(d.dealId(), d));
		Map<String, BigDecimal> totals = new HashMap<>();
		List<Move> moves = new ArrayList<>();
		BigDecimal startTotal = BigDecimal.ZERO;
		BigDecimal endTotal = BigDecimal.ZERO;
		for (DealState end : after) {
			if (!inScope.test(end.ownerId())) {
				continue;
			}
			DealState begin = start.get(end.dealId());
			boolean wasIn = begin != null && begin.open() && in(period, begin.closeDate());
			boolean isIn = end.open() && in(period, end.closeDate());
			BigDecimal was = wasIn ? amount(begin) : BigDecimal.ZERO;
			BigDecimal is = isIn ? amount(end) : BigDecimal.ZERO;
			startTotal = startTotal.add(was);
			endTotal = endTotal.add(is);
			if (wasIn && isIn) {
				int sign = is.compareTo(was);
				if (sign != 0) {
					add(totals, moves, end, sign > 0 ? Kind.INCREASED : Kind.DECREASED, is.subtract(was).abs());
				}
			}
			else if (wasIn) {
				add(totals, moves, end, "WON".equals(end.kind()) ? Kind.WON : "LOST".equals(end.kind()) ? Kind.LOST : Kind.PUSHED_OUT, was);
			}
			else if (isIn) {
				add(totals, moves, end, begin == null ? Kind.NEW : Kind.PULLED_IN, is);
			}
			else if (begin == null && !end.open() && in(period, end.closeDate()) && end.closedAt() != null && end.closedAt().isAfter(from)) {
				add(totals, moves, end, Kind.NEW, amount(end));
				add(totals, moves, end, "WON".equals(end.kind()) ? Kind.WON : Kind.LOST, amount(end));
			}
		}
		return new PipelineChange(period, from, to, startTotal, total(totals, Kind.NEW), total(totals, Kind.PULLED_IN),
				total(totals, Kind.INCREASED), total(totals, Kind.DECREASED), total(totals, Kind.PUSHED_OUT), total(totals, Kind.WON),
				total(totals, Kind.LOST), endTotal, moves);
	}

	private static void add(Map<String, BigDecimal> totals, List<Move> moves, DealState deal, Kind kind, BigDecimal amount) {
		totals.merge(kind.name(), amount, BigDecimal::add);
		moves.add(new Move(deal.dealId(), kind, amount));
	}

	private static BigDecimal total(Map<String, BigDecimal> totals, Kind kind) {
		return totals.getOrDefault(kind.name(), BigDecimal.ZERO);
	}

	private static boolean in(Period period, java.time.@Nullable LocalDate day) {
		return day != null && period.contains(day);
	}

	private static BigDecimal amount(DealState deal) {
		return deal.amount() == null ? BigDecimal.ZERO : deal.amount();
	}
}
