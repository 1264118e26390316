package dev.tandem.crm;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A contact in a deal's buying group, with their role, influence (1-5) and stance; last contacted
 * is derived from the activities they took part in.
 */
public record Stakeholder(UUID id, UUID dealId, UUID contactId, String contactName, @Nullable String contactTitle,
		StakeholderRole role, int influence, Stance stance, @Nullable Instant lastContactedAt, int version) {
}
