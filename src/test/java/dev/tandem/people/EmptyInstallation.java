package dev.tandem.people;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tandem.TandemApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Tandem installation of its own in a test: its own embedded database and data directory, no demo data, so it
 * starts without any organisation, as a company's first start does.
 */
final class EmptyInstallation {

	static final String SETUP_TOKEN = "tdm_setup_test-token-of-this-installation";

	private EmptyInstallation() {
	}

	static ConfigurableApplicationContext start(Path dataDir, String... settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--tandem.data-dir=" + dataDir, "--tandem.demo.enabled=false",
				"--logging.file.name=", "--spring.jmx.enabled=false", "--tandem.setup.token=" + SETUP_TOKEN));
		args.addAll(List.of(settings));
		return SpringApplication.run(new Class<?>[] { TandemApplication.class, dev.tandem.support.TestClock.class },
				args.toArray(String[]::new));
	}

	static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}
}
