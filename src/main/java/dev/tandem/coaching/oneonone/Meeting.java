package dev.tandem.coaching.oneonone;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One meeting of a 1:1 series: planned for a moment, held (with the rep's numbers frozen then) or not yet. */
public record Meeting(UUID orgId, UUID id, UUID seriesId, Instant plannedAt, @Nullable Instant heldAt, @Nullable String snapshotJson,
		int version) {

	public boolean held() {
		return heldAt != null;
	}
}
