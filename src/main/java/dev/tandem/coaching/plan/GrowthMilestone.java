package dev.tandem.coaching.plan;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A dated step towards a growth goal; done on {@code doneOn}. */
public record GrowthMilestone(UUID id, UUID goalId, String title, LocalDate dueOn, @Nullable LocalDate doneOn) {

	public boolean done() {
		return doneOn != null;
	}

	/** Not done and due before {@code today}. */
	public boolean overdue(LocalDate today) {
		return doneOn == null && dueOn.isBefore(today);
	}
}
