package dev.tandem.people.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.people.ApiToken;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal API tokens; only a SHA-256 hash of each secret is stored.
 */
@Repository
public class ApiTokens {

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID orgId, UUID id, UUID userId, String name, byte[] hash, String hint, Instant createdAt,
			@Nullable Instant expiresAt) {
		jdbc.sql("""
				insert into people_api_token (org_id, id, user_id, name, token_hash, hint, created_at, expires_at)
				values (:org, :id, :user, :name, :hash, :hint, :created, :expires)
				""")
			.param("org", orgId).param("id", id).param("user", userId).param("name", name).param("hash", hash)
			.param("hint", hint).param("created", Timestamp.from(createdAt))
			.param("expires", expiresAt == null ? null : Timestamp.from(expiresAt)).update();
	}

	public List<ApiToken> ofUser(UUID orgId, UUID userId) {
		return jdbc.sql("""
				select id, name, hint, created_at, last_used_at, expires_at, revoked_at from people_api_token
				 where org_id = :org and user_id = :user order by revoked_at nulls first, created_at desc
				""")
			.param("org", orgId).param("user", userId)
			.query((rs, n) -> new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("hint"),
					rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
					instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at"))))
			.list();
	}

	public boolean revoke(UUID orgId, UUID userId, UUID id, Instant at) {
		return jdbc.sql("update people_api_token set revoked_at = :at where org_id = :org and user_id = :user and id = :id and revoked_at is null")
			.param("at", Timestamp.from(at)).param("org", orgId).param("user", userId).param("id", id).update() == 1;
	}

	/** The token with this hash and its user, if it is neither revoked nor expired at {@code now} and the user is active. */
	public Optional<TokenOwner> findActive(byte[] hash, Instant now) {
		return jdbc.sql("""
				select t.org_id, t.id, t.user_id, t.last_used_at from people_api_token t
				  join people_user u on u.org_id = t.org_id and u.id = t.user_id
				 where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > :now)
				   and u.active
				""")
			.param("hash", hash).param("now", Timestamp.from(now))
			.query((rs, n) -> new TokenOwner(rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class),
					rs.getObject("user_id", UUID.class), instant(rs.getTimestamp("last_used_at"))))
			.optional();
	}

	public void touch(UUID orgId, UUID id, Instant at) {
		jdbc.sql("update people_api_token set last_used_at = :at where org_id = :org and id = :id")
			.param("org", orgId).param("id", id).param("at", Timestamp.from(at)).update();
	}

	private static @Nullable Instant instant(@Nullable Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

	public record TokenOwner(UUID orgId, UUID tokenId, UUID userId, @Nullable Instant lastUsedAt) {
	}
}
