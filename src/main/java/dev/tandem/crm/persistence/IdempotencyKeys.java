package dev.tandem.crm.persistence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers which resource a creating request with an {@code Idempotency-Key} made, per organisation
 * and user, for at least 24 hours.
 */
@Repository
public class IdempotencyKeys {

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the key for a new resource. If another request holds it, waits until that request's
	 * transaction ends, then answers false.
	 */
	public boolean claim(UUID orgId, UUID userId, String key, String requestHash, String resourceType, UUID resourceId) {
		return jdbc.sql("""
				insert into crm_idempotency_key (org_id, user_id, key, request_hash, resource_type, resource_id)
				values (:org, :user, :key, :hash, :type, :resource)
				on conflict do nothing
				""")
			.param("org", orgId).param("user", userId).param("key", key).param("hash", requestHash).param("type", resourceType)
			.param("resource", resourceId).update() == 1;
	}

	public Optional<Claimed> find(UUID orgId, UUID userId, String key) {
		return jdbc.sql("select request_hash, resource_type, resource_id from crm_idempotency_key where org_id = :org and user_id = :user and key = :key")
			.param("org", orgId).param("user", userId).param("key", key)
			.query((rs, n) -> new Claimed(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class))).optional();
	}

	/** Forgets keys older than two days; they are promised for one. */
	public void purge() {
		jdbc.sql("delete from crm_idempotency_key where created_at < now() - interval '2 days'").update();
	}

	public record Claimed(String requestHash, String resourceType, UUID resourceId) {
	}
}
