package dev.tandem.playbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the gate needs to know about a deal: its completed activities by type, the exit criteria it
 * has ticked, its buying group (how many people, and the roles they hold), and the fields that closing requires.
 */
public record DealFacts(Map<ActivityType, Integer> activityCounts, Set<UUID> checkedCriteria, int stakeholders,
		Set<BuyingRole> roles, @Nullable BigDecimal amount, @Nullable LocalDate closeDate, @Nullable String lostReason) {

	public int count(ActivityType type) {
		return activityCounts.getOrDefault(type, 0);
	}

	public boolean hasDecisionMaker() {
		return roles.contains(BuyingRole.DECISION_MAKER);
	}
}
