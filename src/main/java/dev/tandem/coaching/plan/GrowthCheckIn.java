package dev.tandem.coaching.plan;

import java.time.LocalDate;
import java.util.UUID;

/** A check-in on a growth plan: when, who, and the progress they noted. */
public record GrowthCheckIn(UUID id, UUID planId, UUID authorId, String authorName, LocalDate heldOn, String note) {
}
