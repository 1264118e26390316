package dev.tandem.people;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user's membership of a team from {@code validFrom} (inclusive) until {@code validTo}
 * (exclusive; {@code null} while it lasts).
 */
public record Membership(UUID id, UUID teamId, UUID userId, LocalDate validFrom, @Nullable LocalDate validTo) {

	public boolean isValidOn(LocalDate day) {
		return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
	}
}
