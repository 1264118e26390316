package dev.tandem.insight;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.tandem.crm.DealSource;
import dev.tandem.insight.persistence.CampaignQueries;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What a partner department sees of sales until its own work lands: which departments a person belongs to, and for
 * marketing the organisation's leads by source and campaign with what became of them. Only partners, and admins
 * looking at what partners see, may ask.
 */
@Service
public class Departments {

	private final TeamManagement teams;
	private final Visibility visibility;
	private final OrganisationManagement organisations;
	private final CampaignQueries campaigns;

	Departments(TeamManagement teams, Visibility visibility, OrganisationManagement organisations, CampaignQueries campaigns) {
		this.teams = teams;
		this.visibility = visibility;
		this.organisations = organisations;
		this.campaigns = campaigns;
	}

	/** The kinds of department the person belongs to or leads today, in the order of {@link TeamKind}. */
	public Set<TeamKind> kindsOf(CurrentUser viewer) {
		requirePartner(viewer);
		Set<java.util.UUID> memberOf = teams.teamsOf(viewer, viewer.id(), visibility.today(viewer.orgId()));
		Set<TeamKind> kinds = new TreeSet<>();
		teams.all(viewer).stream()
			.filter(t -> t.kind().isDepartment() && (memberOf.contains(t.id()) || viewer.id().equals(t.leaderId())))
			.forEach(t -> kinds.add(t.kind()));
		return kinds;
	}

	/** The organisation's leads received in the period, by source and by campaign, biggest campaigns first. */
	public CampaignFigures leads(CurrentUser viewer, Period period) {
		requirePartner(viewer);
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Map<DealSource, LeadQuality.Line> bySource = new LinkedHashMap<>();
		Map<@Nullable String, LeadQuality.Line> byCampaign = new LinkedHashMap<>();
		LeadQuality.Line total = new LeadQuality.Line(null, 0, 0, 0, 0, 0);
		for (CampaignQueries.Row row : campaigns.outcomes(viewer.orgId(), period, zone)) {
			bySource.put(row.source(), bySource.getOrDefault(row.source(), new LeadQuality.Line(row.source(), 0, 0, 0, 0, 0)).plus(row));
			byCampaign.put(row.campaign(), byCampaign.getOrDefault(row.campaign(), new LeadQuality.Line(null, 0, 0, 0, 0, 0)).plus(row));
			total = total.plus(row);
		}
		List<CampaignFigures.Campaign> named = byCampaign.entrySet().stream()
			.map(e -> new CampaignFigures.Campaign(e.getKey(), e.getValue()))
			.sorted(Comparator.comparing((CampaignFigures.Campaign c) -> c.name() == null)
				.thenComparing(c -> -c.line().received()).thenComparing(c -> c.name() == null ? "" : c.name()))
			.toList();
		return new CampaignFigures(List.copyOf(bySource.values()), named, total);
	}

	private static void requirePartner(CurrentUser viewer) {
		if (viewer.role() != Role.PARTNER && viewer.role() != Role.ADMIN) {
			throw new AccessDeniedException("Only partner departments and admins see the department page");
		}
	}
}
