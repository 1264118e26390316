package dev.tandem.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a valid request body from an operation's schema, so a refusal is the access rule's and not the validation's:
 * every property filled within its limits, enums with their first value, ids with real records of the organisation
 * the request aims at (an {@code accountId} with one of its accounts), {@code version} with the record's current one.
 */
final class RequestBodies {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Properties that name no table by their word. */
	private static final Map<String, String> ID_ALIASES = Map.ofEntries(Map.entry("leaderId", "user"), Map.entry("parentId", "team"),
			Map.entry("ownerId", "user"), Map.entry("seenAdjustmentId", "adjustment"), Map.entry("managerId", "user"),
			Map.entry("personId", "user"), Map.entry("repId", "user"), Map.entry("newcomerId", "user"), Map.entry("candidateId", "user"),
			Map.entry("mentorId", "user"));

	/**
	 * People a coaching record is about, or who help with it: someone other than the caller (a rep of theirs), the mentor
	 * the last such person rather than the first, so newcomer and mentor differ.
	 */
	private static final Set<String> OTHER_PEOPLE = Set.of("personId", "repId", "newcomerId", "candidateId");

	private final ApiOperations document;
	private final JdbcClient jdbc;
	private final TenantTables tables;
	private final PathValues paths;
	private final LocalDate today;

	RequestBodies(ApiOperations document, JdbcClient jdbc, TenantTables tables, PathValues paths, Clock clock) {
		this.document = document;
		this.jdbc = jdbc;
		this.tables = tables;
		this.paths = paths;
		this.today = LocalDate.now(clock);
	}

	/** The body for the operation on the bound path, or null when it takes none (or none as JSON). */
	@Nullable String body(ApiOperations.Operation operation, PathValues.Bound bound, UUID orgId, Set<UUID> owners) {
		if (operation.body() == null || operation.bodyType() == null || !operation.bodyType().contains("json")) {
			return null;
		}
		JsonNode value = value("body", operation.body(), bound, orgId, owners, 0);
		return JSON.writeValueAsString(value);
	}

	private JsonNode value(String name, JsonNode schema, PathValues.Bound bound, UUID orgId, Set<UUID> owners, int depth) {
		JsonNode resolved = document.resolve(schema);
		String type = resolved.path("type").asString("object");
		if (resolved.has("enum")) {
			return resolved.get("enum").get(0);
		}
		return switch (type) {
			case "object" -> object(resolved, bound, orgId, owners, depth);
			case "array" -> {
				ArrayNode array = JSON.createArrayNode();
				if (resolved.path("minItems").asInt(0) > 0) {
					array.add(value(name, resolved.get("items"), bound, orgId, owners, depth + 1));
				}
				yield array;
			}
			case "integer" -> JSON.getNodeFactory().numberNode(name.equals("version") ? version(bound) : number(resolved, 1));
			case "number" -> JSON.getNodeFactory().numberNode(number(resolved, 1000));
			case "boolean" -> JSON.getNodeFactory().booleanNode(true);
			default -> JSON.getNodeFactory().stringNode(string(name, resolved, orgId, owners));
		};
	}

	private JsonNode object(JsonNode schema, PathValues.Bound bound, UUID orgId, Set<UUID> owners, int depth) {
		ObjectNode object = JSON.createObjectNode();
		// A free-form object (a map, or Jackson's own tree type) says nothing about its fields: of a record's, the
		// version is all that is known, and it makes the request reach the access rule.
		if (schema.path("properties").has("nodeType") || !schema.has("properties")) {
			if (depth == 0) {
				object.put("version", version(bound));
			}
			return object;
		}
		if (depth > 3) {
			return object;
		}
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			// A user's e-mail is their login: the walkers sign in again as the users they change.
			if (property.getValue().path("readOnly").asBoolean(false)
					|| (property.getKey().equals("email") && bound.path().matches("/api/v1/users/[^/]+"))) {
				continue;
			}
			object.set(property.getKey(), value(property.getKey(), property.getValue(), bound, orgId, owners, depth + 1));
		}
		return object;
	}

	private static int number(JsonNode schema, int preferred) {
		int value = preferred;
		if (schema.has("maximum")) {
			value = Math.min(value, schema.get("maximum").asInt());
		}
		if (schema.has("minimum")) {
			value = Math.max(value, schema.get("minimum").asInt());
		}
		return value;
	}

	private String string(String name, JsonNode schema, UUID orgId, Set<UUID> owners) {
		String format = schema.path("format").asString("");
		String value = switch (format) {
			case "uuid" -> id(name, orgId, owners);
			// A check-in's day ("on") and a plan's start are today, so a check-in falls within its plan; other dates lie ahead.
			case "date" -> (name.equals("on") || name.equals("startsOn") ? today : today.plusDays(30)).toString();
			case "date-time" -> today.plusDays(30) + "T09:00:00Z";
			case "email" -> "walker-" + UUID.randomUUID().toString().substring(0, 8) + "@walker.test";
			default -> name.equals("period") ? today.toString().substring(0, 7)
					: name.equals("time") ? "16:00" : name.equals("locale") ? "en" : name.equals("email") ? "walker-" + UUID.randomUUID().toString().substring(0, 8)
							+ "@walker.test" : name.toLowerCase(java.util.Locale.ROOT).contains("password") ? "walker-password-1"
									: "Walker " + name;
		};
		int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
		return value.length() > max ? value.substring(0, max) : value;
	}

	/** A record of the organisation for an id property: {@code accountId} takes an account, preferably the owners'. */
	private String id(String name, UUID orgId, Set<UUID> owners) {
		String entity = ID_ALIASES.getOrDefault(name, name.endsWith("Id") ? name.substring(0, name.length() - 2) : name);
		try {
			String table = paths.table("/" + entity + "s/{id}", "id", Map.of());
			String ownerColumn = table.equals("people_user") ? "id" : tables.hasColumn(table, "owner_id") ? "owner_id" : null;
			String order = ownerColumn == null ? "id" : "(" + ownerColumn + " = any(:owners)) desc, id";
			if (table.equals("people_user") && (OTHER_PEOPLE.contains(name) || name.equals("mentorId"))) {
				order = "(id = any(:owners)), role = 'REP' desc, id" + (name.equals("mentorId") ? " desc" : "");
			}
			return jdbc.sql("select id::text from " + table + " where org_id = :org order by " + order + " limit 1")
				.param("org", orgId).param("owners", owners.toArray(UUID[]::new)).query(String.class).optional()
				.orElse(UUID.randomUUID().toString());
		}
		catch (PathValues.Unresolvable ex) {
			return UUID.randomUUID().toString();
		}
	}

	private int version(PathValues.Bound bound) {
		if (bound.ids().isEmpty()) {
			return 0;
		}
		String variable = List.copyOf(bound.ids().keySet()).get(bound.ids().size() - 1);
		String table = bound.tables().get(variable);
		if (!tables.hasColumn(table, "version")) {
			return 0;
		}
		return jdbc.sql("select version from " + table + " where id = :id").param("id", bound.ids().get(variable))
			.query(Integer.class).optional().orElse(0);
	}
}
