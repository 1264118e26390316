package dev.tandem.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills the variables of a path with real records of an organisation. Which table a variable names is read from the
 * path itself ({@code /deals/{id}}: a row of the table ending in {@code _deal}; {@code {stageId}}: of {@code _stage}),
 * a variable after another takes a row of the first where its table points to it ({@code deal_id}), and the owner of
 * the first record is remembered, so a walker knows whose data it asked for. Only what cannot be read so is written
 * down here: the two words that name no table, and the values of a variable that names none.
 */
final class PathValues {

	/** Path words that name another table than their own. */
	static final Map<String, String> ALIASES = Map.of("people", "user", "playbook", "pipeline", "help", "help-request",
			"coaching-plan", "plan");

	/** Variables that name no record and whose values the application does not declare, with the values to walk. */
	static final Map<String, List<String>> VALUES = Map.of("kind", List.of("users", "teams"),
			"secret", List.of("cal_not-a-feed"));

	/** Columns that say whose a row is, the first one a table has. */
	private static final List<String> OWNER_COLUMNS = List.of("owner_id", "user_id", "leader_id", "created_by", "assigned_to");

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private final JdbcClient jdbc;
	private final TenantTables tables;

	PathValues(JdbcClient jdbc, TenantTables tables) {
		this.jdbc = jdbc;
		this.tables = tables;
	}

	/** A path with its variables filled, and the owner of its first record (null where the record has none). */
	record Bound(String template, String path, Map<String, UUID> ids, Map<String, String> tables, @Nullable String firstTable,
			@Nullable UUID owner) {

		boolean hasIds() {
			return !ids.isEmpty();
		}
	}

	/** Why a variable could not be filled: the walker must be taught, so the test says how. */
	static final class Unresolvable extends RuntimeException {

		Unresolvable(String message) {
			super(message);
		}
	}

	/**
	 * Every way to fill the path in the organisation, one per value of a valueless variable, preferring records owned
	 * by one of {@code preferredOwners}.
	 */
	List<Bound> bind(String template, UUID orgId, Set<UUID> preferredOwners) {
		return bind(template, orgId, preferredOwners, Map.of());
	}

	/**
	 * As {@link #bind(String, UUID, Set)}, with the values the application itself declares for some variables (an
	 * enum's constants): {@code /recycle-bin/{kind}/{id}} with {@code kind} one of {@code DEAL, ACCOUNT, ...} fills
	 * {@code {id}} with a deal, an account and so on.
	 */
	List<Bound> bind(String template, UUID orgId, Set<UUID> preferredOwners, Map<String, List<String>> declared) {
		List<String> variables = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(template);
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		List<Map<String, String>> choices = new ArrayList<>();
		choices.add(new LinkedHashMap<>());
		for (String variable : variables) {
			List<String> values = declared.containsKey(variable) ? declared.get(variable) : VALUES.get(variable);
			if (values != null) {
				List<Map<String, String>> expanded = new ArrayList<>();
				for (Map<String, String> choice : choices) {
					for (String value : values) {
						Map<String, String> next = new LinkedHashMap<>(choice);
						next.put(variable, value);
						expanded.add(next);
					}
				}
				choices = expanded;
			}
		}
		List<Bound> bound = new ArrayList<>();
		for (Map<String, String> words : choices) {
			bound.add(bind(template, variables, words, orgId, preferredOwners));
		}
		return bound;
	}

	private Bound bind(String template, List<String> variables, Map<String, String> words, UUID orgId, Set<UUID> preferredOwners) {
		String path = template;
		Map<String, UUID> ids = new LinkedHashMap<>();
		Map<String, String> named = new LinkedHashMap<>();
		String parentTable = null;
		UUID parentId = null;
		String firstTable = null;
		UUID owner = null;
		for (String variable : variables) {
			String value;
			if (words.containsKey(variable)) {
				value = words.get(variable);
			}
			else {
				String table = table(template, variable, words);
				// A record of the one before where there is one; else any, which that path then does not find.
				Row row = row(table, orgId, parentTable, parentId, preferredOwners)
					.or(() -> row(table, orgId, null, null, preferredOwners))
					.orElseThrow(() -> new Unresolvable("No row of " + table + " in the organisation to fill {" + variable + "} of "
							+ template + ": create one in the walker's set-up"));
				if (firstTable == null) {
					firstTable = table;
					owner = row.owner();
				}
				ids.put(variable, row.id());
				named.put(variable, table);
				parentTable = table;
				parentId = row.id();
				value = row.id().toString();
			}
			path = path.replace("{" + variable + "}", value);
		}
		return new Bound(template, path, ids, named, firstTable, owner);
	}

	/** The table a variable names: {@code xxxId} names {@code xxx}, {@code id} the word before it. */
	String table(String template, String variable, Map<String, String> words) {
		String entity;
		if (!variable.equals("id") && variable.endsWith("Id")) {
			entity = variable.substring(0, variable.length() - 2);
		}
		else {
			String[] parts = template.split("/");
			// The variable may be a whole segment or begin one ({id}.ics).
			int at = java.util.stream.IntStream.range(0, parts.length).filter(i -> parts[i].startsWith("{" + variable + "}"))
				.findFirst().orElse(-1);
			String before = at > 0 ? parts[at - 1] : "";
			if (before.startsWith("{") && words.containsKey(before.substring(1, before.length() - 1))) {
				before = words.get(before.substring(1, before.length() - 1));
			}
			entity = singular(before);
		}
		entity = ALIASES.getOrDefault(entity, entity).replace('-', '_');
		String suffix = "_" + camelToSnake(entity);
		List<String> exact = tables.names().stream()
			.filter(t -> t.substring(t.indexOf('_')).equals(suffix) && tables.hasColumn(t, "id")).toList();
		List<String> matches = !exact.isEmpty() ? exact
				: tables.names().stream().filter(t -> t.endsWith(suffix) && tables.hasColumn(t, "id")).toList();
		if (matches.size() != 1) {
			throw new Unresolvable("{" + variable + "} of " + template + " names " + (matches.isEmpty() ? "no table" : matches)
					+ " (looked for a table ending in " + suffix + " with an id): add the word to PathValues.ALIASES or the"
					+ " variable's values to PathValues.VALUES");
		}
		return matches.get(0);
	}

	private record Row(UUID id, @Nullable UUID owner) {
	}

	/**
	 * Whose a row is, as SQL over the row {@code t}: its {@code owner_id} or {@code user_id}, else the owner of the
	 * record it belongs to ({@code account_id} of a contact, {@code deal_id} of a stakeholder); null for records nobody
	 * owns (teams, pipelines, people themselves).
	 */
	@Nullable String ownerExpression(String table) {
		for (String column : List.of("owner_id", "user_id")) {
			if (tables.hasColumn(table, column) && !table.equals("people_user")) {
				return "t." + column;
			}
		}
		for (String column : tables.columns(table)) {
			if (column.endsWith("_id") && !column.equals("org_id")) {
				String suffix = "_" + column.substring(0, column.length() - 3);
				for (String parent : tables.names()) {
					if (parent.endsWith(suffix) && tables.hasColumn(parent, "id") && tables.hasColumn(parent, "owner_id")) {
						return "(select p.owner_id from " + parent + " p where p.org_id = t.org_id and p.id = t." + column + ")";
					}
				}
			}
		}
		return null;
	}

	/** What picks a row of someone in particular: its owner, or for people and teams the person and the leader. */
	private @Nullable String preferenceExpression(String table) {
		if (table.equals("people_user")) {
			return "t.id";
		}
		String owner = ownerExpression(table);
		if (owner != null) {
			return owner;
		}
		return OWNER_COLUMNS.stream().filter(c -> tables.hasColumn(table, c)).findFirst().map(c -> "t." + c).orElse(null);
	}

	private Optional<Row> row(String table, UUID orgId, @Nullable String parentTable, @Nullable UUID parentId, Set<UUID> preferred) {
		String owner = ownerExpression(table);
		String preference = preferenceExpression(table);
		StringBuilder sql = new StringBuilder("select t.id, " + (owner == null ? "null::uuid" : owner) + " from " + table
				+ " t where t.org_id = :org");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("org", orgId);
		if (parentTable != null) {
			String link = parentTable.substring(parentTable.indexOf('_') + 1) + "_id";
			if (tables.hasColumn(table, link)) {
				sql.append(" and t.").append(link).append(" = :parent");
				params.put("parent", parentId);
			}
		}
		if (preference != null) {
			sql.append(" order by (").append(preference).append(" = any(:preferred)) desc nulls last, t.id");
			params.put("preferred", preferred.toArray(UUID[]::new));
		}
		else {
			sql.append(" order by t.id");
		}
		sql.append(" limit 1");
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional();
	}

	static String singular(String word) {
		if (word.endsWith("ies")) {
			return word.substring(0, word.length() - 3) + "y";
		}
		if (word.equals("criteria")) {
			return "criterion";
		}
		return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
	}

	private static String camelToSnake(String word) {
		return word.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}
}
