package dev.tandem.crm.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import dev.tandem.crm.CustomField;
import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.CustomFieldType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Custom field definitions, and their values in the {@code custom} column of the records; every statement is bound to
 * one organisation.
 */
@Repository
public class CustomFields {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<TreeMap<String, String>> VALUES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	CustomFields(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The definitions by kind and position; inactive ones too when asked. */
	public List<CustomField> list(UUID orgId, @Nullable CustomFieldKind kind, boolean withInactive) {
		return jdbc.sql("""
				select * from crm_custom_field
				 where org_id = :org and (cast(:kind as text) is null or kind = :kind) and (active or :withInactive)
				 order by kind, position, key
				""")
			.param("org", orgId).param("kind", kind == null ? null : kind.name()).param("withInactive", withInactive)
			.query(CustomFields::map).list();
	}

	public Optional<CustomField> find(UUID orgId, UUID id) {
		return jdbc.sql("select * from crm_custom_field where org_id = :org and id = :id").param("org", orgId).param("id", id)
			.query(CustomFields::map).optional();
	}

	public boolean keyTaken(UUID orgId, CustomFieldKind kind, String key) {
		return jdbc.sql("select count(*) from crm_custom_field where org_id = :org and kind = :kind and key = :key")
			.param("org", orgId).param("kind", kind.name()).param("key", key).query(Long.class).single() > 0;
	}

	public int nextPosition(UUID orgId, CustomFieldKind kind) {
		return jdbc.sql("select coalesce(max(position), 0) + 1 from crm_custom_field where org_id = :org and kind = :kind")
			.param("org", orgId).param("kind", kind.name()).query(Integer.class).single();
	}

	public void insert(UUID orgId, UUID id, CustomFieldKind kind, String key, String label, CustomFieldType type,
			List<String> choices, int position, boolean active, Instant at, String by) {
		jdbc.sql("""
				insert into crm_custom_field (org_id, id, kind, key, label, type, choices, position, active, created_at, updated_at,
				       updated_by, version)
				values (:org, :id, :kind, :key, :label, :type, :choices, :position, :active, :at, :at, :by, 0)
				""")
			.param("org", orgId).param("id", id).param("kind", kind.name()).param("key", key).param("label", label)
			.param("type", type.name()).param("choices", choices.toArray(new String[0])).param("position", position)
			.param("active", active).param("at", Timestamp.from(at)).param("by", by).update();
	}

	/** Changes a definition if it is still at {@code version}; false when someone changed it in between. */
	public boolean update(UUID orgId, UUID id, int version, String label, List<String> choices, int position, boolean active,
			Instant at, String by) {
		return jdbc.sql("""
				update crm_custom_field set label = :label, choices = :choices, position = :position, active = :active,
				       updated_at = :at, updated_by = :by, version = version + 1
				 where org_id = :org and id = :id and version = :version
				""")
			.param("org", orgId).param("id", id).param("version", version).param("label", label)
			.param("choices", choices.toArray(new String[0])).param("position", position).param("active", active)
			.param("at", Timestamp.from(at)).param("by", by).update() == 1;
	}

	/**
	 * Sets the values of one record: keys with a text take it, keys with null lose their value; the others stay. The
	 * record's own write (and version) goes with it in the same command.
	 */
	public void store(UUID orgId, CustomFieldKind kind, UUID recordId, Map<String, @Nullable String> values) {
		if (values.isEmpty()) {
			return;
		}
		Map<String, String> set = new TreeMap<>();
		values.forEach((key, value) -> {
			if (value != null) {
				set.put(key, value);
			}
		});
		String[] removed = values.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toArray(String[]::new);
		jdbc.sql("update " + table(kind) + " set custom = (custom || cast(:set as jsonb)) - cast(:removed as text[])"
				+ " where org_id = :org and id = :id")
			.param("set", JSON.writeValueAsString(set)).param("removed", removed).param("org", orgId).param("id", recordId).update();
	}

	/** The custom values of the records of one kind, by record id, for exports. */
	public Map<UUID, Map<String, String>> valuesOf(UUID orgId, CustomFieldKind kind) {
		Map<UUID, Map<String, String>> values = new java.util.HashMap<>();
		jdbc.sql("select id, custom from " + table(kind) + " where org_id = :org and custom <> '{}' and deleted_at is null")
			.param("org", orgId)
			.query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), values(rs)))
			.list().forEach(e -> values.put(e.getKey(), e.getValue()));
		return values;
	}

	/** The custom values of the row, read from its {@code custom} column. */
	public static Map<String, String> values(ResultSet rs) throws SQLException {
		String json = rs.getString("custom");
		return json == null || json.equals("{}") ? Map.of() : Collections.unmodifiableSortedMap(JSON.readValue(json, VALUES));
	}

	// Table names come from this switch only, never from input.
	private static String table(CustomFieldKind kind) {
		return switch (kind) {
			case ACCOUNT -> "crm_account";
			case CONTACT -> "crm_contact";
			case DEAL -> "crm_deal";
			case LEAD -> "crm_lead";
		};
	}

	private static CustomField map(ResultSet rs, int n) throws SQLException {
		return new CustomField(rs.getObject("id", UUID.class), CustomFieldKind.valueOf(rs.getString("kind")), rs.getString("key"),
				rs.getString("label"), CustomFieldType.valueOf(rs.getString("type")),
				List.copyOf(Arrays.asList((String[]) rs.getArray("choices").getArray())), rs.getInt("position"),
				rs.getBoolean("active"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getInt("version"));
	}
}
