package dev.tandem.crm.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tandem.crm.CalendarItem;
import dev.tandem.platform.web.IcsWriter;
import org.springframework.context.MessageSource;

/**
 * A person's calendar entries as an iCalendar document. Every entry is a VEVENT, since that is what Google, Outlook
 * and Apple calendars show from a subscription (most ignore VTODO): a task at its due time, a meeting for its
 * length, a close date as an all-day event that does not mark the day busy. The UID of an entry is stable, so a
 * refreshed feed updates the entries a calendar holds instead of adding them again.
 */
final class CalendarDocument {

	private final MessageSource messages;
	private final Locale locale;
	private final Instant now;

	CalendarDocument(MessageSource messages, Locale locale, Instant now) {
		this.messages = messages;
		this.locale = locale;
		this.now = now;
	}

	String write(String name, List<CalendarItem> items) {
		IcsWriter ics = new IcsWriter().begin("VCALENDAR")
			.property("VERSION", "2.0")
			.property("PRODID", "-//Tandem//Tandem calendar//EN")
			.property("CALSCALE", "GREGORIAN")
			.property("METHOD", "PUBLISH")
			.text("X-WR-CALNAME", name)
			// Asks the apps that honour it to fetch the feed again every hour.
			.property("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
			.property("X-PUBLISHED-TTL", "PT1H");
		for (CalendarItem item : items) {
			event(ics, item);
		}
		return ics.end("VCALENDAR").toString();
	}

	private void event(IcsWriter ics, CalendarItem item) {
		ics.begin("VEVENT")
			.property("UID", uid(item))
			.time("DTSTAMP", now)
			.property("SEQUENCE", Integer.toString(Math.max(0, item.sequence())));
		if (item.kind() == CalendarItem.Kind.CLOSE_DATE && item.day() != null) {
			ics.date("DTSTART", item.day()).date("DTEND", item.day().plusDays(1)).property("TRANSP", "TRANSPARENT");
		}
		else if (item.start() != null) {
			ics.time("DTSTART", item.start()).time("DTEND", item.start().plus(Duration.ofMinutes(item.minutes())));
			if (item.kind() == CalendarItem.Kind.TASK) {
				ics.property("TRANSP", "TRANSPARENT");
			}
		}
		ics.text("SUMMARY", summary(item));
		String description = description(item);
		if (!description.isEmpty()) {
			ics.text("DESCRIPTION", description);
		}
		ics.end("VEVENT");
	}

	static String uid(CalendarItem item) {
		return switch (item.kind()) {
			case TASK, MEETING -> "activity-" + item.id() + "@tandem";
			case CLOSE_DATE -> "deal-close-" + item.id() + "@tandem";
		};
	}

	private String summary(CalendarItem item) {
		return switch (item.kind()) {
			case TASK -> message(item.done() ? "calendar.task-done" : "calendar.task", item.title());
			case MEETING -> item.title();
			case CLOSE_DATE -> message("calendar.close-date", item.accountName() == null ? item.title()
					: item.title() + " · " + item.accountName());
		};
	}

	private String description(CalendarItem item) {
		List<String> parts = new ArrayList<>();
		if (item.kind() != CalendarItem.Kind.CLOSE_DATE && item.dealTitle() != null) {
			parts.add(message("calendar.deal", item.accountName() == null ? item.dealTitle() : item.dealTitle() + " · " + item.accountName()));
		}
		if (item.notes() != null && !item.notes().isBlank()) {
			parts.add(item.notes());
		}
		return String.join("\n", parts);
	}

	private String message(String key, Object arg) {
		return messages.getMessage(key, new Object[] { arg }, locale);
	}
}
