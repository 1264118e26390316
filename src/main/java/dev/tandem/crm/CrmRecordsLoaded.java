package dev.tandem.crm;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Many records written at once, in one transaction, without an event per record: a bulk load (the demo's history, an
 * import run), the update of an import, or the removal of what an import made (its undo). {@code change} says which;
 * the lists hold the ids of what was created, updated or removed, and {@code owners} whose figures change. A listener
 * that keeps figures of its own recounts these records, once per event.
 */
public record CrmRecordsLoaded(UUID orgId, Change change, List<UUID> accounts, List<UUID> contacts, List<UUID> deals,
		List<UUID> activities, List<UUID> leads, Set<UUID> owners) {

	/** What happened to the records. */
	public enum Change {
		CREATED, UPDATED, REMOVED
	}

	public int size() {
		return accounts.size() + contacts.size() + deals.size() + activities.size() + leads.size();
	}
}
