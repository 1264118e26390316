package dev.tandem.platform;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every application node that something changed for some people or teams, so open dashboards, goal
 * pages and pipeline boards refresh within a second.
 * <p>
 * A change goes out as a PostgreSQL {@code NOTIFY} on the current transaction: it is delivered when the
 * transaction commits and never when it rolls back, and it reaches every node that listens on the same
 * database, so several nodes behind a load balancer stay live without any other infrastructure.
 */
@Component
public class LiveUpdates {

	/** The channel every node listens on. */
	public static final String CHANNEL = "tandem_live";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	LiveUpdates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Announces a change of the given kind (e.g. {@code activity}, {@code deal}, {@code goal}) that concerns
	 * these people and teams of one organisation.
	 */
	public void changed(UUID orgId, String kind, Collection<UUID> users, Collection<UUID> teams) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("org", orgId);
		payload.put("kind", kind);
		payload.put("users", users);
		payload.put("teams", teams);
		jdbc.sql("select pg_notify(:channel, :payload)").param("channel", CHANNEL).param("payload", JSON.writeValueAsString(payload))
			.query((rs, n) -> 1).list();
	}
}
