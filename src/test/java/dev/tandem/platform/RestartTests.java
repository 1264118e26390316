package dev.tandem.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dev.tandem.TandemApplication;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewUser;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps its data in the data directory: what one run writes, the next run of
 * the application with the same directory reads.
 */
class RestartTests {

	@TempDir Path dataDir;

	@Test
	void aUserCreatedBeforeARestartIsThereAfterIt() {
		String email = "survivor-" + UUID.randomUUID().toString().substring(0, 8) + "@northwind.demo";
		try (ConfigurableApplicationContext first = start()) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			CurrentUser admin = jdbc.sql("select org_id, id, email, display_name from people_user where email = 'admin@northwind.demo'")
				.query((rs, n) -> new CurrentUser(rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class),
						rs.getString("email"), rs.getString("display_name"), Role.ADMIN, "en"))
				.single();
			first.getBean(UserManagement.class).create(admin, new NewUser(email, "Survivor", Role.REP, "en", "a-long-password", List.of()));
		}
		try (ConfigurableApplicationContext second = start()) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select display_name from people_user where email = :email").param("email", email)
				.query(String.class).single()).isEqualTo("Survivor");
			// The demo organisations are created once, on the empty database only.
			assertThat(jdbc.sql("select count(*) from people_organisation").query(Long.class).single()).isEqualTo(2);
		}
	}

	private ConfigurableApplicationContext start() {
		return SpringApplication.run(TandemApplication.class, "--server.port=0", "--tandem.data-dir=" + dataDir,
				"--tandem.demo.enabled=true", "--logging.file.name=", "--spring.jmx.enabled=false");
	}
}
