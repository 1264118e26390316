package dev.tandem.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How an import reads its file: what the file holds, the preset it came from, which column fills
 * which field ({@code columns}: field to column), what the source's values mean ({@code values}: per
 * category such as {@code stage} or {@code owner}, source value to a target), how dates and amounts
 * are written, and what to do with records that exist already.
 */
public record ImportSettings(EntityKind kind, @Nullable Preset preset, Map<String, String> columns,
		Map<String, Map<String, String>> values, DateOrder dateOrder, DecimalMark decimalMark, Duplicates duplicates) {

	public ImportSettings {
		columns = new LinkedHashMap<>(columns);
		values = new LinkedHashMap<>(values);
	}

	public ImportSettings withColumns(Map<String, String> newColumns) {
		return new ImportSettings(kind, preset, newColumns, values, dateOrder, decimalMark, duplicates);
	}

	public ImportSettings withValues(Map<String, Map<String, String>> newValues) {
		return new ImportSettings(kind, preset, columns, newValues, dateOrder, decimalMark, duplicates);
	}

	/** The target chosen for a source value in a category, or {@code null}. */
	public @Nullable String valueFor(String category, String source) {
		return values.getOrDefault(category, Map.of()).get(source);
	}

	/** How dates such as 03/04/2024 are to be read; ISO dates (2024-04-03) are always understood. */
	public enum DateOrder {
		/** Decide from the file; ask when its dates could be read both ways. */
		AUTO, DAY_FIRST, MONTH_FIRST
	}

	/** Which character separates the decimals of amounts. */
	public enum DecimalMark {
		/** Decide from the file; ask when amounts such as 1,250 could be read both ways. */
		AUTO, POINT, COMMA
	}

	/** What to do with a row for a record that exists already (same source id, or same name within its account). */
	public enum Duplicates {
		SKIP, UPDATE
	}
}
