package dev.tandem.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.WaitingWork;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The imports an admin started that finished or failed in the last {@value #DAYS} days, for Home: the result is worth a
 * look (what was skipped, whether to undo) while it is fresh.
 */
@Component
class ImportWaiting implements WaitingWork<CurrentUser> {

	static final int DAYS = 3;

	private final ImportManagement imports;
	private final MessageSource messages;
	private final Clock clock;

	ImportWaiting(ImportManagement imports, MessageSource messages, Clock clock) {
		this.imports = imports;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<Item> waitingFor(CurrentUser viewer) {
		if (!viewer.isAdmin()) {
			return List.of();
		}
		Instant since = clock.instant().minus(Duration.ofDays(DAYS));
		Locale locale = LocaleContextHolder.getLocale();
		return imports.history(viewer).stream()
			.filter(job -> job.createdBy().equals(viewer.id()) && job.finishedAt() != null && job.finishedAt().isAfter(since))
			.filter(job -> job.status() == ImportStatus.DONE || job.status() == ImportStatus.FAILED)
			.map(job -> new Item("import", ImportNotices.title(messages, job, locale),
					job.status() == ImportStatus.DONE ? ImportNotices.counts(messages, job, locale) : null, "/imports/" + job.id(),
					job.finishedAt(), false))
			.toList();
	}
}
