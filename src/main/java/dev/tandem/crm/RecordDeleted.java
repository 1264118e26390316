package dev.tandem.crm;

import java.util.Set;
import java.util.UUID;

/**
 * A deal, account, contact or lead went into the recycle bin, with what belongs to it; {@code owners} are those whose
 * records went, and whose figures change.
 */
public record RecordDeleted(UUID orgId, BinKind kind, UUID recordId, Set<UUID> owners) {
}
