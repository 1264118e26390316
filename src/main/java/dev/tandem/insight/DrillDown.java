package dev.tandem.insight;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
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

	/**
	 * One page of the records, of one kind, behind a number (the other lists are null), with the number of all of them
	 * and, for deals, the sum of all their amounts.
	 */
	public record Records(What what, @Nullable List<RecordQueries.DealLine> deals, @Nullable List<RecordQueries.ActivityLine> activities,
			@Nullable List<RecordQueries.LeadLine> leads, @Nullable List<HygieneQueries.DealFlags> flagged, boolean ownOnly, int total,
			@Nullable BigDecimal amount) {
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

	/** The records of the window ({@link RecordQueries.Window#ALL} for an export) with the totals of all of them. */
	public Records of(CurrentUser viewer, Scope scope, Period period, What what, List<ActivityType> types, RecordQueries.Window window) {
		boolean ownOnly = scope.isTeam() && access.team(viewer, scope.id()) != InsightAccess.Level.FULL;
		if (!scope.isTeam()) {
			access.requirePerson(viewer, scope.id());
		}
		UUID orgId = viewer.orgId();
		UUID only = ownOnly ? viewer.id() : null;
		ZoneId zone = organisations.get(orgId).timeZone();
		return switch (what) {
			case WON, LOST, CLOSED, CREATED -> {
				var page = records.deals(orgId, scope, only, period, zone, RecordQueries.DealSet.valueOf(what.name()), window);
				yield new Records(what, page.items(), null, null, null, ownOnly, page.total(), page.amount());
			}
			case ACTIVITIES, MEETINGS -> {
				var page = records.activities(orgId, scope, only, period, zone,
						what == What.MEETINGS ? List.of(ActivityType.MEETING, ActivityType.DEMO) : types, window);
				yield new Records(what, null, page.items(), null, null, ownOnly, page.total(), null);
			}
			case LEADS_QUALIFIED, LEADS_RECEIVED -> {
				var page = records.leads(orgId, scope, only, period, zone, what == What.LEADS_QUALIFIED, window);
				yield new Records(what, null, null, page.items(), null, ownOnly, page.total(), null);
			}
			case FLAGGED, OPEN -> {
				List<HygieneQueries.DealFlags> open = dashboards.hygiene(viewer, scope).deals().stream()
					.filter(d -> what == What.FLAGGED ? !d.clean() : d.closeDate() != null && period.contains(d.closeDate()))
					.toList();
				BigDecimal amount = open.stream().map(HygieneQueries.DealFlags::amount).filter(Objects::nonNull)
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				int from = (int) Math.min(open.size(), (long) window.offset());
				int to = (int) Math.min(open.size(), (long) from + window.limit());
				yield new Records(what, null, null, null, open.subList(from, to), ownOnly, open.size(), amount);
			}
		};
	}
}
