package dev.tandem.exchange;

import java.util.Locale;
import java.util.UUID;

import dev.tandem.exchange.persistence.Imports;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.NotificationKind;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Notifications.Notice;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Tells the admin who started an import when it finished or failed: a large file runs in the background, and the admin
 * has long gone to another page. Made in the transaction that ends the run, so a run rolled back tells nothing.
 */
@Component
class ImportNotices {

	static final String KIND = "import-finished";

	private final Imports imports;
	private final UserManagement users;
	private final Notifications notifications;
	private final MessageSource messages;

	ImportNotices(Imports imports, UserManagement users, Notifications notifications, MessageSource messages) {
		this.imports = imports;
		this.users = users;
		this.notifications = notifications;
		this.messages = messages;
	}

	@Bean
	static NotificationKind importFinishedKind() {
		return new NotificationKind(KIND, 40, true);
	}

	void ended(CurrentUser admin, UUID importId) {
		imports.find(admin.orgId(), importId).ifPresent(job -> users.recipient(admin.orgId(), admin.id()).ifPresent(recipient -> {
			Locale locale = Locale.forLanguageTag(recipient.locale());
			String body = job.status() == ImportStatus.DONE ? counts(messages, job, locale)
					: messages.getMessage(job.error() == null ? "exchange.error.failed" : job.error(), null, "", locale);
			notifications.notify(admin.orgId(), recipient.id(), new Notice(KIND, KIND + ":" + job.id() + ":" + job.status(),
					title(messages, job, locale), body, "/imports/" + job.id()));
		}));
	}

	/** "Import of deals.csv finished (Deals)", or failed. */
	static String title(MessageSource messages, ImportJob job, Locale locale) {
		String kind = messages.getMessage("exchange.kind." + job.kind().name(), null, job.kind().name(), locale);
		return messages.getMessage(job.status() == ImportStatus.DONE ? "notice.import-finished.done" : "notice.import-finished.failed",
				new Object[] { job.fileName(), kind }, locale);
	}

	/** "120 created, 3 updated, 2 skipped". */
	static String counts(MessageSource messages, ImportJob job, Locale locale) {
		return messages.getMessage("notice.import-finished.counts", new Object[] { job.created(), job.updated(), job.skipped() }, locale);
	}
}
