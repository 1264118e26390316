package dev.tandem.coaching.mentoring;

import dev.tandem.coaching.CoachingSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mentoring and manager readiness on the coaching page. */
@Configuration(proxyBeanMethods = false)
class MentoringSections {

	@Bean
	CoachingSection mentoringSection() {
		return new CoachingSection("coaching.mentoring.title", "/coaching/mentoring", 60);
	}

	@Bean
	CoachingSection readinessSection() {
		return new CoachingSection("coaching.readiness.title", "/coaching/readiness", 70);
	}
}
