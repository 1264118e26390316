package dev.tandem.security;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations of the application's own OpenAPI document, as it serves it at run time: every path and method with
 * its parameters and the schema of its request body, references resolved.
 */
final class ApiOperations {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private final JsonNode document;
	private final List<Operation> operations = new ArrayList<>();

	ApiOperations(String json) {
		this.document = JSON.readTree(json);
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				JsonNode operation = method.getValue();
				List<Parameter> parameters = new ArrayList<>();
				for (JsonNode p : operation.path("parameters")) {
					parameters.add(new Parameter(p.get("name").asString(), p.get("in").asString(), resolve(p.path("schema")),
							p.path("required").asBoolean(false)));
				}
				JsonNode body = null;
				String bodyType = null;
				Iterator<Map.Entry<String, JsonNode>> content = operation.path("requestBody").path("content").properties().iterator();
				if (content.hasNext()) {
					Map.Entry<String, JsonNode> first = content.next();
					bodyType = first.getKey();
					body = resolve(first.getValue().path("schema"));
				}
				operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters, body, bodyType));
			}
		}
		operations.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
	}

	List<Operation> all() {
		return operations;
	}

	/** The schema itself, or the one its {@code $ref} points to. */
	JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int depth = 0; current.has("$ref") && depth < 10; depth++) {
			String[] parts = current.get("$ref").asString().substring(2).split("/");
			JsonNode target = document;
			for (String part : parts) {
				target = target.path(part);
			}
			current = target;
		}
		return current;
	}

	/** One parameter: where it goes ({@code path}, {@code query}, {@code header}) and its resolved schema. */
	record Parameter(String name, String in, JsonNode schema, boolean required) {
	}

	/** One operation of the document. */
	record Operation(String method, String path, List<Parameter> parameters, @Nullable JsonNode body, @Nullable String bodyType) {

		String key() {
			return method + " " + path;
		}

		boolean writes() {
			return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
		}

		List<String> pathVariables() {
			List<String> names = new ArrayList<>();
			Matcher matcher = VARIABLE.matcher(path);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			return names;
		}

		/** The values the document declares for path variables: an enum's. */
		java.util.Map<String, List<String>> pathValues() {
			java.util.Map<String, List<String>> values = new java.util.LinkedHashMap<>();
			for (Parameter parameter : parameters) {
				if (parameter.in().equals("path") && parameter.schema().has("enum")) {
					values.put(parameter.name(), parameter.schema().get("enum").valueStream().map(JsonNode::asString).toList());
				}
			}
			return values;
		}

		List<Parameter> query() {
			return parameters.stream().filter(p -> p.in().equals("query")).toList();
		}
	}
}
