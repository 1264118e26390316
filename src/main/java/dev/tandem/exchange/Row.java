package dev.tandem.exchange;

import java.util.Map;

/**
 * One data row of a table, read through the mapping: {@code get("amount")} is the text of the
 * column mapped to {@code amount}, trimmed, or empty when nothing is mapped.
 */
final class Row {

	private final Table table;
	private final int index;
	private final Map<String, Integer> columns;
	boolean failed;

	Row(Table table, int index, Map<String, Integer> columns) {
		this.table = table;
		this.index = index;
		this.columns = columns;
	}

	String get(String field) {
		return raw(field).trim();
	}

	String raw(String field) {
		Integer column = columns.get(field);
		return column == null ? "" : table.cell(index, column);
	}

	/** The fields the mapping fills. */
	java.util.Set<String> fields() {
		return columns.keySet();
	}

	boolean has(String field) {
		return columns.containsKey(field);
	}

	String column(String field) {
		Integer column = columns.get(field);
		return column == null ? field : table.headers().get(column);
	}

	String sheet() {
		return table.name();
	}

	int line() {
		return Table.line(index);
	}

	/** The first non-empty of the fields, e.g. a full name or else first and last name joined. */
	String name(String full, String first, String last) {
		String name = get(full);
		if (!name.isEmpty()) {
			return name;
		}
		return (get(first) + " " + get(last)).trim();
	}
}
