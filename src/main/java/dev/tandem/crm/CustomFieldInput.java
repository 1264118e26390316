package dev.tandem.crm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A custom field as an admin defines it; without a position it goes after the kind's last field.
 */
public record CustomFieldInput(@Nullable CustomFieldKind kind, @Nullable String key, @Nullable String label,
		@Nullable CustomFieldType type, List<String> choices, @Nullable Integer position, boolean active) {
}
