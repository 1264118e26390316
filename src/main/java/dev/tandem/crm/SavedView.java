package dev.tandem.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person's saved view of a list: its filters (the list's URL parameters), sort order and columns, private or shared
 * with their team.
 */
public record SavedView(UUID id, UUID ownerId, String ownerName, SavedViewList list, String name, Map<String, String> filters,
		@Nullable String sort, List<String> columns, boolean shared, Instant updatedAt, int version) {
}
