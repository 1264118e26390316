package dev.tandem.insight;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.tandem.goals.Scope;
import dev.tandem.insight.persistence.HygieneQueries;
import dev.tandem.insight.persistence.RecordQueries;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The records behind a dashboard number, chosen by the same rules that counted them. A member of a team who
 * sees the team's aggregates gets only their own records behind a team number.
 */
@Service
public class DrillDown {

	/** What a number counts. */
	public enum What {
		WON, LOST, CLOSED, CREATED, ACTIVITIES, MEETINGS, LEADS_QUALIFIED, LEADS_RECEIVED, FLAGGED, OPEN
	}

	/** The records, of one kind, behind a number; the other lists are null. */
	public record Records(What what, @Nullable List<RecordQueries.DealLine> deals, @Nullable List<RecordQueries.ActivityLine> activities,
			@Nullable List<RecordQueries.LeadLine> leads, @Nullable List<HygieneQueries.DealFlags> flagged, boolean ownOnly) {

		public int count() {
			return deals != null ? deals.size() : activities != null ? activities.size() : leads != null ? leads.size()
					: flagged != null ? flagged.size() : 0;
		}
	}

	private final RecordQueries records;
	private final Dashboards dashboards;
	private final InsightAccess access;
	private final OrganisationManagement organisations;

	DrillDown(RecordQueries records, Dashboards dashboards, InsightAccess access, OrganisationManagement organisations) {
		this.records = records;
		this.dashboards = dashboards;
		this.access = access;
		this.organisations = organisations;
	}

	public Records of(CurrentUser viewer, Scope scope, Period period, What what, List<ActivityType> types) {
		boolean ownOnly = scope.isTeam() && access.team(viewer, scope.id()) != InsightAccess.Level.FULL;
		if (!scope.isTeam()) {
			access.requirePerson(viewer, scope.id());
		}
		UUID orgId = viewer.orgId();
		ZoneId zone = organisations.get(orgId).timeZone();
		return switch (what) {
			case WON, LOST, CLOSED, CREATED -> new Records(what, own(viewer, ownOnly, records.deals(orgId, scope, period, zone,
					RecordQueries.DealSet.valueOf(what.name())), RecordQueries.DealLine::ownerId), null, null, null, ownOnly);
			case ACTIVITIES, MEETINGS -> new Records(what, null, own(viewer, ownOnly, records.activities(orgId, scope, period, zone,
					what == What.MEETINGS ? List.of(ActivityType.MEETING, ActivityType.DEMO) : types), RecordQueries.ActivityLine::ownerId),
					null, null, ownOnly);
			case LEADS_QUALIFIED, LEADS_RECEIVED -> new Records(what, null, null, own(viewer, ownOnly,
					records.leads(orgId, scope, period, zone, what == What.LEADS_QUALIFIED), RecordQueries.LeadLine::ownerId), null, ownOnly);
			case FLAGGED, OPEN -> {
				List<HygieneQueries.DealFlags> open = dashboards.hygiene(viewer, scope).deals().stream()
					.filter(d -> what == What.FLAGGED ? !d.clean() : d.closeDate() != null && period.contains(d.closeDate()))
					.toList();
				yield new Records(what, null, null, null, open, ownOnly);
			}
		};
	}

	private static <T> List<T> own(CurrentUser viewer, boolean ownOnly, List<T> rows, java.util.function.Function<T, UUID> owner) {
		return ownOnly ? rows.stream().filter(r -> owner.apply(r).equals(viewer.id())).toList() : rows;
	}
}
