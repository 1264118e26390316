package dev.tandem.coaching.help;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import dev.tandem.coaching.HelpRequestFigures;
import dev.tandem.people.OrganisationManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The help-request figures other parts of coaching attach to 1:1s, reviews and readiness evidence. */
@Component
class HelpFigures implements HelpRequestFigures {

	private final HelpRequests requests;
	private final OrganisationManagement organisations;

	HelpFigures(HelpRequests requests, OrganisationManagement organisations) {
		this.requests = requests;
		this.organisations = organisations;
	}

	@Override
	public int openRequests(UUID orgId, UUID repId) {
		return requests.openOf(orgId, repId);
	}

	@Override
	public @Nullable Double medianResponseHours(UUID orgId, UUID managerId, LocalDate from, LocalDate to) {
		ZoneId zone = organisations.get(orgId).timeZone();
		return requests.medianResponseHours(orgId, managerId, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
	}
}
