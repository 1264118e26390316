package dev.tandem.coaching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Writes 1:1 series with their history in one go, for the demo organisation: meetings planned and held, their agendas,
 * shared notes and actions. A held meeting gets the rep's numbers frozen as they were on its day (without hygiene and
 * coaching focus, which have no history); the series then plans ahead as a new one would.
 */
public interface OneOnOneLoad {

	void load(UUID orgId, UUID actingAdminId, List<SeriesRow> series);

	/** A series and its meetings in time order. {@code cadence} is {@code WEEKLY}, {@code FORTNIGHTLY} or {@code MONTHLY}. */
	record SeriesRow(UUID managerId, UUID repId, String cadence, DayOfWeek weekday, LocalTime time, LocalDate startsOn,
			List<MeetingRow> meetings) {
	}

	/** A meeting: held when {@code heldAt} is set. */
	record MeetingRow(Instant plannedAt, @Nullable Instant heldAt, List<PointRow> agenda, List<String> sharedNotesByManager,
			List<ActionRow> actions) {
	}

	/** An agenda point, put there by the rep or the manager. */
	record PointRow(String text, boolean byRep, boolean done) {
	}

	/** An action agreed in the meeting, the rep's unless {@code managerOwns}; done at the moment given, or open. */
	record ActionRow(String text, boolean managerOwns, @Nullable LocalDate dueOn, @Nullable Instant doneAt) {
	}
}
