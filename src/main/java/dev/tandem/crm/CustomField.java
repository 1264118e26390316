package dev.tandem.crm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A field an organisation keeps on one kind of record beyond the product's own: its key (the name in the API and in
 * exports), label, type and, for a choice, the choices; shown on record pages in position order while active.
 */
public record CustomField(UUID id, CustomFieldKind kind, String key, String label, CustomFieldType type, List<String> choices,
		int position, boolean active, Instant updatedAt, @Nullable String updatedBy, int version) {
}
