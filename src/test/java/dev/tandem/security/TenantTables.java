package dev.tandem.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tables that hold an organisation's data, read from the database's own catalogue, so a table a module adds
 * later is watched too: a fingerprint of all of them (to prove a refused request wrote nothing), which of a set of
 * ids belong to an organisation (to prove an answer carries none of its data), and the secrets stored in them.
 */
final class TenantTables {

	/** Append-only by design: a refused request is recorded here, and that is the point. */
	private static final Set<String> RECORDS_OF_REFUSALS = Set.of("platform_audit_event");

	/** Columns that reading changes: a token's last use. */
	private static final Set<String> TOUCHED_BY_READING = Set.of("last_used_at");

	private final JdbcClient jdbc;
	private final Map<String, List<String>> columns;

	TenantTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.columns = new LinkedHashMap<>();
		jdbc.sql("""
				select c.table_name, c.column_name from information_schema.columns c
				  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
				   and c.table_name in (select table_name from information_schema.columns
				                         where table_schema = current_schema() and column_name = 'org_id')
				 order by c.table_name, c.ordinal_position
				""").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
			.forEach(e -> columns.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
	}

	Set<String> names() {
		return columns.keySet();
	}

	List<String> columns(String table) {
		return columns.getOrDefault(table, List.of());
	}

	boolean hasColumn(String table, String column) {
		return columns(table).contains(column);
	}

	/**
	 * Row count and a sum over the row versions ({@code xmin}) per table of all organisations, and of the event
	 * outbox: an insert, update or delete anywhere changes it. Where reading touches a column, that table's other
	 * columns are hashed instead.
	 */
	Map<String, String> fingerprint() {
		Map<String, String> prints = new LinkedHashMap<>();
		for (String table : columns.keySet()) {
			if (RECORDS_OF_REFUSALS.contains(table)) {
				continue;
			}
			List<String> kept = columns(table).stream().filter(c -> !TOUCHED_BY_READING.contains(c)).toList();
			String print = kept.size() == columns(table).size() ? "sum(xmin::text::bigint)"
					: "sum(hashtextextended(row(" + String.join(", ", kept) + ")::text, 0))";
			prints.put(table, jdbc.sql("select count(*) || '/' || coalesce(" + print + ", 0) from " + table).query(String.class).single());
		}
		// A refused request publishes no event either: the outbox holds every one, delivered or not.
		prints.put("event_publication", jdbc.sql("select count(*) || '/' || coalesce(sum(xmin::text::bigint), 0) from event_publication")
			.query(String.class).single());
		return prints;
	}

	/** The tables whose fingerprint differs between the two. */
	static Set<String> changed(Map<String, String> before, Map<String, String> after) {
		Set<String> tables = new LinkedHashSet<>(before.keySet());
		tables.addAll(after.keySet());
		return tables.stream().filter(t -> !java.util.Objects.equals(before.get(t), after.get(t)))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** Those of the ids that are the id of a row of the organisation, in any of its tables. */
	Set<UUID> ownedBy(UUID orgId, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		String union = columns.keySet().stream().filter(t -> hasColumn(t, "id"))
			.map(t -> "select id from " + t + " where org_id = :org and id = any(:ids)").collect(Collectors.joining(" union "));
		Set<UUID> found = new LinkedHashSet<>(jdbc.sql(union).param("org", orgId).param("ids", ids.toArray(UUID[]::new))
			.query(UUID.class).list());
		if (ids.contains(orgId)) {
			found.add(orgId);
		}
		return found;
	}

	/** The ids in the requests the audit log recorded for the organisation: what its own people sent. */
	Set<UUID> idsAskedFor(UUID orgId) {
		Set<UUID> ids = new LinkedHashSet<>();
		for (String detail : jdbc.sql("select detail from platform_audit_event where org_id = :org and detail is not null")
			.param("org", orgId).query(String.class).list()) {
			ids.addAll(ApiWalkerTests.uuids(detail));
		}
		return ids;
	}

	/** Every stored hash and secret column's value: none may ever appear in an answer. */
	List<String> storedSecrets() {
		List<String> secrets = new ArrayList<>();
		for (String table : columns.keySet()) {
			for (String column : columns(table)) {
				if (column.endsWith("_hash") || column.endsWith("secret")) {
					secrets.addAll(jdbc.sql("select distinct " + column + " from " + table + " where " + column + " is not null")
						.query(String.class).list());
				}
			}
		}
		return secrets.stream().filter(s -> s.length() >= 16).toList();
	}
}
