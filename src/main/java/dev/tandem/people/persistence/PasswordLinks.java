package dev.tandem.people.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time links that let a user set their password (an invitation or a reset by an admin).
 */
@Repository
public class PasswordLinks {

	private final JdbcClient jdbc;

	PasswordLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID orgId, UUID id, UUID userId, byte[] hash, String purpose, Instant now, Instant expiresAt) {
		// A new link replaces any earlier unused one of the same user.
		jdbc.sql("update people_password_link set used_at = :now where org_id = :org and user_id = :user and used_at is null")
			.param("now", Timestamp.from(now)).param("org", orgId).param("user", userId).update();
		jdbc.sql("insert into people_password_link (org_id, id, user_id, token_hash, purpose, expires_at) values (:org, :id, :user, :hash, :purpose, :expires)")
			.param("org", orgId).param("id", id).param("user", userId).param("hash", hash).param("purpose", purpose)
			.param("expires", Timestamp.from(expiresAt)).update();
	}

	/** Marks the live link with this hash as used and answers its user; empty if unknown, used or expired at {@code now}. */
	public Optional<LinkUser> consume(byte[] hash, Instant now) {
		// Across organisations: whose link it is is known only once it is found.
		return Tenancy.asSystem(() -> jdbc.sql("""
				update people_password_link set used_at = :now
				 where token_hash = :hash and used_at is null and expires_at > :now
				returning org_id, user_id
				""")
			.param("hash", hash).param("now", Timestamp.from(now))
			.query((rs, n) -> new LinkUser(rs.getObject("org_id", UUID.class), rs.getObject("user_id", UUID.class)))
			.optional());
	}

	public Optional<LinkUser> peek(byte[] hash, Instant now) {
		return Tenancy.asSystem(() -> jdbc.sql("select org_id, user_id from people_password_link where token_hash = :hash and used_at is null and expires_at > :now")
			.param("hash", hash).param("now", Timestamp.from(now))
			.query((rs, n) -> new LinkUser(rs.getObject("org_id", UUID.class), rs.getObject("user_id", UUID.class)))
			.optional());
	}

	public record LinkUser(UUID orgId, UUID userId) {
	}
}
