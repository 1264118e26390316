package dev.tandem.exchange;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import dev.tandem.TandemApplication;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.OrganisationManagement;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * Another Tandem installation in the same test, on its own embedded database and data directory and
 * without demo data: where an organisation moves to, and a server that can be stopped mid-import.
 */
final class SecondInstallation {

	private SecondInstallation() {
	}

	static ConfigurableApplicationContext start(Path dataDir) {
		return SpringApplication.run(new Class<?>[] { TandemApplication.class, dev.tandem.support.TestClock.class }, new String[] { "--server.port=0", "--tandem.data-dir=" + dataDir,
				"--tandem.demo.enabled=false", "--logging.file.name=", "--spring.jmx.enabled=false" });
	}

	/**
	 * Another installation whose clock reads what {@code clock} reads, as two real installations' clocks agree: the test
	 * clock starts at its pinned moment in each application, so one started later would lag behind the suite's and see
	 * what the suite wrote just now as the future.
	 */
	static ConfigurableApplicationContext start(Path dataDir, Clock clock) {
		return SpringApplication.run(new Class<?>[] { TandemApplication.class, dev.tandem.support.TestClock.class }, new String[] { "--server.port=0", "--tandem.data-dir=" + dataDir,
				"--tandem.demo.enabled=false", "--logging.file.name=", "--spring.jmx.enabled=false",
				"--tandem.test.clock=" + dev.tandem.support.TestClock.sameAs(clock) });
	}

	static CurrentUser openOrganisation(ConfigurableApplicationContext context, String adminEmail, String adminName) {
		return context.getBean(OrganisationManagement.class).open(new NewOrganisation("Moved " + UUID.randomUUID().toString().substring(0, 8),
				"Europe/Amsterdam", "EUR", "en", 1), adminEmail, adminName, ExchangeTestData.PASSWORD);
	}

	/** Uploads, checks and runs a file as the admin; answers the finished import. */
	static ImportJob importFile(ImportManagement imports, CurrentUser admin, String fileName, byte[] content) {
		ImportJob job = imports.check(admin, imports.upload(admin, fileName, content, null, null).id());
		if (!job.runnable()) {
			throw new AssertionError("Not ready: " + job.report());
		}
		imports.run(admin, job.id());
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
			.until(() -> imports.get(admin, job.id()).status() != ImportStatus.RUNNING
					&& imports.get(admin, job.id()).status() != ImportStatus.CHECKED);
		return imports.get(admin, job.id());
	}
}
