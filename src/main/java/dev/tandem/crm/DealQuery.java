package dev.tandem.crm;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Criteria of a deal list; {@code null} means any. {@code ownerId} narrows to one owner within what
 * the viewer may see.
 */
public record DealQuery(@Nullable UUID ownerId, @Nullable UUID stageId, @Nullable DealStatus status,
		@Nullable LocalDate closedFrom, @Nullable LocalDate closedTo, @Nullable UUID pipelineId, @Nullable UUID accountId,
		@Nullable String text) {

	public static final DealQuery ALL = new DealQuery(null, null, null, null, null, null, null, null);
}
