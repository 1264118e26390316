package dev.tandem.coaching.help;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.WaitingWork;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What help requests have waiting on Home: for a manager, the open requests of their people without an answer yet
 * (the overdue ones first, marked); for a rep, their requests that were answered and are not yet resolved.
 */
@Component
class HelpWaiting implements WaitingWork<CurrentUser> {

	private final HelpRequestManagement management;
	private final MessageSource messages;
	private final Clock clock;

	HelpWaiting(HelpRequestManagement management, MessageSource messages, Clock clock) {
		this.management = management;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<Item> waitingFor(CurrentUser viewer) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Item> items = new ArrayList<>();
		for (HelpRequest request : management.inbox(viewer, true)) {
			if (request.status() != HelpStatus.OPEN) {
				continue;
			}
			boolean overdue = management.overdue(viewer.orgId(), request);
			String title = messages.getMessage(overdue ? "help.waiting.overdue" : "help.waiting.open",
					new Object[] { request.repName(), request.subject() }, locale);
			// Home lists the newest first: an overdue request is dated now, so it stands above what merely waits.
			items.add(new Item(overdue ? "help-overdue" : "help", title, request.question(), "/coaching/help/" + request.id(),
					overdue ? clock.instant() : request.askedAt(), true));
		}
		for (HelpRequest request : management.mine(viewer)) {
			if (request.status() == HelpStatus.ANSWERED && request.firstAnswerAt() != null) {
				items.add(new Item("help-answered", messages.getMessage("help.waiting.answered", new Object[] { request.subject() }, locale),
						request.question(), "/coaching/help/" + request.id(), request.firstAnswerAt(), false));
			}
		}
		return items;
	}
}
