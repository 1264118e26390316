package dev.tandem.exchange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server stopped in the middle of an import leaves nothing half-written: the import runs in one
 * transaction, which dies with the server, and the next start marks the import as interrupted.
 */
class ImportInterruptionTests {

	private static final int ROWS = 200_000;

	@TempDir Path dataDir;

	@Test
	void stoppingTheServerWhileAnImportWritesLeavesNothingBehind() {
		CurrentUser admin;
		UUID importId;
		ConfigurableApplicationContext first = SecondInstallation.start(dataDir);
		try {
			admin = SecondInstallation.openOrganisation(first, "admin@interrupted.import.test", "Ilse Interrupted");
			ImportManagement imports = first.getBean(ImportManagement.class);
			ImportJob job = imports.check(admin, imports.upload(admin, "activities.csv", activities(admin.displayName()),
					EntityKind.ACTIVITIES, null).id());
			assertThat(job.runnable()).as(String.valueOf(job.report())).isTrue();
			importId = job.id();
			imports.run(admin, importId);
			// Wait until the rows are read and the writing has begun, then stop the server.
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
				.until(() -> imports.get(admin, importId).rowsDone() >= ROWS * 60 / 100);
			assertThat(imports.get(admin, importId).status()).isEqualTo(ImportStatus.RUNNING);
		}
		finally {
			first.close();
		}
		try (ConfigurableApplicationContext second = SecondInstallation.start(dataDir)) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			ImportJob job = second.getBean(ImportManagement.class).get(admin, importId);
			assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
			assertThat(job.error()).isEqualTo("exchange.error.interrupted");
			for (String table : new String[] { "crm_activity", "crm_account", "exchange_import_record", "exchange_external_id" }) {
				assertThat(jdbc.sql("select count(*) from " + table + " where org_id = :org").param("org", admin.orgId())
					.query(Long.class).single()).as(table).isZero();
			}
		}
	}

	private static byte[] activities(String owner) {
		StringBuilder csv = new StringBuilder("Type,Subject,Owner,Date,Account\n");
		for (int i = 0; i < ROWS; i++) {
			csv.append(i % 3 == 0 ? "Call" : i % 3 == 1 ? "E-mail" : "Meeting").append(",Touch ").append(i).append(',').append(owner)
				.append(",2024-").append(String.format("%02d-%02d", 1 + i % 12, 1 + i % 28)).append(" 10:00,Account ")
				.append(i % 500).append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}
}
