package dev.tandem.goals;

import dev.tandem.goals.persistence.Goals;
import dev.tandem.people.GettingStartedStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The getting-started step {@code goals} owns: a first goal set. */
@Configuration(proxyBeanMethods = false)
class GoalSteps {

	@Bean
	GettingStartedStep goalsSet(Goals goals) {
		return GettingStartedStep.of("goals", 50, "/goals", goals::any);
	}
}
