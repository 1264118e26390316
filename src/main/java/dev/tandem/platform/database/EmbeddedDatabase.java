package dev.tandem.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, which can be stopped and started again while the application runs: it comes back on
 * the same port with the same data directory, so the connection pool finds it again by itself. Tests use this to
 * take the database away; an operator can do the same to see what users see meanwhile.
 */
public class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final Path pgData;
	private @Nullable EmbeddedPostgres postgres;
	private int port;

	EmbeddedDatabase(Path pgData) {
		this.pgData = pgData;
	}

	/** Starts PostgreSQL, on the port of the previous start if there was one; does nothing when it runs. */
	public synchronized void start() {
		if (postgres != null) {
			return;
		}
		long started = System.nanoTime();
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				// Durability first: the embedded database holds real data, not test fixtures.
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", "128MB")
				.setServerConfig("listen_addresses", "localhost")
				// No shutdown hook of its own: on SIGTERM it would stop PostgreSQL while the application still
				// closes (the event registry, the live listener, the pool), which then fail. The bean's destroy
				// method stops it after everything that uses it, and StaleServer handles a killed process.
				.setRegisterShutdownHook(false)
				// A start that has to recover after a hard stop, on a busy machine, may take longer than the default 10 s.
				.setPGStartupWait(java.time.Duration.ofSeconds(60));
			if (port != 0) {
				builder.setPort(port);
			}
			postgres = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded PostgreSQL did not start on " + pgData, ex);
		}
		port = postgres.getPort();
		log.info("Embedded PostgreSQL started in {} ms on port {} with data in {}",
				(System.nanoTime() - started) / 1_000_000, port, pgData.toAbsolutePath());
	}

	/** Stops PostgreSQL (a fast shutdown: open connections are closed); does nothing when it is stopped. */
	public synchronized void stop() {
		if (postgres == null) {
			return;
		}
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded PostgreSQL did not stop on " + pgData, ex);
		}
		finally {
			postgres = null;
		}
	}

	public synchronized boolean running() {
		return postgres != null;
	}

	/** The JDBC address for the superuser, the same after every start. */
	synchronized String jdbcUrl() {
		return jdbcUrl("postgres");
	}

	/** The JDBC address for one of the roles, the same after every start. */
	synchronized String jdbcUrl(String user) {
		if (postgres == null) {
			throw new IllegalStateException("Embedded PostgreSQL is not running");
		}
		return postgres.getJdbcUrl(user, "postgres");
	}

	@Override
	public void close() {
		stop();
	}
}
