package dev.tandem.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans the whole application shares.
 */
@org.springframework.scheduling.annotation.EnableScheduling
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** The clock every rule about "today" and "now" asks, so tests can fix time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
