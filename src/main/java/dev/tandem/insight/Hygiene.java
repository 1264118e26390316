package dev.tandem.insight;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.tandem.insight.persistence.HygieneQueries.DealFlags;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;

/**
 * The open deals of a scope today with their data-hygiene flags. The hygiene score is the share of open deals
 * without a flag.
 */
public record Hygiene(List<DealFlags> deals) {

	public @Nullable Double score() {
		return score(deals);
	}

	public @Nullable Double scoreOf(UUID personId) {
		return score(deals.stream().filter(d -> d.ownerId().equals(personId)).toList());
	}

	public long flagged() {
		return deals.stream().filter(d -> !d.clean()).count();
	}

	public long overdueReviews() {
		return deals.stream().filter(DealFlags::reviewOverdue).count();
	}

	public long count(java.util.function.Predicate<DealFlags> flag) {
		return deals.stream().filter(flag).count();
	}

	/** The open amount expected to close in the period. */
	public BigDecimal openClosingIn(Period period) {
		return deals.stream().filter(d -> d.closeDate() != null && period.contains(d.closeDate()) && d.amount() != null)
			.map(DealFlags::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public BigDecimal openAmount() {
		return deals.stream().filter(d -> d.amount() != null).map(DealFlags::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static @Nullable Double score(List<DealFlags> list) {
		return list.isEmpty() ? null : (double) list.stream().filter(DealFlags::clean).count() / list.size();
	}
}
