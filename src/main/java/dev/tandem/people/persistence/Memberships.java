package dev.tandem.people.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.people.Membership;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who belonged to which team when; rows are ended, never deleted, so history stays.
 */
@Repository
public class Memberships {

	private static final String COLUMNS = "id, team_id, user_id, valid_from, valid_to";

	private final JdbcClient jdbc;

	Memberships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Membership> find(UUID orgId, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from people_membership where org_id = :org and id = :id")
			.param("org", orgId).param("id", id).query(Memberships::map).optional();
	}

	public List<Membership> ofTeam(UUID orgId, UUID teamId) {
		return jdbc.sql("select " + COLUMNS + " from people_membership where org_id = :org and team_id = :team order by valid_from, id")
			.param("org", orgId).param("team", teamId).query(Memberships::map).list();
	}

	public List<Membership> ofUser(UUID orgId, UUID userId) {
		return jdbc.sql("select " + COLUMNS + " from people_membership where org_id = :org and user_id = :user order by valid_from, id")
			.param("org", orgId).param("user", userId).query(Memberships::map).list();
	}

	public List<Membership> all(UUID orgId) {
		return jdbc.sql("select " + COLUMNS + " from people_membership where org_id = :org order by user_id, valid_from, id")
			.param("org", orgId).query(Memberships::map).list();
	}

	public List<Membership> validOn(UUID orgId, LocalDate day) {
		return jdbc.sql("select " + COLUMNS + """
				 from people_membership
				 where org_id = :org and valid_from <= :day and (valid_to is null or valid_to > :day)
				 order by valid_from, id
				""")
			.param("org", orgId).param("day", day).query(Memberships::map).list();
	}

	/** Whether the user has a membership of the team overlapping [from, to). */
	/** Who belongs to the team on the day, directly or through a team below it. */
	public List<UUID> membersOn(UUID orgId, UUID teamId, LocalDate day) {
		return jdbc.sql("""
				select distinct user_id from people_team_member_v
				 where org_id = :org and team_id = :team and valid_from <= :day and (valid_to is null or valid_to > :day)
				 order by user_id
				""")
			.param("org", orgId).param("team", teamId).param("day", day).query(UUID.class).list();
	}

	/** The teams the user belongs to on the day, directly or through a team below them. */
	public List<UUID> teamsOf(UUID orgId, UUID userId, LocalDate day) {
		return jdbc.sql("""
				select distinct team_id from people_team_member_v
				 where org_id = :org and user_id = :user and valid_from <= :day and (valid_to is null or valid_to > :day)
				 order by team_id
				""")
			.param("org", orgId).param("user", userId).param("day", day).query(UUID.class).list();
	}

	public boolean overlaps(UUID orgId, UUID teamId, UUID userId, LocalDate from, @Nullable LocalDate to) {
		return jdbc.sql("""
				select exists (select 1 from people_membership
				 where org_id = :org and team_id = :team and user_id = :user
				   and (valid_to is null or valid_to > :from)
				   and (cast(:to as date) is null or valid_from < :to))
				""")
			.param("org", orgId).param("team", teamId).param("user", userId).param("from", from).param("to", to)
			.query(Boolean.class).single();
	}

	public void insert(UUID orgId, Membership membership) {
		jdbc.sql("insert into people_membership (org_id, id, team_id, user_id, valid_from, valid_to) values (:org, :id, :team, :user, :from, :to)")
			.param("org", orgId).param("id", membership.id()).param("team", membership.teamId())
			.param("user", membership.userId()).param("from", membership.validFrom()).param("to", membership.validTo())
			.update();
	}

	public void end(UUID orgId, UUID id, LocalDate validTo) {
		jdbc.sql("update people_membership set valid_to = :to where org_id = :org and id = :id")
			.param("to", validTo).param("org", orgId).param("id", id).update();
	}

	/** Whether another membership of the user in the team than {@code except} overlaps the period. */
	public boolean overlapsOther(UUID orgId, UUID except, UUID teamId, UUID userId, LocalDate from, @Nullable LocalDate to) {
		return jdbc.sql("""
				select exists (select 1 from people_membership
				 where org_id = :org and team_id = :team and user_id = :user and id <> :except
				   and (valid_to is null or valid_to > :from)
				   and (cast(:to as date) is null or valid_from < :to))
				""")
			.param("org", orgId).param("team", teamId).param("user", userId).param("except", except).param("from", from).param("to", to)
			.query(Boolean.class).single();
	}

	public void start(UUID orgId, UUID id, LocalDate validFrom) {
		jdbc.sql("update people_membership set valid_from = :from where org_id = :org and id = :id")
			.param("from", validFrom).param("org", orgId).param("id", id).update();
	}

	public void delete(UUID orgId, UUID id) {
		jdbc.sql("delete from people_membership where org_id = :org and id = :id").param("org", orgId).param("id", id).update();
	}

	static Membership map(ResultSet rs, int row) throws SQLException {
		return new Membership(rs.getObject("id", UUID.class), rs.getObject("team_id", UUID.class),
				rs.getObject("user_id", UUID.class), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class));
	}
}
