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

	/** The first {@code limit} deals that carry a flag, for a list a person can read. */
	public List<DealFlags> flaggedFirst(int limit) {
		return deals.stream().filter(d -> !d.clean()).limit(limit).toList();
	}

	public long overdueReviews() {
		return deals.stream().filter(DealFlags::reviewOverdue).count();
	}

	/** How many open deals carry each flag, in the order of {@code crm.HygieneFlag}. */
	public java.util.Map<String, Long> counts() {
		java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
		counts.put("CLOSE_DATE_PAST", deals.stream().filter(DealFlags::closeDatePast).count());
		counts.put("NO_CLOSE_DATE", deals.stream().filter(DealFlags::noCloseDate).count());
		counts.put("NO_RECENT_ACTIVITY", deals.stream().filter(DealFlags::noRecentActivity).count());
		counts.put("NO_NEXT_STEP", deals.stream().filter(DealFlags::noNextStep).count());
		counts.put("NO_AMOUNT", deals.stream().filter(DealFlags::noAmount).count());
		counts.put("REVIEW_OVERDUE", deals.stream().filter(DealFlags::reviewOverdue).count());
		return counts;
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
