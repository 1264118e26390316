package dev.tandem.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a PostgreSQL server that a previous Tandem process left running on the data directory
 * (the process was killed before it could stop its database), so the next start does not fail.
 */
final class StaleServer {

	private static final Logger log = LoggerFactory.getLogger(StaleServer.class);

	private StaleServer() {
	}

	static void stopIfRunning(Path pgData) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return;
		}
		ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
			boolean isPostgres = process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
			if (!isPostgres) {
				return;
			}
			log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier Tandem process", pid, pgData);
			process.destroy();
			process.onExit().join();
		});
	}
}
