package dev.tandem.coaching.help;

import java.util.Locale;

import dev.tandem.coaching.CoachingNotificationKinds;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Notifications.Notice;
import dev.tandem.platform.Tenancy;
import dev.tandem.crm.ActivityLogged;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the rep's line that a hand went up, and the rep that their line answered; each notice links to the request and
 * is made once per request or answer, so a redelivered event adds nothing. Also keeps a manager's "I'll join" when
 * nothing was planned: the next activity logged on the deal (or the account) gets the manager as participant.
 */
@Component
class HelpNotices {

	private final HelpRequests requests;
	private final HelpRequestManagement management;
	private final UserManagement users;
	private final Visibility visibility;
	private final Notifications notifications;
	private final MessageSource messages;

	HelpNotices(HelpRequests requests, HelpRequestManagement management, UserManagement users, Visibility visibility,
			Notifications notifications, MessageSource messages) {
		this.requests = requests;
		this.management = management;
		this.users = users;
		this.visibility = visibility;
		this.notifications = notifications;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(HelpRequested requested) {
		Tenancy.runAs(requested.orgId(), () -> requests.find(requested.orgId(), requested.requestId()).ifPresent(request -> {
			for (var managerId : visibility.lineManagers(requested.orgId(), request.repId(), visibility.today(requested.orgId()))) {
				users.recipient(requested.orgId(), managerId).ifPresent(manager -> {
					Locale locale = Locale.forLanguageTag(manager.locale());
					String title = messages.getMessage("help.notice.requested", new Object[] { request.repName(), request.subject(),
							messages.getMessage("help.category." + request.category(), null, locale) }, locale);
					notifications.notify(requested.orgId(), manager.id(), new Notice(CoachingNotificationKinds.HELP_REQUESTED,
							CoachingNotificationKinds.HELP_REQUESTED + ":" + request.id(), title, request.question(),
							"/coaching/help/" + request.id()));
				});
			}
		}));
	}

	@ApplicationModuleListener
	void on(HelpAnswered answered) {
		Tenancy.runAs(answered.orgId(), () -> requests.find(answered.orgId(), answered.requestId()).ifPresent(request -> {
			var answer = requests.answers(answered.orgId(), request.id()).stream().filter(a -> a.id().equals(answered.answerId()))
				.findFirst().orElse(null);
			if (answer == null) {
				return;
			}
			users.recipient(answered.orgId(), request.repId()).ifPresent(rep -> {
				Locale locale = Locale.forLanguageTag(rep.locale());
				String title = messages.getMessage("help.notice.answered", new Object[] { answer.authorName(), request.subject() }, locale);
				notifications.notify(answered.orgId(), rep.id(), new Notice(CoachingNotificationKinds.HELP_ANSWERED,
						CoachingNotificationKinds.HELP_ANSWERED + ":" + answer.id(), title, answer.text(), "/coaching/help/" + request.id()));
			});
		}));
	}

	/** A manager said "I'll join" when nothing was planned: the next activity logged on the deal or account is the one they join. */
	@ApplicationModuleListener
	void on(ActivityLogged logged) {
		if (logged.dealId() == null && logged.accountId() == null) {
			return;
		}
		Tenancy.runAs(logged.orgId(), () -> {
			for (HelpRequest request : management.waitingToJoin(logged.orgId(), logged.dealId(), logged.accountId())) {
				if (request.joinedBy() == null || request.joinedAt() == null
						|| logged.occurredAt().isBefore(request.joinedAt()) || request.joinedBy().equals(logged.loggedBy())) {
					continue;
				}
				users.recipient(logged.orgId(), request.joinedBy())
					.ifPresent(manager -> management.joinLogged(CurrentUser.of(manager), request, logged.activityId()));
			}
		});
	}
}
