package dev.tandem.crm.web;

import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.ValueProblems;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Small helpers the CRM's API controllers share: {@code owner=me}, and reading a PATCH body whose
 * present fields matter.
 */
final class ApiParams {

	private ApiParams() {
	}

	/** {@code me} for the caller, a user id, or nothing. */
	static @Nullable UUID owner(CurrentUser me, @Nullable String owner) {
		if (owner == null || owner.isBlank()) {
			return null;
		}
		if (owner.equals("me")) {
			return me.id();
		}
		try {
			return UUID.fromString(owner);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("owner", "validation.owner.me-or-id");
		}
	}

	/** Reads a JSON object into a request record; a value of the wrong type names its field. */
	static <T> T read(JsonMapper json, JsonNode body, Class<T> type) {
		try {
			return json.treeToValue(body, type);
		}
		catch (DatabindException ex) {
			String name = ex.getPath().isEmpty() ? null : ex.getPath().get(0).getPropertyName();
			String field = name == null ? "body" : name;
			if (ex instanceof InvalidFormatException format) {
				throw new InvalidInputException(List.of(ValueProblems.malformed(field, format.getValue(), format.getTargetType())));
			}
			throw InvalidInputException.of(field, "validation.value.unreadable");
		}
		catch (JacksonException ex) {
			throw InvalidInputException.of("body", "validation.value.unreadable");
		}
	}
}
