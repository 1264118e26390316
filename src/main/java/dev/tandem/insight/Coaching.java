package dev.tandem.insight;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Team;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The coaching focus (DESIGN.md section 5): for each rep, the stage whose conversion is furthest below the
 * team's over the coaching window, from the team's funnel.
 */
@Service
public class Coaching {

	private final Funnels funnels;
	private final Dashboards dashboards;
	private final InsightAccess access;
	private final OrganisationManagement organisations;
	private final UserManagement users;
	private final Visibility visibility;
	private final InsightSettings settings;

	Coaching(Funnels funnels, Dashboards dashboards, InsightAccess access, OrganisationManagement organisations, UserManagement users,
			Visibility visibility, InsightSettings settings) {
		this.funnels = funnels;
		this.dashboards = dashboards;
		this.access = access;
		this.organisations = organisations;
		this.users = users;
		this.visibility = visibility;
		this.settings = settings;
	}

	/**
	 * The coaching focus of each member of a team, over the months of history the settings say, ending with
	 * the period (or today, for the running period), so there are enough deals behind each conversion.
	 */
	public List<CoachingFocus> coaching(CurrentUser viewer, UUID teamId, Period period) {
		if (access.team(viewer, teamId) != InsightAccess.Level.FULL) {
			return List.of();
		}
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Period window = coachingWindow(viewer, period);
		Funnel funnel = funnels.funnel(viewer, Scope.team(teamId), window.startAt(zone), window.endAt(zone), zone);
		Map<UUID, String> names = users.displayNames(viewer);
		List<CoachingFocus> result = new ArrayList<>();
		for (UUID person : funnel.byPerson().keySet()) {
			CoachingFocus focus = focusOf(person, names.getOrDefault(person, "?"), funnel);
			if (focus != null) {
				result.add(focus);
			}
		}
		result.sort(Comparator.comparingDouble(CoachingFocus::gapPoints).reversed());
		return result;
	}

	/**
	 * The window the coaching focus looks at: the configured months up to the end of the period, or for the
	 * running period up to the start of this month, so deals that just entered a stage and had no time yet to
	 * move on do not weigh on a conversion.
	 */
	public Period coachingWindow(CurrentUser viewer, Period period) {
		LocalDate today = visibility.today(viewer.orgId());
		LocalDate end = period.isOver(today) ? period.end() : today.withDayOfMonth(1);
		return new Period(Period.Kind.MONTH, end.minusMonths(settings.coachingWindowMonths()), end, period.fiscalStartMonth());
	}

	/** A person's coaching focus against the team they belong to today, over the coaching window. */
	public @Nullable CoachingFocus coachingFor(CurrentUser viewer, UUID personId, Period period) {
		access.requirePerson(viewer, personId);
		Team team = dashboards.teamOf(viewer, personId);
		if (team == null) {
			return null;
		}
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Period window = coachingWindow(viewer, period);
		Funnel funnel = funnels.funnel(viewer, Scope.team(team.id()), window.startAt(zone), window.endAt(zone), zone);
		return focusOf(personId, users.get(viewer, personId).displayName(), funnel);
	}

	private @Nullable CoachingFocus focusOf(UUID person, String name, Funnel funnel) {
		Funnel.Stage weak = null;
		double weakGap = settings.coachingGapPoints() / 100;
		Funnel.Stage strong = null;
		double strongLead = 0.05;
		for (Funnel.Stage stage : funnel.stages()) {
			StageFigures mine = funnel.of(person, stage.id());
			Double team = stage.figures().conversion();
			if (mine.entered() < settings.coachingMinDeals() || team == null || mine.conversion() == null) {
				continue;
			}
			double gap = team - mine.conversion();
			if (gap > weakGap) {
				weak = stage;
				weakGap = gap;
			}
			if (-gap > strongLead) {
				strong = stage;
				strongLead = -gap;
			}
		}
		if (weak == null) {
			return null;
		}
		StageFigures mine = funnel.of(person, weak.id());
		return new CoachingFocus(person, name, weak.name(), mine.conversion(), weak.figures().conversion(), mine.entered(),
				strong == null ? null : strong.name(), strong == null ? null : funnel.of(person, strong.id()).conversion(),
				strong == null ? null : strong.figures().conversion());
	}
}
