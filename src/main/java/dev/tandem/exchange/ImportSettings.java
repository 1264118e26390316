package dev.tandem.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How an import reads its file: what the file holds, the preset it came from, which column fills
 * which field ({@code columns}: field to column), what the source's values mean ({@code values}: per
 * category such as {@code stage} or {@code owner}, source value to a target), how dates and amounts
 * are written, what to do with records that exist already, with deals that name no account
 * ({@code withoutAccount}; the placeholder's name is {@code values.account[""]}) and with rows that would
 * fail ({@code refusedRows}: fail the whole import, or, for deals, skip them).
 */
public record ImportSettings(EntityKind kind, @Nullable Preset preset, Map<String, String> columns,
		Map<String, Map<String, String>> values, DateOrder dateOrder, DecimalMark decimalMark, Duplicates duplicates,
		WithoutAccount withoutAccount, RefusedRows refusedRows) {

	public ImportSettings {
		columns = new LinkedHashMap<>(columns);
		values = new LinkedHashMap<>(values);
		// Settings saved before the choice existed (or sent without it) mean what the placeholder's name meant then.
		if (withoutAccount == null) {
			String name = values.getOrDefault("account", Map.of()).get("");
			withoutAccount = name == null || name.isBlank() ? WithoutAccount.REFUSE : WithoutAccount.PLACEHOLDER;
		}
		if (refusedRows == null) {
			refusedRows = RefusedRows.FAIL;
		}
	}

	public ImportSettings(EntityKind kind, @Nullable Preset preset, Map<String, String> columns, Map<String, Map<String, String>> values,
			DateOrder dateOrder, DecimalMark decimalMark, Duplicates duplicates) {
		this(kind, preset, columns, values, dateOrder, decimalMark, duplicates, null, null);
	}

	public ImportSettings withColumns(Map<String, String> newColumns) {
		return new ImportSettings(kind, preset, newColumns, values, dateOrder, decimalMark, duplicates, withoutAccount, refusedRows);
	}

	public ImportSettings withValues(Map<String, Map<String, String>> newValues) {
		return new ImportSettings(kind, preset, columns, newValues, dateOrder, decimalMark, duplicates, withoutAccount, refusedRows);
	}

	/** The account the admin named for deals without one, when that is the choice; else {@code null}. */
	public @Nullable String placeholderAccount() {
		String name = valueFor("account", "");
		return withoutAccount != WithoutAccount.PLACEHOLDER || name == null || name.isBlank() ? null : name.trim();
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

	/** What to do with a deal whose row names no account. */
	public enum WithoutAccount {
		/** Refuse the row, like any row missing a required value. */
		REFUSE,
		/** Attach it to the one account the admin named ({@code values.account[""]}), made when it does not exist. */
		PLACEHOLDER,
		/** Import the deal without an account. */
		NONE
	}

	/** What a run does with rows that would fail. */
	public enum RefusedRows {
		/** All or nothing: one refused row stops the whole import. */
		FAIL,
		/** Deals only: import the rest and keep the refused rows, with their reasons, to download. */
		SKIP
	}
}
