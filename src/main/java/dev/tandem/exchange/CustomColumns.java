package dev.tandem.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.crm.CustomField;
import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.CustomFieldType;

/**
 * Columns an import keeps as custom fields: mapped to {@code custom.<key>}, they fill the custom field of that key of
 * the file's kind of record, which the run creates when the organisation has none yet, typed from the column's values
 * (a number when every value is one, a date when every value is an ISO date, else text). Values are checked by their
 * field's type as every row is read.
 */
final class CustomColumns {

	static final String PREFIX = "custom.";

	/** A custom field the run creates before it keeps values in it. */
	record NewField(CustomFieldKind kind, String key, String label, CustomFieldType type) {
	}

	/** The values of one record's custom fields, canonical text by key. */
	record Values(CustomFieldKind kind, UUID recordId, Map<String, String> values) {
	}

	private record Known(CustomFieldType type, List<String> choices) {
	}

	private final Map<String, Known> fields = new HashMap<>();
	final List<NewField> newFields = new ArrayList<>();
	final List<Values> values = new ArrayList<>();

	CustomColumns(List<CustomField> existing) {
		existing.forEach(f -> fields.put(f.kind() + "|" + f.key(), new Known(f.type(), f.choices())));
	}

	static Optional<CustomFieldKind> kindOf(EntityKind kind) {
		return switch (kind) {
			case ACCOUNTS -> Optional.of(CustomFieldKind.ACCOUNT);
			case CONTACTS -> Optional.of(CustomFieldKind.CONTACT);
			case DEALS -> Optional.of(CustomFieldKind.DEAL);
			case LEADS -> Optional.of(CustomFieldKind.LEAD);
			default -> Optional.empty();
		};
	}

	static boolean isCustom(String field) {
		return field.startsWith(PREFIX) && field.substring(PREFIX.length()).matches("[a-z][a-z0-9_]{0,59}");
	}

	/** Makes ready the fields a table's rows fill that the organisation lacks, typed from all their values. */
	void prepare(EntityKind entity, List<Row> rows) {
		Optional<CustomFieldKind> kind = kindOf(entity);
		if (kind.isEmpty() || rows.isEmpty()) {
			return;
		}
		for (String field : rows.get(0).fields()) {
			if (!isCustom(field) || fields.containsKey(kind.get() + "|" + field.substring(PREFIX.length()))) {
				continue;
			}
			String key = field.substring(PREFIX.length());
			CustomFieldType type = CustomFieldType.guess(rows.stream().map(r -> r.get(field)).toList());
			String label = rows.get(0).column(field);
			fields.put(kind.get() + "|" + key, new Known(type, List.of()));
			newFields.add(new NewField(kind.get(), key, label.isBlank() ? key : label, type));
		}
	}

	/** Reads a row's custom values for the record it went to; a value its field's type refuses is a problem of the row. */
	void read(PlanContext ctx, Row row, EntityKind entity, UUID recordId) {
		Optional<CustomFieldKind> kind = kindOf(entity);
		if (kind.isEmpty()) {
			return;
		}
		Map<String, String> read = new LinkedHashMap<>();
		for (String field : row.fields()) {
			Known known = isCustom(field) ? fields.get(kind.get() + "|" + field.substring(PREFIX.length())) : null;
			String value = known == null ? "" : row.get(field);
			if (value.isEmpty()) {
				continue;
			}
			Optional<String> canonical = known.type().canonical(value, known.choices());
			if (canonical.isEmpty()) {
				ctx.problem(row, field, "exchange.rule.custom-" + known.type().name().toLowerCase(java.util.Locale.ROOT),
						String.join(", ", known.choices()));
				continue;
			}
			read.put(field.substring(PREFIX.length()), canonical.get());
		}
		if (!read.isEmpty()) {
			values.add(new Values(kind.get(), recordId, read));
		}
	}
}
