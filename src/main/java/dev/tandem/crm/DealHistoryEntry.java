package dev.tandem.crm;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One line of a deal's history: a stage move or a field change, with who made it. */
public record DealHistoryEntry(Instant at, String field, @Nullable String oldValue, @Nullable String newValue, @Nullable String by,
		UUID dealId, String dealTitle) {
}
