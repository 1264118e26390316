package dev.tandem.crm.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.tandem.crm.DealStatus;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.ValueProblems;
import org.jspecify.annotations.Nullable;

/**
 * The status filter of the deal list as its URL says it: absent means open (what people want to see first) unless a
 * closing range is asked for, which only closed deals have; {@code any} means every status, otherwise one status by name.
 */
final class DealFilters {

	static final String ANY = "any";

	private DealFilters() {
	}

	/** The optional columns to show, from {@code cols=account,amount}: all when absent; unknown names are left out. */
	static List<String> columns(@Nullable String cols) {
		List<String> all = dev.tandem.crm.SavedViewList.DEALS.columns();
		if (cols == null) {
			return all;
		}
		List<String> asked = Arrays.stream(cols.split(",")).map(String::trim).toList();
		return all.stream().filter(asked::contains).toList();
	}

	static @Nullable DealStatus status(@Nullable String value, boolean closingRange) {
		if (value == null) {
			return closingRange ? null : DealStatus.OPEN;
		}
		if (value.isBlank() || value.equalsIgnoreCase(ANY)) {
			return null;
		}
		try {
			return DealStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			List<String> allowed = new java.util.ArrayList<>(Arrays.stream(DealStatus.values()).map(Enum::name).toList());
			allowed.add(ANY);
			throw new InvalidInputException(List.of(ValueProblems.notOneOf("status", value, allowed)));
		}
	}
}
