package dev.tandem.exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The custom fields of one kind of record in an export: a column {@code custom.<key>} for every field that holds a
 * value on one of the exported records, after the product's own columns, which an import maps back to the field.
 */
final class CustomExport {

	private final Map<UUID, Map<String, String>> values;
	private final List<String> keys;

	CustomExport(Map<UUID, Map<String, String>> values, Collection<UUID> exported) {
		this.values = values;
		TreeSet<String> used = new TreeSet<>();
		exported.forEach(id -> used.addAll(values.getOrDefault(id, Map.of()).keySet()));
		this.keys = List.copyOf(used);
	}

	List<String> headers(List<String> own) {
		List<String> headers = new ArrayList<>(own);
		keys.forEach(k -> headers.add(CustomColumns.PREFIX + k));
		return headers;
	}

	List<Object> row(UUID id, List<Object> own) {
		List<Object> row = new ArrayList<>(own);
		Map<String, String> of = values.getOrDefault(id, Map.of());
		row.addAll(ExportZip.row(keys.stream().map(of::get).toArray()));
		return row;
	}
}
