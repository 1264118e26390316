package dev.tandem.people;

import dev.tandem.people.persistence.Organisations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The getting-started steps whose data {@code people} holds: people invited and teams built. */
@Configuration(proxyBeanMethods = false)
class PeopleSteps {

	@Bean
	GettingStartedStep peopleInvited(Organisations organisations) {
		return GettingStartedStep.of("people", 20, "/admin/users", organisations::hasOthersThanItsFirstUser);
	}

	@Bean
	GettingStartedStep teamsBuilt(Organisations organisations) {
		return GettingStartedStep.of("teams", 30, "/teams", organisations::hasTeamWithMembers);
	}
}
