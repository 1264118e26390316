package dev.tandem.support;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * SQL as the role that owns the tables, for a test that changes the schema for a while (a trigger that refuses a
 * row): the application's role may only read and write rows.
 */
public final class TableOwner {

	private TableOwner() {
	}

	/** The embedded database, at the address of the application's pool, as {@code tandem_owner}. */
	public static JdbcClient of(DataSource application) {
		try {
			String url = application.unwrap(HikariDataSource.class).getJdbcUrl();
			return JdbcClient.create(new DriverManagerDataSource(url.replace("user=tandem_app", "user=tandem_owner")));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
