package dev.tandem.platform.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import dev.tandem.platform.LiveUpdates;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on the live channel with a connection of its own and hands every notification to the relay.
 * A lost connection is replaced after a short pause; changes in between are missed, which costs an open
 * page one refresh it would otherwise have had, never data.
 */
@Component
class PgListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PgListener.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;
	private final LiveRelay relay;
	private volatile boolean running;
	private Thread thread;

	PgListener(DataSource dataSource, LiveRelay relay) {
		this.dataSource = dataSource;
		this.relay = relay;
	}

	@Override
	public void start() {
		running = true;
		thread = new Thread(this::listen, "live-listener");
		thread.setDaemon(true);
		thread.start();
	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + LiveUpdates.CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notifications = pg.getNotifications(500);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							relay.heard(parse(notification.getParameter()));
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (running) {
					log.warn("Live listener lost its connection ({}); listening again shortly", ex.getMessage());
					pause(Duration.ofSeconds(2));
				}
			}
		}
	}

	static Change parse(String payload) {
		JsonNode json = JSON.readTree(payload);
		return new Change(UUID.fromString(json.get("org").asString()), json.get("kind").asString(), ids(json.get("users")),
				ids(json.get("teams")));
	}

	private static Set<UUID> ids(JsonNode array) {
		Set<UUID> ids = new HashSet<>();
		if (array != null) {
			array.forEach(node -> ids.add(UUID.fromString(node.asString())));
		}
		return ids;
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
