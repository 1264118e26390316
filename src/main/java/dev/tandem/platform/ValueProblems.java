package dev.tandem.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Describes a value that could not be read as the type a parameter or field asks for: the value as sent and
 * what would have been allowed (an enum's values, the date format, a whole number), resolved in the user's
 * language when the error is rendered.
 */
public final class ValueProblems {

	private ValueProblems() {
	}

	/** The problem of {@code value} sent for {@code field} of {@code type}. */
	public static FieldProblem malformed(String field, @Nullable Object value, @Nullable Class<?> type) {
		return new FieldProblem(field, "validation.value.malformed", String.valueOf(value), expected(type));
	}

	/** What a value of {@code type} looks like, as a message to resolve, e.g. "one of open, won, lost". */
	public static MessageSourceResolvable expected(@Nullable Class<?> type) {
		if (type != null && type.isEnum()) {
			String values = Arrays.stream(type.getEnumConstants())
				.map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
			return message("validation.expected.one-of", values);
		}
		String key = type == null ? "validation.expected.other"
				: type == LocalDate.class ? "validation.expected.date"
				: type == Instant.class || type == OffsetDateTime.class ? "validation.expected.date-time"
				: type == Integer.class || type == int.class || type == Long.class || type == long.class ? "validation.expected.integer"
				: type == BigDecimal.class || type == Double.class || type == double.class ? "validation.expected.number"
				: type == Boolean.class || type == boolean.class ? "validation.expected.boolean"
				: type == UUID.class ? "validation.expected.id"
				: "validation.expected.other";
		return message(key);
	}

	/** The allowed values of a choice that is not an enum, e.g. the sort orders of a list. */
	public static FieldProblem notOneOf(String field, String value, Collection<String> allowed) {
		return new FieldProblem(field, "validation.value.malformed", value,
				message("validation.expected.one-of", String.join(", ", allowed)));
	}

	private static MessageSourceResolvable message(String key, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { key }, arguments);
	}
}
