package dev.tandem.crm.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.tandem.crm.CalendarItem;
import dev.tandem.crm.CalendarManagement;
import dev.tandem.people.CalendarFeedManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Tenancy;
import dev.tandem.platform.web.IcsWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Calendars for calendar apps: a person's feed at its secret address, which is its only credential (no session,
 * no sign-in), and one meeting to add to a calendar by hand.
 */
@Controller
class CalendarPages {

	private final CalendarFeedManagement feeds;
	private final CalendarManagement calendar;
	private final MessageSource messages;
	private final Clock clock;

	CalendarPages(CalendarFeedManagement feeds, CalendarManagement calendar, MessageSource messages, Clock clock) {
		this.feeds = feeds;
		this.calendar = calendar;
		this.messages = messages;
		this.clock = clock;
	}

	/** The feed; an unknown, revoked or replaced secret, or a deactivated user, is not found. */
	@GetMapping("/calendar/{secret}.ics")
	ResponseEntity<String> feed(@PathVariable String secret) {
		CurrentUser owner = feeds.authenticate(secret).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<CalendarItem> items = Tenancy.runAs(owner.orgId(), () -> calendar.feed(owner));
		Locale locale = owner.language();
		String name = messages.getMessage("calendar.name", new Object[] { owner.displayName() }, locale);
		return ics(new CalendarDocument(messages, locale, clock.instant()).write(name, items), "tandem.ics", false);
	}

	@GetMapping("/activities/{id}.ics")
	ResponseEntity<String> meeting(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		CalendarItem meeting = calendar.meeting(me, id);
		Locale locale = LocaleContextHolder.getLocale();
		String document = new CalendarDocument(messages, locale, clock.instant()).write(meeting.title(), List.of(meeting));
		return ics(document, "meeting.ics", true);
	}

	private static ResponseEntity<String> ics(String document, String filename, boolean attachment) {
		ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
			.filename(filename).build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(IcsWriter.MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(document);
	}
}
