package dev.tandem.coaching.mentoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.WaitingWork;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** On Home: the readiness assessments the viewer was invited to rate and has not answered yet. */
@Component
class ReadinessWaiting implements WaitingWork<CurrentUser> {

	private final ReadinessManagement readiness;
	private final MessageSource messages;

	ReadinessWaiting(ReadinessManagement readiness, MessageSource messages) {
		this.readiness = readiness;
		this.messages = messages;
	}

	@Override
	public List<Item> waitingFor(CurrentUser viewer) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Item> items = new ArrayList<>();
		for (ReadinessManagement.Invited invited : readiness.invitations(viewer)) {
			if (invited.invitation().answered() || !invited.assessment().isOpen()) {
				continue;
			}
			boolean self = invited.assessment().candidateId().equals(viewer.id());
			items.add(new Item("readiness", messages.getMessage(self ? "coaching.readiness.waiting.self" : "coaching.readiness.waiting",
					new Object[] { invited.assessment().candidateName() }, locale), null,
					"/coaching/readiness-assessments/" + invited.assessment().id() + "/answer", invited.invitation().invitedAt(), false));
		}
		return items;
	}
}
