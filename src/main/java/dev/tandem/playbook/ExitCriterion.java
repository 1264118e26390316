package dev.tandem.playbook;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A checklist item a deal must have met before entering a stage, e.g. "budget confirmed".
 * <p>
 * Without {@code satisfiedByRole} the rep ticks it. With one, the facts decide: it is met when the deal's buying
 * group has someone in that role ("budget owner known" once an economic buyer is mapped), and a tick does not count,
 * so what the checklist says is what the buying group shows.
 */
public record ExitCriterion(UUID id, String label, @Nullable BuyingRole satisfiedByRole) {

	public ExitCriterion(UUID id, String label) {
		this(id, label, null);
	}

	public boolean byFact() {
		return satisfiedByRole != null;
	}

	/** Whether the deal meets this criterion: by its buying group where the criterion says so, else by its tick. */
	public boolean metBy(DealFacts deal) {
		return satisfiedByRole != null ? deal.roles().contains(satisfiedByRole) : deal.checkedCriteria().contains(id);
	}
}
