package dev.tandem.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.goals.Measurements;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import org.springframework.stereotype.Service;

/**
 * A person's dashboard: their summary, trend and signal, measured in one pass. Only for the person and their
 * line of managers (and admins).
 */
@Service
public class PersonDashboards {

	private final Dashboards dashboards;
	private final Measurements measurements;
	private final OrganisationManagement organisations;
	private final Visibility visibility;

	PersonDashboards(Dashboards dashboards, Measurements measurements, OrganisationManagement organisations, Visibility visibility) {
		this.dashboards = dashboards;
		this.measurements = measurements;
		this.organisations = organisations;
		this.visibility = visibility;
	}

	/** A person's dashboard: the summary and the trend, measured in one pass. */
	public PersonView person(CurrentUser viewer, UUID personId, Period period) {
		Scope scope = Scope.user(personId);
		String name = dashboards.requireAccess(viewer, scope);
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		Map<Period, Measurements.Breakdown> measured = measurements.measure(viewer.orgId(), scope, dashboards.periodsFor(period, today),
				org.timeZone());
		Summary summary = dashboards.summaryOf(viewer, scope, name, period, measured, dashboards.openDeals(viewer, scope, today, org));
		List<TrendPoint> trend = dashboards.trendOf(viewer, scope, period, measured, today);
		return new PersonView(summary, trend, dashboards.signal(trend, today));
	}
}
