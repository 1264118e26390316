package dev.tandem.crm.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import dev.tandem.crm.SavedView;
import dev.tandem.crm.SavedViewList;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved views of lists; every statement is bound to one organisation.
 */
@Repository
public class SavedViews {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<TreeMap<String, String>> FILTERS = new TypeReference<>() {
	};

	private static final String SELECT = """
			select v.*, u.display_name as owner_name from crm_saved_view v
			  join people_user_v u on u.org_id = v.org_id and u.id = v.owner_id
			""";

	private final JdbcClient jdbc;

	SavedViews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SavedView> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where v.org_id = :org and v.id = :id").param("org", orgId).param("id", id)
			.query(SavedViews::map).optional();
	}

	/** The viewer's own views of a list and the shared ones of {@code sharers}, by name. */
	public List<SavedView> visible(UUID orgId, UUID viewerId, Collection<UUID> sharers, @Nullable SavedViewList list) {
		return jdbc.sql(SELECT + """
				 where v.org_id = :org and (cast(:list as text) is null or v.list = :list)
				   and (v.owner_id = :viewer or (v.shared and v.owner_id = any(:sharers)))
				 order by lower(v.name), v.id
				""")
			.param("org", orgId).param("list", list == null ? null : list.name()).param("viewer", viewerId)
			.param("sharers", sharers.toArray(new UUID[0])).query(SavedViews::map).list();
	}

	public boolean nameTaken(UUID orgId, UUID ownerId, SavedViewList list, String name, @Nullable UUID except) {
		return jdbc.sql("""
				select count(*) from crm_saved_view where org_id = :org and owner_id = :owner and list = :list
				   and lower(name) = lower(:name) and (cast(:except as uuid) is null or id <> :except)
				""")
			.param("org", orgId).param("owner", ownerId).param("list", list.name()).param("name", name).param("except", except)
			.query(Long.class).single() > 0;
	}

	public void insert(UUID orgId, SavedView view, Instant at) {
		jdbc.sql("""
				insert into crm_saved_view (org_id, id, owner_id, list, name, filters, sort, columns, shared, created_at, updated_at)
				values (:org, :id, :owner, :list, :name, cast(:filters as jsonb), :sort, :columns, :shared, :at, :at)
				""")
			.param("org", orgId).param("id", view.id()).param("owner", view.ownerId()).param("list", view.list().name())
			.param("name", view.name()).param("filters", JSON.writeValueAsString(view.filters())).param("sort", view.sort())
			.param("columns", view.columns().toArray(new String[0])).param("shared", view.shared()).param("at", Timestamp.from(at))
			.update();
	}

	/** Writes the view if it is still at {@code version}; false when someone changed it in between. */
	public boolean update(UUID orgId, SavedView view, int version, Instant at) {
		return jdbc.sql("""
				update crm_saved_view set name = :name, filters = cast(:filters as jsonb), sort = :sort, columns = :columns,
				       shared = :shared, updated_at = :at, version = version + 1
				 where org_id = :org and id = :id and version = :version
				""")
			.param("name", view.name()).param("filters", JSON.writeValueAsString(view.filters())).param("sort", view.sort())
			.param("columns", view.columns().toArray(new String[0])).param("shared", view.shared()).param("at", Timestamp.from(at))
			.param("org", orgId).param("id", view.id()).param("version", version).update() == 1;
	}

	public void delete(UUID orgId, UUID id) {
		jdbc.sql("delete from crm_saved_view where org_id = :org and id = :id").param("org", orgId).param("id", id).update();
	}

	private static SavedView map(ResultSet rs, int row) throws SQLException {
		Array columns = rs.getArray("columns");
		return new SavedView(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("owner_name"),
				SavedViewList.valueOf(rs.getString("list")), rs.getString("name"),
				Collections.unmodifiableMap(JSON.readValue(rs.getString("filters"), FILTERS)), rs.getString("sort"),
				List.of((String[]) columns.getArray()), rs.getBoolean("shared"), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("version"));
	}
}
