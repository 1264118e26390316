package dev.tandem.people.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.people.Role;
import dev.tandem.people.FoundUser;
import dev.tandem.people.User;
import dev.tandem.platform.Tenancy;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users of every organisation; each statement is bound to one organisation.
 */
@Repository
public class Users {

	private static final String COLUMNS = "org_id, id, email, display_name, role, locale, active, version, updated_at, updated_by";

	private static final String FILTER = """
			where u.org_id = :org
			  and (cast(:role as text) is null or u.role = :role)
			  and (cast(:active as boolean) is null or u.active = :active)
			  and (cast(:q as text) is null or u.display_name ilike '%' || :q || '%' or u.email ilike '%' || :q || '%')
			  and (cast(:within as uuid[]) is null or u.id = any(:within))
			  and (cast(:team as uuid) is null or exists (
			        select 1 from people_membership m
			         where m.org_id = u.org_id and m.user_id = u.id and m.team_id = :team
			           and m.valid_from <= :today and (m.valid_to is null or m.valid_to > :today)))
			""";

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<User> find(UUID orgId, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from people_user where org_id = :org and id = :id")
			.param("org", orgId).param("id", id)
			.query(Users::map).optional();
	}

	/** A user with whether they chose their language, as a signed-in session is checked against on each request. */
	public Optional<Login> findSignedIn(UUID orgId, UUID id) {
		return jdbc.sql("select " + COLUMNS + ", locale_chosen from people_user where org_id = :org and id = :id")
			.param("org", orgId).param("id", id)
			.query((rs, n) -> new Login(map(rs, n), null, rs.getBoolean("locale_chosen"))).optional();
	}

	public List<User> findAll(UUID orgId) {
		return jdbc.sql("select " + COLUMNS + " from people_user where org_id = :org order by display_name")
			.param("org", orgId)
			.query(Users::map).list();
	}

	/**
	 * Of each organisation, those with the most users first and at most {@code limit}, an active admin and an active
	 * manager who leads a team; across organisations, so only for work that runs for no one (start-up).
	 */
	public List<User> startUpUsers(int limit) {
		return jdbc.sql("""
				with orgs as (select org_id, count(*) as size from people_user group by org_id order by size desc limit :limit)
				select u.* from orgs o cross join lateral (
				  (select * from people_user a where a.org_id = o.org_id and a.role = 'ADMIN' and a.active order by a.id limit 1)
				  union all
				  (select * from people_user m where m.org_id = o.org_id and m.role = 'MANAGER' and m.active
				      and exists (select 1 from people_team t where t.org_id = m.org_id and t.leader_id = m.id)
				    order by m.id limit 1)) u
				 order by o.size desc, u.role
				""").param("limit", limit).query(Users::map).list();
	}

	/** Every user's display name by id. */
	public Map<UUID, String> displayNames(UUID orgId) {
		Map<UUID, String> names = new HashMap<>();
		jdbc.sql("select id, display_name from people_user where org_id = :org").param("org", orgId)
			.query(rs -> {
				names.put(rs.getObject("id", UUID.class), rs.getString("display_name"));
			});
		return names;
	}

	public List<User> page(UUID orgId, UserFilter filter, LocalDate today, @Nullable UUID after, int fetchSize) {
		return filtered("select " + COLUMNS + " from people_user u " + FILTER
				+ " and (cast(:after as uuid) is null or u.id > :after) order by u.id limit :limit", orgId, filter, today)
			.param("after", after).param("limit", fetchSize)
			.query(Users::map).list();
	}

	public long count(UUID orgId, UserFilter filter, LocalDate today) {
		return filtered("select count(*) from people_user u " + FILTER, orgId, filter, today).query(Long.class).single();
	}

	/** The filter's team is the team a user belongs to on {@code today}. */
	private JdbcClient.StatementSpec filtered(String sql, UUID orgId, UserFilter filter, LocalDate today) {
		return jdbc.sql(sql)
			.param("org", orgId)
			.param("today", today)
			.param("role", filter.role() == null ? null : filter.role().name())
			.param("active", filter.active())
			.param("q", filter.query())
			.param("team", filter.teamId())
			.param("within", filter.within() == null ? null : filter.within().toArray(UUID[]::new));
	}

	/**
	 * Active users among {@code within} whose name or e-mail address holds {@code text} or a word like it (pg_trgm word
	 * similarity, so a typo still finds them), the most similar first; {@code like} is {@code text} as an escaped
	 * {@code ilike} pattern.
	 */
	public List<FoundUser> search(UUID orgId, java.util.Set<UUID> within, String text, String like, int limit) {
		return jdbc.sql("""
				select * from (select u.*, greatest(word_similarity(:q, u.display_name), word_similarity(:q, u.email)) as score,
				       greatest(similarity(:q, u.display_name), similarity(:q, u.email)) as closeness
				  from people_user u
				 where u.org_id = :org and u.active and u.id = any(:within)
				   and u.id in (select people_search_matches(:q, :like))
				) hit
				 order by hit.score + hit.closeness desc, lower(hit.display_name), hit.id
				 limit :limit
				""")
			.param("org", orgId).param("within", within.toArray(UUID[]::new)).param("q", text).param("like", like)
			.param("limit", limit)
			.query((rs, n) -> new FoundUser(map(rs, n), rs.getDouble("score"), rs.getDouble("closeness"))).list();
	}

	/** Across organisations: an e-mail address is a login name, unique in the installation. */
	public boolean emailTaken(String email, @Nullable UUID exceptUserId) {
		return Tenancy.asSystem(() -> jdbc.sql("select exists (select 1 from people_user where email = :email and (cast(:except as uuid) is null or id <> :except))")
			.param("email", email).param("except", exceptUserId)
			.query(Boolean.class).single());
	}

	/** Adds a user; {@code localeChosen} when the language was given for them rather than taken from the organisation. */
	public void insert(UUID orgId, UUID id, String email, String displayName, Role role, String locale, boolean localeChosen,
			@Nullable String passwordHash, String actor) {
		jdbc.sql("""
				insert into people_user (org_id, id, email, display_name, role, locale, locale_chosen, password_hash, updated_by)
				values (:org, :id, :email, :name, :role, :locale, :chosen, :hash, :actor)
				""")
			.param("org", orgId).param("id", id).param("email", email).param("name", displayName)
			.param("role", role.name()).param("locale", locale).param("chosen", localeChosen).param("hash", passwordHash)
			.param("actor", actor).update();
	}

	/**
	 * Writes the editable fields if the stored version is still {@code expectedVersion}.
	 * @return whether the row was updated (false: changed meanwhile, or gone)
	 */
	public boolean update(User changed, int expectedVersion, String actor) {
		return jdbc.sql("""
				update people_user
				   set email = :email, display_name = :name, role = :role, locale = :locale, active = :active,
				       version = version + 1, updated_at = now(), updated_by = :actor
				 where org_id = :org and id = :id and version = :version
				""")
			.param("email", changed.email()).param("name", changed.displayName()).param("role", changed.role().name())
			.param("locale", changed.locale()).param("active", changed.active()).param("actor", actor)
			.param("org", changed.orgId()).param("id", changed.id()).param("version", expectedVersion)
			.update() == 1;
	}

	/** The language the user chose themselves. */
	public void setLocale(UUID orgId, UUID id, String locale) {
		jdbc.sql("""
				update people_user set locale = :locale, locale_chosen = true, version = version + 1, updated_at = now()
				 where org_id = :org and id = :id
				""").param("locale", locale).param("org", orgId).param("id", id).update();
	}

	public void setPasswordHash(UUID orgId, UUID id, String passwordHash) {
		jdbc.sql("update people_user set password_hash = :hash where org_id = :org and id = :id")
			.param("hash", passwordHash).param("org", orgId).param("id", id).update();
	}

	/** Across organisations: who signs in is known only once their e-mail address is found. */
	public Optional<Login> findLogin(String email) {
		return Tenancy.asSystem(() -> jdbc.sql("select " + COLUMNS + ", password_hash, locale_chosen from people_user where email = :email")
			.param("email", email)
			.query((rs, n) -> new Login(map(rs, n), rs.getString("password_hash"), rs.getBoolean("locale_chosen"))).optional());
	}

	public @Nullable String passwordHash(UUID orgId, UUID id) {
		return jdbc.sql("select password_hash from people_user where org_id = :org and id = :id")
			.param("org", orgId).param("id", id).query(String.class).optional().orElse(null);
	}

	static User map(ResultSet rs, int row) throws SQLException {
		return new User(rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class), rs.getString("email"),
				rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("locale"),
				rs.getBoolean("active"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("updated_by"));
	}

	/** A user with the hash of their password and whether they chose their language, for signing in only. */
	public record Login(User user, @Nullable String passwordHash, boolean languageChosen) {
	}

	/** Optional criteria of a user list; {@code null} means any. {@code within} keeps the list to those users. */
	public record UserFilter(@Nullable Role role, @Nullable Boolean active, @Nullable String query, @Nullable UUID teamId,
			java.util.@Nullable Set<UUID> within) {

		public static final UserFilter ALL = new UserFilter(null, null, null, null);

		public UserFilter(@Nullable Role role, @Nullable Boolean active, @Nullable String query, @Nullable UUID teamId) {
			this(role, active, query, teamId, null);
		}

		public UserFilter within(java.util.Set<UUID> users) {
			return new UserFilter(role, active, query, teamId, users);
		}
	}
}
