package dev.tandem.coaching.oneonone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.WaitingWork;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What 1:1s put on Home: a 1:1 of the viewer today or tomorrow with its agenda, and the viewer's overdue actions. */
@Component
class OneOnOneWaiting implements WaitingWork<CurrentUser> {

	private final Meetings meetings;
	private final MeetingItems items;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final MessageSource messages;

	OneOnOneWaiting(Meetings meetings, MeetingItems items, OrganisationManagement organisations, Visibility visibility,
			MessageSource messages) {
		this.meetings = meetings;
		this.items = items;
		this.organisations = organisations;
		this.visibility = visibility;
		this.messages = messages;
	}

	@Override
	public List<Item> waitingFor(CurrentUser viewer) {
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		LocalDate today = visibility.today(viewer.orgId());
		Locale locale = LocaleContextHolder.getLocale();
		java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT)
			.withLocale(locale);
		List<Item> waiting = new ArrayList<>();
		Instant from = today.atStartOfDay(zone).toInstant();
		Instant to = today.plusDays(2).atStartOfDay(zone).toInstant();
		for (Series series : meetings.seriesOf(viewer.orgId(), List.of(viewer.id()))) {
			for (Meeting meeting : meetings.plannedBetween(viewer.orgId(), series.id(), from, to)) {
				boolean isToday = meeting.plannedAt().atZone(zone).toLocalDate().equals(today);
				int points = (int) items.agenda(viewer.orgId(), meeting.id()).stream().filter(a -> !a.done()).count();
				String other = series.managerId().equals(viewer.id()) ? series.repName() : series.managerName();
				waiting.add(new Item("one-on-one", messages.getMessage(isToday ? "waiting.one-on-one.today" : "waiting.one-on-one.tomorrow",
						new Object[] { other, meeting.plannedAt().atZone(zone).format(time), points }, locale), null,
						"/coaching/one-on-ones/meetings/" + meeting.id(), meeting.plannedAt(), false));
			}
		}
		java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
			.withLocale(locale);
		for (ActionItem action : items.overdue(viewer.orgId(), List.of(viewer.id()), today)) {
			String other = meetings.series(viewer.orgId(), action.seriesId()).map(s -> s.managerId().equals(viewer.id()) ? s.repName() : s.managerName())
				.orElse("");
			waiting.add(new Item("one-on-one-action", messages.getMessage("waiting.one-on-one.overdue", new Object[] { other, action.dueOn().format(date) },
					locale), action.text(), "/coaching/one-on-ones/meetings/" + action.meetingId(), action.dueOn().atStartOfDay(zone).toInstant(), false));
		}
		return waiting;
	}
}
