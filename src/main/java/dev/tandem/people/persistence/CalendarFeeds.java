package dev.tandem.people.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users' calendar feed addresses; only a SHA-256 hash of each secret is stored.
 */
@Repository
public class CalendarFeeds {

	private final JdbcClient jdbc;

	CalendarFeeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the user's feed, replacing the one they had. */
	public void replace(UUID orgId, UUID userId, byte[] hash, Instant createdAt) {
		jdbc.sql("""
				insert into people_calendar_feed (org_id, user_id, token_hash, created_at) values (:org, :user, :hash, :created)
				on conflict (org_id, user_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at
				""")
			.param("org", orgId).param("user", userId).param("hash", hash).param("created", Timestamp.from(createdAt)).update();
	}

	public boolean delete(UUID orgId, UUID userId) {
		return jdbc.sql("delete from people_calendar_feed where org_id = :org and user_id = :user")
			.param("org", orgId).param("user", userId).update() == 1;
	}

	public Optional<Instant> createdAt(UUID orgId, UUID userId) {
		return jdbc.sql("select created_at from people_calendar_feed where org_id = :org and user_id = :user")
			.param("org", orgId).param("user", userId)
			.query((rs, n) -> rs.getTimestamp("created_at").toInstant()).optional();
	}

	/** The organisation and user of the feed with this hash, if its user is active. */
	public Optional<FeedOwner> findActive(byte[] hash) {
		return jdbc.sql("""
				select f.org_id, f.user_id from people_calendar_feed f
				  join people_user u on u.org_id = f.org_id and u.id = f.user_id
				 where f.token_hash = :hash and u.active
				""")
			.param("hash", hash)
			.query((rs, n) -> new FeedOwner(rs.getObject("org_id", UUID.class), rs.getObject("user_id", UUID.class)))
			.optional();
	}

	public record FeedOwner(UUID orgId, UUID userId) {
	}
}
