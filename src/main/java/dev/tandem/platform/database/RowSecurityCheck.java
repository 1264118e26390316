package dev.tandem.platform.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says at start-up whether row-level security binds the application's connections. It does not when they connect
 * as the owner of the tables, as a superuser or as a role with {@code BYPASSRLS}: an external PostgreSQL set up with
 * one user for Flyway and the application alike. Tandem still works then (every statement filters by organisation
 * itself), but the database no longer backs that up.
 */
@Component
class RowSecurityCheck {

	private static final Logger log = LoggerFactory.getLogger(RowSecurityCheck.class);

	private final JdbcClient jdbc;

	RowSecurityCheck(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		Role role = jdbc.sql("""
				select current_user as name, r.rolsuper as superuser, r.rolbypassrls as bypass,
				       exists (select from pg_class c join pg_namespace n on n.oid = c.relnamespace
				                where n.nspname = current_schema() and c.relrowsecurity and c.relowner = r.oid) as owner
				  from pg_roles r where r.rolname = current_user
				""").query(Role.class).single();
		String reason = role.superuser() ? "is a superuser" : role.bypass() ? "has BYPASSRLS" : role.owner() ? "owns the tables" : null;
		if (reason == null) {
			log.info("Row-level security isolates organisations: Tandem connects to PostgreSQL as {}", role.name());
		}
		else {
			log.warn("Row-level security is NOT enforced: Tandem connects to PostgreSQL as {}, which {}. Give Flyway the "
					+ "owner role (spring.flyway.user) and the application a role of its own (spring.datasource.username); "
					+ "see Tandem's operating notes", role.name(), reason);
		}
	}

	record Role(String name, boolean superuser, boolean bypass, boolean owner) {
	}
}
