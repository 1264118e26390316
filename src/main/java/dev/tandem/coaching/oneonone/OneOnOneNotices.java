package dev.tandem.coaching.oneonone;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.tandem.coaching.CoachingNotificationKinds;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Notifications.Notice;
import dev.tandem.platform.Tenancy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The notices of 1:1s: the other participant hears of a point put on the agenda (with its text), and each morning the
 * owner of an action past its due date is told once per action. Each notice links to the meeting.
 */
@Component
class OneOnOneNotices {

	private final Meetings meetings;
	private final MeetingItems items;
	private final Notifications notifications;
	private final UserManagement users;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final MessageSource messages;
	private final JdbcClient jdbc;

	OneOnOneNotices(Meetings meetings, MeetingItems items, Notifications notifications, UserManagement users,
			OrganisationManagement organisations, Visibility visibility, MessageSource messages, JdbcClient jdbc) {
		this.meetings = meetings;
		this.items = items;
		this.notifications = notifications;
		this.users = users;
		this.organisations = organisations;
		this.visibility = visibility;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(AgendaItemAdded added) {
		Tenancy.runAs(added.orgId(), () -> tell(added));
	}

	private void tell(AgendaItemAdded added) {
		AgendaItem item = items.agendaItem(added.orgId(), added.itemId()).orElse(null);
		Meeting meeting = meetings.meeting(added.orgId(), added.meetingId()).orElse(null);
		if (item == null || meeting == null) {
			return;
		}
		ZoneId zone = organisations.get(added.orgId()).timeZone();
		users.recipient(added.orgId(), added.otherId()).ifPresent(recipient -> {
			Locale locale = Locale.forLanguageTag(recipient.locale());
			String day = meeting.plannedAt().atZone(zone).toLocalDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
			notifications.notify(added.orgId(), recipient.id(), new Notice(CoachingNotificationKinds.AGENDA_ITEM_ADDED,
					CoachingNotificationKinds.AGENDA_ITEM_ADDED + ":" + item.id(),
					messages.getMessage("notice.agenda-item-added", new Object[] { item.authorName(), day }, locale), item.text(),
					"/coaching/one-on-ones/meetings/" + meeting.id()));
		});
	}

	/** Every morning: each open action whose due date passed, told to its owner once. */
	@Scheduled(cron = "${tandem.coaching.action-overdue-cron:0 15 7 * * *}")
	@SchedulerLock(name = "coaching-actions-overdue", lockAtMostFor = "PT50M", lockAtLeastFor = "${tandem.jobs.lock-at-least-for:PT30S}")
	void remindEveryOrganisation() {
		List<UUID> orgs = Tenancy.asSystem(() -> jdbc.sql("select org_id from people_organisation_v").query(UUID.class).list());
		orgs.forEach(orgId -> Tenancy.runAs(orgId, () -> remind(orgId)));
	}

	/** Tells the owners of the organisation's overdue actions; answers how many notices were made. */
	int remind(UUID orgId) {
		LocalDate today = visibility.today(orgId);
		int made = 0;
		for (ActionItem action : items.overdue(orgId, today)) {
			var recipient = users.recipient(orgId, action.ownerId()).orElse(null);
			if (recipient == null) {
				continue;
			}
			Locale locale = Locale.forLanguageTag(recipient.locale());
			String due = action.dueOn().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
			if (notifications.notify(orgId, recipient.id(), new Notice(CoachingNotificationKinds.ACTION_OVERDUE,
					CoachingNotificationKinds.ACTION_OVERDUE + ":" + action.id(), messages.getMessage("notice.action-overdue", new Object[] { due }, locale),
					action.text(), "/coaching/one-on-ones/meetings/" + action.meetingId()))) {
				made++;
			}
		}
		return made;
	}
}
