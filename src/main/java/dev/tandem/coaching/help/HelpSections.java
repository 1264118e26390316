package dev.tandem.coaching.help;

import dev.tandem.coaching.CoachingSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Help requests and the takeover ratio on the coaching page. */
@Configuration(proxyBeanMethods = false)
class HelpSections {

	@Bean
	CoachingSection helpRequestsSection() {
		return new CoachingSection("help.section", "/coaching/help", 20);
	}

	@Bean
	CoachingSection takeoverSection() {
		return new CoachingSection("takeover.section", "/coaching/takeover", 21);
	}
}
