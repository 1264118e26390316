package dev.tandem.goals;

import dev.tandem.platform.NotificationKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kinds of notice the goals module makes, for everyone's notification settings. */
@Configuration(proxyBeanMethods = false)
class GoalNotificationKinds {

	@Bean
	NotificationKind goalProposalKind() {
		return new NotificationKind(GoalProposalNotices.KIND, 10, true);
	}

	@Bean
	NotificationKind goalReachedKind() {
		return new NotificationKind("goal-reached", 20, true);
	}
}
