package dev.tandem.exchange.persistence;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.exchange.EntityKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The column and value mappings an organisation last used per kind of import.
 */
@Repository
public class Mappings {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Mappings(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<Saved> find(UUID orgId, EntityKind kind) {
		return jdbc.sql("select columns::text as columns, value_map::text as value_map from exchange_mapping where org_id = :org and kind = :kind")
			.param("org", orgId).param("kind", kind.name())
			.query((rs, n) -> new Saved(json.readValue(rs.getString("columns"), new TypeReference<Map<String, String>>() { }),
					json.readValue(rs.getString("value_map"), new TypeReference<Map<String, Map<String, String>>>() { })))
			.optional();
	}

	public void save(UUID orgId, EntityKind kind, Saved mapping, UUID by) {
		jdbc.sql("""
				insert into exchange_mapping (org_id, kind, columns, value_map, updated_by)
				values (:org, :kind, cast(:columns as jsonb), cast(:values as jsonb), :by)
				on conflict (org_id, kind) do update set columns = excluded.columns, value_map = excluded.value_map,
				       updated_at = now(), updated_by = excluded.updated_by
				""")
			.param("org", orgId).param("kind", kind.name()).param("columns", json.writeValueAsString(mapping.columns()))
			.param("values", json.writeValueAsString(mapping.values())).param("by", by).update();
	}

	/** Field to column, and per category source value to target. */
	public record Saved(Map<String, String> columns, Map<String, Map<String, String>> values) {
	}
}
