package dev.tandem.goals;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one rule of which records count for a person or a team, as SQL for read models: a record counts for
 * a team when its owner belonged to the team, directly or through a team below, on the record's day.
 * <p>
 * Use {@link #MEMBERS} as the first common table expression of a query (it binds {@code :org},
 * {@code :scope} and {@code :team} through {@link #bind}), then {@link #owners(String)} to narrow by index
 * and {@link #memberOn(String, String)} for the day. Both come padded with spaces, because a text block
 * drops the space at the end of a line such as {@code "... and "}.
 */
public final class ScopeSql {

	/**
	 * {@code with members as (...)}: the scope's people with the days they belonged to it; for a person (or a
	 * list of people) every day. {@code grp} is the team they belonged to it through (for {@link #bindTeams}, each
	 * of the teams asked for), or the person.
	 */
	public static final String MEMBERS = """
			with members as materialized (
			  select m.team_id as grp, m.user_id, m.valid_from, m.valid_to from people_team_member_v m
			   where m.org_id = :org and m.team_id = any(cast(:teams as uuid[]))
			     and (cardinality(cast(:only as uuid[])) = 0 or m.user_id = any(cast(:only as uuid[])))
			  union all
			  select p, p, date '-infinity', cast(null as date) from unnest(cast(:people as uuid[])) p
			)
			""";

	private ScopeSql() {
	}

	/** The owner is one of the scope's people at some time. */
	public static String owners(String owner) {
		return " " + owner + " in (select user_id from members) ";
	}

	/** The owner belonged to the scope on the given day (a SQL date expression). */
	public static String memberOn(String owner, String day) {
		return " exists (select 1 from members m where m.user_id = " + owner + " and m.valid_from <= " + day
				+ " and (m.valid_to is null or m.valid_to > " + day + ")) ";
	}

	/** The owner belonged to the group {@code grp} (a SQL expression) of the scope on the given day. */
	public static String memberOfOn(String grp, String owner, String day) {
		return " exists (select 1 from members m where m.grp = " + grp + " and m.user_id = " + owner + " and m.valid_from <= " + day
				+ " and (m.valid_to is null or m.valid_to > " + day + ")) ";
	}

	public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, UUID orgId, Scope scope) {
		return statement.param("org", orgId).param("teams", scope.isTeam() ? new UUID[] { scope.id() } : new UUID[0])
			.param("people", scope.isTeam() ? new UUID[0] : new UUID[] { scope.id() }).param("only", new UUID[0]);
	}

	/** Binds a list of people, each counting everything they own. */
	public static JdbcClient.StatementSpec bindPeople(JdbcClient.StatementSpec statement, UUID orgId, java.util.Collection<UUID> people) {
		return statement.param("org", orgId).param("teams", new UUID[0]).param("people", people.toArray(UUID[]::new))
			.param("only", new UUID[0]);
	}

	/** Binds several teams at once, each with its own members ({@code grp} tells them apart). */
	public static JdbcClient.StatementSpec bindTeams(JdbcClient.StatementSpec statement, UUID orgId, java.util.Collection<UUID> teams) {
		return statement.param("org", orgId).param("teams", teams.toArray(UUID[]::new)).param("people", new UUID[0])
			.param("only", new UUID[0]);
	}

	/** Binds a team, counting only some of its members (what they did while they belonged to it). */
	public static JdbcClient.StatementSpec bindMembers(JdbcClient.StatementSpec statement, UUID orgId, UUID team,
			java.util.Collection<UUID> members) {
		return statement.param("org", orgId).param("teams", new UUID[] { team }).param("people", new UUID[0])
			.param("only", members.toArray(UUID[]::new));
	}
}
