package dev.tandem.crm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a person's calendar: a task at its due time, a meeting or demo at the time it takes place, or the
 * day an open deal is expected to close. {@code start} is set for the first two, {@code day} for the last.
 * {@code changedAt} and {@code sequence} tell a calendar app that an entry it holds was changed.
 */
public record CalendarItem(Kind kind, UUID id, String title, @Nullable Instant start, @Nullable LocalDate day, int minutes,
		boolean done, @Nullable String dealTitle, @Nullable String accountName, @Nullable String notes, Instant changedAt,
		int sequence) {

	/** What the entry stands for. */
	public enum Kind {
		TASK, MEETING, CLOSE_DATE
	}

	/** A meeting or demo with the length logged, or an hour. */
	public static CalendarItem meeting(Activity a) {
		return new CalendarItem(Kind.MEETING, a.id(), a.subject(), a.when(), null,
				a.durationMinutes() == null || a.durationMinutes() == 0 ? 60 : a.durationMinutes(), a.done(), a.dealTitle(),
				a.accountName(), a.notes(), a.createdAt(), a.version());
	}
}
