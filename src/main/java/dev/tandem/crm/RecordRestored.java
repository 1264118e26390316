package dev.tandem.crm;

import java.util.Set;
import java.util.UUID;

/**
 * A deal, account, contact or lead came back from the recycle bin, with what went with it; {@code owners} are those
 * whose records came back, and whose figures change.
 */
public record RecordRestored(UUID orgId, BinKind kind, UUID recordId, Set<UUID> owners) {
}
