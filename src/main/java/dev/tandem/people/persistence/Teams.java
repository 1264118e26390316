package dev.tandem.people.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Teams and departments of every organisation; each statement is bound to one organisation.
 */
@Repository
public class Teams {

	private static final String COLUMNS = "org_id, id, name, kind, parent_id, leader_id, version, updated_at, updated_by";

	private final JdbcClient jdbc;

	Teams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Team> find(UUID orgId, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from people_team where org_id = :org and id = :id")
			.param("org", orgId).param("id", id).query(Teams::map).optional();
	}

	public List<Team> findAll(UUID orgId) {
		return jdbc.sql("select " + COLUMNS + " from people_team where org_id = :org order by name")
			.param("org", orgId).query(Teams::map).list();
	}

	public List<Team> page(UUID orgId, @Nullable TeamKind kind, @Nullable UUID after, int fetchSize) {
		return jdbc.sql("select " + COLUMNS + """
				 from people_team
				 where org_id = :org and (cast(:kind as text) is null or kind = :kind)
				   and (cast(:after as uuid) is null or id > :after)
				 order by id limit :limit
				""")
			.param("org", orgId).param("kind", kind == null ? null : kind.name()).param("after", after)
			.param("limit", fetchSize).query(Teams::map).list();
	}

	public long count(UUID orgId, @Nullable TeamKind kind) {
		return jdbc.sql("select count(*) from people_team where org_id = :org and (cast(:kind as text) is null or kind = :kind)")
			.param("org", orgId).param("kind", kind == null ? null : kind.name()).query(Long.class).single();
	}

	public boolean nameTaken(UUID orgId, String name, @Nullable UUID exceptTeamId) {
		return jdbc.sql("select exists (select 1 from people_team where org_id = :org and lower(name) = lower(:name) and (cast(:except as uuid) is null or id <> :except))")
			.param("org", orgId).param("name", name).param("except", exceptTeamId).query(Boolean.class).single();
	}

	/** The team and all teams below it, to refuse a parent that would close a cycle. */
	public List<UUID> subtree(UUID orgId, UUID teamId) {
		return jdbc.sql("""
				with recursive below as (
				  select id from people_team where org_id = :org and id = :team
				  union
				  select t.id from people_team t join below b on t.parent_id = b.id where t.org_id = :org
				)
				select id from below
				""")
			.param("org", orgId).param("team", teamId).query(UUID.class).list();
	}

	public void insert(Team team, String actor) {
		jdbc.sql("""
				insert into people_team (org_id, id, name, kind, parent_id, leader_id, updated_by)
				values (:org, :id, :name, :kind, :parent, :leader, :actor)
				""")
			.param("org", team.orgId()).param("id", team.id()).param("name", team.name()).param("kind", team.kind().name())
			.param("parent", team.parentId()).param("leader", team.leaderId()).param("actor", actor)
			.update();
	}

	public boolean update(Team changed, int expectedVersion, String actor) {
		return jdbc.sql("""
				update people_team
				   set name = :name, kind = :kind, parent_id = :parent, leader_id = :leader,
				       version = version + 1, updated_at = now(), updated_by = :actor
				 where org_id = :org and id = :id and version = :version
				""")
			.param("name", changed.name()).param("kind", changed.kind().name()).param("parent", changed.parentId())
			.param("leader", changed.leaderId()).param("actor", actor)
			.param("org", changed.orgId()).param("id", changed.id()).param("version", expectedVersion)
			.update() == 1;
	}

	static Team map(ResultSet rs, int row) throws SQLException {
		return new Team(rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class), rs.getString("name"),
				TeamKind.valueOf(rs.getString("kind")), rs.getObject("parent_id", UUID.class),
				rs.getObject("leader_id", UUID.class), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("updated_by"));
	}
}
