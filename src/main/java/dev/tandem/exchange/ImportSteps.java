package dev.tandem.exchange;

import dev.tandem.exchange.persistence.Imports;
import dev.tandem.people.GettingStartedStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The getting-started step {@code exchange} owns: the organisation's data imported. */
@Configuration(proxyBeanMethods = false)
class ImportSteps {

	@Bean
	GettingStartedStep dataImported(Imports imports) {
		return GettingStartedStep.of("import", 40, "/imports", imports::anyDone);
	}
}
