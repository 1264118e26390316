package dev.tandem.coaching.oneonone;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A recurring 1:1 of a manager with one of their people: when it meets, and since when. */
public record Series(UUID orgId, UUID id, UUID managerId, String managerName, UUID repId, String repName, Cadence cadence,
		DayOfWeek weekday, LocalTime startTime, int minutes, LocalDate startsOn, @Nullable LocalDate endedOn, int version) {

	/** Whether the person takes part in the series, as its manager or its rep. */
	public boolean hasParticipant(UUID personId) {
		return managerId.equals(personId) || repId.equals(personId);
	}

	/** The other participant's id. */
	public UUID otherThan(UUID personId) {
		return managerId.equals(personId) ? repId : managerId;
	}
}
