package dev.tandem.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;


import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL whose data directory persists between runs, unless an external
 * database is configured through {@code spring.datasource.url}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(DataDirectory dataDirectory) throws IOException {
		Path pgData = dataDirectory.path().resolve("postgres");
		Files.createDirectories(pgData);
		StaleServer.stopIfRunning(pgData);
		long started = System.nanoTime();
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
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
			.setPGStartupWait(java.time.Duration.ofSeconds(60))
			.start();
		log.info("Embedded PostgreSQL started in {} ms on port {} with data in {}",
				(System.nanoTime() - started) / 1_000_000, postgres.getPort(), pgData.toAbsolutePath());
		return postgres;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setPoolName("tandem");
		config.setMaximumPoolSize(20);
		return new HikariDataSource(config);
	}

}
