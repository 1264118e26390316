package dev.tandem.exchange;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a full export names each CRM record by: the source id an import brought it under, else its Tandem id. Both are
 * what an import of the export into the same organisation finds the record by, so it updates instead of duplicating;
 * into another organisation they are just source ids, linked to the records the import creates.
 */
final class SourceIds {

	/** The kinds whose records the export names by source id. */
	static final List<EntityKind> KINDS = List.of(EntityKind.ACCOUNTS, EntityKind.CONTACTS, EntityKind.DEALS, EntityKind.ACTIVITIES,
			EntityKind.LEADS);

	private final Map<EntityKind, Map<UUID, String>> ids;

	SourceIds(Map<EntityKind, Map<UUID, String>> ids) {
		this.ids = ids;
	}

	@Nullable String account(@Nullable UUID id) {
		return of(EntityKind.ACCOUNTS, id);
	}

	@Nullable String contact(@Nullable UUID id) {
		return of(EntityKind.CONTACTS, id);
	}

	@Nullable String deal(@Nullable UUID id) {
		return of(EntityKind.DEALS, id);
	}

	@Nullable String activity(@Nullable UUID id) {
		return of(EntityKind.ACTIVITIES, id);
	}

	@Nullable String lead(@Nullable UUID id) {
		return of(EntityKind.LEADS, id);
	}

	/** Contacts' ids joined by {@code ;}. */
	String contacts(Collection<UUID> list) {
		return list.stream().map(this::contact).collect(Collectors.joining(";"));
	}

	private @Nullable String of(EntityKind kind, @Nullable UUID id) {
		return id == null ? null : ids.getOrDefault(kind, Map.of()).getOrDefault(id, id.toString());
	}
}
