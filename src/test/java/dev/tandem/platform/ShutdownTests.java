package dev.tandem.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.tandem.TandemApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping Tandem the way an operator does (SIGTERM to the process) is quiet: the web server, the live
 * listener and the event publication registry finish before the database they use goes away, so a stop
 * logs no error, no warning and no stack trace.
 */
class ShutdownTests {

	@TempDir Path dataDir;

	@Test
	void aStopBySigtermLogsNoErrorNoWarningAndNoStackTrace() throws Exception {
		Process tandem = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), TandemApplication.class.getName(), "--server.port=0",
				"--tandem.data-dir=" + dataDir, "--tandem.demo.enabled=false", "--logging.file.name=",
				"--spring.jmx.enabled=false", "--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.start();
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> read(tandem, lines));
		reader.start();
		try {
			await().atMost(Duration.ofMinutes(3)).until(() -> lines.stream().anyMatch(l -> l.contains("Started TandemApplication"))
					|| !tandem.isAlive());
			assertThat(tandem.isAlive()).as(String.join("\n", lines)).isTrue();
			int started = lines.size();

			// SIGTERM through the handle: Process.destroy() would also close the pipe the log is read from.
			tandem.toHandle().destroy();
			assertThat(tandem.waitFor(1, TimeUnit.MINUTES)).isTrue();
			reader.join(10_000);

			List<String> stopping = lines.subList(started, lines.size());
			assertThat(stopping).as("the stop logs its steps").anyMatch(l -> l.contains("Graceful shutdown complete"));
			assertThat(stopping).as(String.join("\n", stopping))
				.noneMatch(l -> l.contains(" ERROR ") || l.contains(" WARN ") || l.contains("Exception") || l.startsWith("\tat "));
		}
		finally {
			tandem.destroyForcibly();
		}
	}

	private static void read(Process process, List<String> lines) {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				lines.add(line);
			}
		}
		catch (IOException ex) {
			lines.add("reading failed: " + ex);
		}
	}
}
