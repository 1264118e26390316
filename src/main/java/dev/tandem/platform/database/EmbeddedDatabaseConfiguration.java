package dev.tandem.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
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

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(DataDirectory dataDirectory) throws IOException {
		Path pgData = dataDirectory.path().resolve("postgres");
		Files.createDirectories(pgData);
		StaleServer.stopIfRunning(pgData);
		EmbeddedDatabase database = new EmbeddedDatabase(pgData);
		database.start();
		DatabaseRoles.ensure(database.jdbcUrl());
		return database;
	}

	/**
	 * The pool; {@code spring.datasource.hikari.*} is bound onto it as onto the pool of an external database, so
	 * the connection timeout set there holds for both. Not started here: binding needs a pool still open to it.
	 */
	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.jdbcUrl(DatabaseRoles.APPLICATION));
		pool.setUsername(DatabaseRoles.APPLICATION);
		pool.setPoolName("tandem");
		pool.setMaximumPoolSize(20);
		return pool;
	}

	/** Flyway migrates as the owner of the tables, not as the application's role. */
	@Bean
	FlywayConfigurationCustomizer migrateAsOwner(EmbeddedDatabase database) {
		return configuration -> configuration.dataSource(database.jdbcUrl(DatabaseRoles.OWNER), DatabaseRoles.OWNER, "");
	}
}
