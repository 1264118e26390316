package dev.tandem.people.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.platform.Tenancy;
import org.jspecify.annotations.Nullable;
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

	public void insert(UUID orgId, UUID id, UUID userId, byte[] hash, String purpose, Instant now, Instant expiresAt,
			UUID createdBy) {
		// A new link replaces any earlier unused one of the same user.
		jdbc.sql("update people_password_link set used_at = :now where org_id = :org and user_id = :user and used_at is null")
			.param("now", Timestamp.from(now)).param("org", orgId).param("user", userId).update();
		jdbc.sql("""
				insert into people_password_link (org_id, id, user_id, token_hash, purpose, created_at, expires_at, created_by)
				values (:org, :id, :user, :hash, :purpose, :now, :expires, :by)
				""")
			.param("org", orgId).param("id", id).param("user", userId).param("hash", hash).param("purpose", purpose)
			.param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt)).param("by", createdBy).update();
	}

	/** Ends the user's unused links at {@code now}: an invitation revoked. Answers whether there was one. */
	public boolean revoke(UUID orgId, UUID userId, Instant now) {
		return jdbc.sql("update people_password_link set used_at = :now where org_id = :org and user_id = :user and used_at is null and expires_at > :now")
			.param("now", Timestamp.from(now)).param("org", orgId).param("user", userId).update() > 0;
	}

	/** The invitations of active users that are neither used, revoked nor expired at {@code now}, newest first. */
	public List<PendingLink> pendingInvitations(UUID orgId, Instant now) {
		return jdbc.sql("""
				select l.user_id, u.display_name, u.email, l.created_at, b.display_name as invited_by, l.expires_at
				  from people_password_link l
				  join people_user u on u.org_id = l.org_id and u.id = l.user_id
				  left join people_user b on b.org_id = l.org_id and b.id = l.created_by
				 where l.org_id = :org and l.purpose = 'INVITE' and l.used_at is null and l.expires_at > :now and u.active
				 order by l.created_at desc, u.display_name
				""")
			.param("org", orgId).param("now", Timestamp.from(now))
			.query((rs, n) -> new PendingLink(rs.getObject("user_id", UUID.class), rs.getString("display_name"),
					rs.getString("email"), rs.getTimestamp("created_at").toInstant(), rs.getString("invited_by"),
					rs.getTimestamp("expires_at").toInstant()))
			.list();
	}

	/** An invitation still waiting to be used. */
	public record PendingLink(UUID userId, String displayName, String email, Instant invitedAt, @Nullable String invitedBy,
			Instant expiresAt) {
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
