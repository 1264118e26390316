package dev.tandem.crm;

import java.time.Instant;
import java.util.UUID;

/**
 * A deal moved from one stage to another (forward or backward).
 */
public record DealStageChanged(UUID orgId, UUID dealId, UUID ownerId, UUID fromStageId, UUID toStageId, Instant changedAt,
		UUID changedBy) {
}
