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
 * the application with the same directory reads; and a copy of the directory taken while Tandem is stopped (the
 * offline backup of docs/operating.md) restores to the same figures in a fresh place.
 */
class RestartTests {

	@TempDir Path dataDir;
	@TempDir Path restoredDir;

	@Test
	void aUserCreatedBeforeARestartIsThereAfterItAndACopyRestores() throws java.io.IOException {
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
			figures = figures(jdbc);
		}
		// The restore drill: the stopped data directory copied to a new place, and Tandem started on the copy.
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
			.until(() -> !java.nio.file.Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")));
		copy(dataDir.resolve("postgres"), restoredDir.resolve("postgres"));
		try (ConfigurableApplicationContext third = start(restoredDir)) {
			assertThat(figures(third.getBean(JdbcClient.class))).isEqualTo(figures).hasSize(7);
		}
	}

	private List<String> figures;

	/** What a restore must bring back: records per kind, the money won, the goals and forecasts. */
	private static List<String> figures(JdbcClient jdbc) {
		return jdbc.sql("""
				select 'users ' || (select count(*) from people_user)
				union all select 'deals ' || (select count(*) from crm_deal)
				union all select 'won ' || (select coalesce(sum(amount), 0) from crm_deal where status = 'WON')
				union all select 'activities ' || (select count(*) from crm_activity)
				union all select 'stage changes ' || (select count(*) from crm_deal_stage_history)
				union all select 'goals ' || (select count(*) from goals_goal)
				union all select 'forecasts ' || (select count(*) from forecast_submission)
				""").query(String.class).list();
	}

	/** Copies a tree with its permissions: PostgreSQL refuses a data directory others may read. */
	private static void copy(Path from, Path to) throws java.io.IOException {
		try (var files = java.nio.file.Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				java.nio.file.Files.copy(file, to.resolve(from.relativize(file).toString()),
						java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
	}

	private ConfigurableApplicationContext start() {
		return start(dataDir);
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return SpringApplication.run(TandemApplication.class, "--server.port=0", "--tandem.data-dir=" + dataDir,
				"--tandem.demo.enabled=true", "--logging.file.name=", "--spring.jmx.enabled=false");
	}
}
