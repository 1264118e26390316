package dev.tandem.coaching.plan;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A check-in on a coaching plan: when, what was said, and the metric's value over the plan's days up to then. */
public record PlanCheckIn(UUID id, UUID planId, UUID authorId, String authorName, LocalDate heldOn, String note,
		@Nullable Double value) {
}
