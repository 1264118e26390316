package dev.tandem.coaching.oneonone;

import java.time.LocalDate;
import java.util.UUID;

import dev.tandem.coaching.OneOnOneCadence;
import dev.tandem.people.OrganisationManagement;
import org.springframework.stereotype.Component;

/** A manager's 1:1s planned and held over some days, counted on each meeting's planned day in the organisation's zone. */
@Component
class CadenceFigures implements OneOnOneCadence {

	private final Meetings meetings;
	private final OrganisationManagement organisations;
	private final java.time.Clock clock;

	CadenceFigures(Meetings meetings, OrganisationManagement organisations, java.time.Clock clock) {
		this.meetings = meetings;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Override
	public Cadence cadence(UUID orgId, UUID managerId, LocalDate from, LocalDate to) {
		int planned = 0;
		int held = 0;
		for (Meetings.MonthCount month : meetings.cadence(orgId, managerId, from, to, organisations.get(orgId).timeZone().getId(), clock.instant())) {
			planned += month.planned();
			held += month.held();
		}
		return new Cadence(planned, held);
	}
}
