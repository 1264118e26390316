package dev.tandem.coaching.mentoring;

import java.util.Locale;
import java.util.Map;

import dev.tandem.coaching.CoachingNotificationKinds;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Notifications.Notice;
import dev.tandem.platform.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the newcomer and the mentor that they are paired, each in their own language, linking the newcomer to their
 * ramp and the mentor to the mentoring page (the newcomer's numbers are not the mentor's to see). Once per mentorship and person, so a redelivered event adds nothing.
 */
@Component
class MentorshipNotices {

	private final UserManagement users;
	private final Notifications notifications;
	private final MessageSource messages;

	MentorshipNotices(UserManagement users, Notifications notifications, MessageSource messages) {
		this.users = users;
		this.notifications = notifications;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(MentorAssigned assigned) {
		Tenancy.runAs(assigned.orgId(), () -> tell(assigned));
	}

	private void tell(MentorAssigned assigned) {
		User newcomer = users.recipient(assigned.orgId(), assigned.newcomerId()).orElse(null);
		User mentor = users.recipient(assigned.orgId(), assigned.mentorId()).orElse(null);
		if (newcomer == null || mentor == null) {
			return;
		}
		for (Map.Entry<User, String[]> e : Map.of(newcomer, new String[] { "coaching.mentoring.notice.newcomer", mentor.displayName() },
				mentor, new String[] { "coaching.mentoring.notice.mentor", newcomer.displayName() }).entrySet()) {
			User recipient = e.getKey();
			if (recipient.id().equals(assigned.chosenBy())) {
				continue;
			}
			Locale locale = Locale.forLanguageTag(recipient.locale());
			String title = messages.getMessage(e.getValue()[0], new Object[] { e.getValue()[1] }, locale);
			String body = messages.getMessage("coaching.mentoring.notice.body", new Object[] { assigned.startsOn()
					.format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(locale)) }, locale);
			notifications.notify(assigned.orgId(), recipient.id(), new Notice(CoachingNotificationKinds.MENTOR_ASSIGNED,
					CoachingNotificationKinds.MENTOR_ASSIGNED + ":" + assigned.mentorshipId() + ":" + recipient.id(), title, body,
					recipient.id().equals(newcomer.id()) ? "/coaching/mentoring/" + newcomer.id() : "/coaching/mentoring"));
		}
	}

}
