package dev.tandem.coaching.oneonone;

import dev.tandem.coaching.CoachingSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** 1:1s as the first part of the coaching page. */
@Configuration(proxyBeanMethods = false)
class OneOnOneSections {

	@Bean
	CoachingSection oneOnOnesSection() {
		return new CoachingSection("coaching.one-on-ones", "/coaching/one-on-ones", 10);
	}
}
