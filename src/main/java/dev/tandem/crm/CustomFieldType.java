package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * What a custom field holds; each type turns a value as typed into its canonical text, or refuses it.
 */
public enum CustomFieldType {

	TEXT, NUMBER, DATE, CHOICE;

	static final int MAX_TEXT = 1000;

	/** The canonical text of {@code raw} (trimmed; a number in plain digits, a date as ISO), empty when it breaks the type. */
	public Optional<String> canonical(String raw, List<String> choices) {
		String value = raw.trim();
		return switch (this) {
			case TEXT -> value.length() <= MAX_TEXT ? Optional.of(value) : Optional.empty();
			case NUMBER -> number(value).map(n -> n.stripTrailingZeros().toPlainString());
			case DATE -> date(value).map(LocalDate::toString);
			case CHOICE -> choices.stream().filter(c -> c.equalsIgnoreCase(value)).findFirst();
		};
	}

	/** The type that fits every one of these values: number when all parse as numbers, date when all are ISO dates. */
	public static CustomFieldType guess(List<String> values) {
		List<String> filled = values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
		if (filled.isEmpty()) {
			return TEXT;
		}
		if (filled.stream().allMatch(v -> number(v).isPresent())) {
			return NUMBER;
		}
		if (filled.stream().allMatch(v -> date(v).isPresent())) {
			return DATE;
		}
		return TEXT;
	}

	private static Optional<BigDecimal> number(String value) {
		if (!value.matches("[+-]?\\d+(\\.\\d+)?")) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(value));
	}

	private static Optional<LocalDate> date(String value) {
		try {
			return value.matches("\\d{4}-\\d{2}-\\d{2}") ? Optional.of(LocalDate.parse(value)) : Optional.empty();
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}
}
