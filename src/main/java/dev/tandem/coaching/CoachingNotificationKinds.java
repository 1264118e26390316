package dev.tandem.coaching;

import dev.tandem.platform.NotificationKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kinds of notice the coaching module makes, for everyone's notification settings. */
@Configuration(proxyBeanMethods = false)
public class CoachingNotificationKinds {

	public static final String AGENDA_ITEM_ADDED = "agenda-item-added";
	public static final String HELP_REQUESTED = "help-requested";
	public static final String HELP_ANSWERED = "help-answered";
	public static final String REVIEW_STEP_WAITING = "review-step-waiting";
	public static final String ACTION_OVERDUE = "action-overdue";
	public static final String MENTOR_ASSIGNED = "mentor-assigned";

	@Bean
	NotificationKind agendaItemAddedKind() {
		return new NotificationKind(AGENDA_ITEM_ADDED, 60, true);
	}

	@Bean
	NotificationKind helpRequestedKind() {
		return new NotificationKind(HELP_REQUESTED, 61, true);
	}

	@Bean
	NotificationKind helpAnsweredKind() {
		return new NotificationKind(HELP_ANSWERED, 62, true);
	}

	@Bean
	NotificationKind reviewStepWaitingKind() {
		return new NotificationKind(REVIEW_STEP_WAITING, 63, true);
	}

	@Bean
	NotificationKind actionOverdueKind() {
		return new NotificationKind(ACTION_OVERDUE, 64, true);
	}

	@Bean
	NotificationKind mentorAssignedKind() {
		return new NotificationKind(MENTOR_ASSIGNED, 65, true);
	}
}
