package dev.tandem.coaching.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.insight.Coaching;
import dev.tandem.insight.CoachingFocus;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The coaching plans a manager could start: insight's coaching focus (DESIGN.md section 5) of each rep they manage who
 * has no open plan, each measured against the nearest sales team the rep belongs to, as the rep's dashboard shows it.
 */
@Service
public class PlanSuggestions {

	private final Coaching coaching;
	private final CoachingPlans plans;
	private final Visibility visibility;
	private final TeamManagement teams;
	private final OrganisationManagement organisations;
	private final PlaybookManagement playbook;

	PlanSuggestions(Coaching coaching, CoachingPlans plans, Visibility visibility, TeamManagement teams,
			OrganisationManagement organisations, PlaybookManagement playbook) {
		this.coaching = coaching;
		this.plans = plans;
		this.visibility = visibility;
		this.teams = teams;
		this.organisations = organisations;
		this.playbook = playbook;
	}

	/** The suggestions for the viewer's reps, widest gap first. */
	public List<PlanSuggestion> suggestions(CurrentUser viewer) {
		Set<UUID> full = visibility.fullTeams(viewer);
		if (full.isEmpty()) {
			return List.of();
		}
		LocalDate today = visibility.today(viewer.orgId());
		Period month = Period.containing(today, Period.Kind.MONTH, organisations.get(viewer.orgId()).fiscalYearStartMonth());
		Set<UUID> planned = new HashSet<>();
		plans.of(viewer.orgId(), visibility.visibleUsers(viewer)).stream().filter(CoachingPlan::open)
			.forEach(p -> planned.add(p.personId()));
		Map<UUID, CoachingFocus> nearest = new HashMap<>();
		Map<UUID, Integer> depth = new HashMap<>();
		for (Team team : teams.all(viewer)) {
			if (team.kind() != TeamKind.SALES || !full.contains(team.id())) {
				continue;
			}
			int level = teams.ancestors(viewer, team.id()).size();
			for (CoachingFocus focus : coaching.coaching(viewer, team.id(), month)) {
				UUID person = focus.userId();
				if (person.equals(viewer.id()) || planned.contains(person) || !visibility.isInLineOf(viewer, person)) {
					continue;
				}
				if (!teams.teamsOf(viewer, person, today).contains(team.id())) {
					continue;
				}
				if (depth.getOrDefault(person, -1) < level) {
					nearest.put(person, focus);
					depth.put(person, level);
				}
			}
		}
		List<Stage> stages = playbook.defaultPipeline(viewer.orgId()).openStages();
		List<PlanSuggestion> result = new ArrayList<>();
		nearest.values().forEach(f -> result.add(new PlanSuggestion(f, stageId(stages, f.stage()))));
		result.sort(Comparator.comparingDouble((PlanSuggestion s) -> s.focus().gapPoints()).reversed());
		return result;
	}

	/** The suggestion for one person, when the viewer manages them and they have one. */
	public @Nullable PlanSuggestion suggestionFor(CurrentUser viewer, UUID personId) {
		return suggestions(viewer).stream().filter(s -> s.personId().equals(personId)).findFirst().orElse(null);
	}

	private static @Nullable UUID stageId(List<Stage> stages, String name) {
		return stages.stream().filter(s -> s.name().equals(name)).map(Stage::id).findFirst().orElse(null);
	}
}
