package dev.tandem.support;

import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks up ids of the demo organisations' people and teams for tests.
 */
public final class Demo {

	public static final String PASSWORD = "demo";
	public static final String ADMIN = "admin@northwind.demo";
	public static final String EXECUTIVE = "suzanne@northwind.demo";
	public static final String MANAGER = "brigitte@northwind.demo";
	public static final String REP = "sanne@northwind.demo";
	public static final String OTHER_TENANT_MANAGER = "manager@zuidwind.demo";
	public static final String OTHER_TENANT_ADMIN = "admin@zuidwind.demo";

	private Demo() {
	}

	public static UUID userId(JdbcClient jdbc, String email) {
		return jdbc.sql("select id from people_user where email = :email").param("email", email).query(UUID.class).single();
	}

	/** A demo user as the domain services see a signed-in user. */
	public static CurrentUser user(JdbcClient jdbc, String email) {
		return jdbc.sql("select org_id, id, email, display_name, role, locale from people_user where email = :email")
			.param("email", email)
			.query((rs, n) -> new CurrentUser(rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getString("locale")))
			.single();
	}

	public static UUID teamId(JdbcClient jdbc, String name) {
		return jdbc.sql("select id from people_team where name = :name").param("name", name).query(UUID.class).single();
	}
}
