package dev.tandem.coaching.review;

import dev.tandem.coaching.CoachingSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reviews on the coaching page, and the review templates for admins. */
@Configuration(proxyBeanMethods = false)
class ReviewSections {

	@Bean
	CoachingSection reviewsSection() {
		return new CoachingSection("review.section", "/coaching/reviews", 50);
	}

	@Bean
	CoachingSection reviewTemplatesSection() {
		return new CoachingSection("review.section.templates", "/coaching/review-templates", 51, "ROLE_ADMIN");
	}
}
