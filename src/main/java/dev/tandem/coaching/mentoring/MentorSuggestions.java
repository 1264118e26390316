package dev.tandem.coaching.mentoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.goals.Measurements;
import dev.tandem.goals.Measures;
import dev.tandem.goals.Scope;
import dev.tandem.insight.Coaching;
import dev.tandem.insight.Dashboards;
import dev.tandem.insight.Funnel;
import dev.tandem.insight.Funnels;
import dev.tandem.insight.StageFigures;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.Team;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.PlaybookManagement;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Suggests mentors for a newcomer from the experienced reps of the newcomer's team, on the team's funnel over the
 * coaching window of insight (the same conversions the coaching focus uses) and the activities goals measure.
 */
@Component
class MentorSuggestions {

	private static final double DAYS_PER_MONTH = 30.4375;
	static final int SHOWN = 5;

	private final Funnels funnels;
	private final Coaching coaching;
	private final Dashboards dashboards;
	private final Measurements measurements;
	private final TeamManagement teams;
	private final UserManagement users;
	private final Visibility visibility;
	private final OrganisationManagement organisations;
	private final PlaybookManagement playbook;
	private final Newcomers newcomers;
	private final MentoringSettings settings;
	private final MessageSource messages;

	MentorSuggestions(Funnels funnels, Coaching coaching, Dashboards dashboards, Measurements measurements, TeamManagement teams,
			UserManagement users, Visibility visibility, OrganisationManagement organisations, PlaybookManagement playbook,
			Newcomers newcomers, MentoringSettings settings, MessageSource messages) {
		this.funnels = funnels;
		this.coaching = coaching;
		this.dashboards = dashboards;
		this.measurements = measurements;
		this.teams = teams;
		this.users = users;
		this.visibility = visibility;
		this.organisations = organisations;
		this.playbook = playbook;
		this.newcomers = newcomers;
		this.settings = settings;
		this.messages = messages;
	}

	/** The suggestions for a newcomer the viewer is in the line of (checked by the caller), in {@code locale}. */
	Suggestions suggest(CurrentUser viewer, UUID newcomerId, Locale locale) {
		Team team = dashboards.teamOf(viewer, newcomerId);
		if (team == null) {
			return new Suggestions(List.of(), false, List.of(), false, List.of());
		}
		LocalDate today = visibility.today(viewer.orgId());
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		int fiscal = organisations.get(viewer.orgId()).fiscalYearStartMonth();
		Map<UUID, LocalDate> starts = newcomers.starts(viewer);
		Map<UUID, User> people = new HashMap<>();
		users.all(viewer).forEach(u -> people.put(u.id(), u));
		List<UUID> candidates = teams.membersOn(viewer, team.id(), today).stream()
			.filter(id -> !id.equals(newcomerId))
			.filter(id -> people.containsKey(id) && people.get(id).active() && people.get(id).role() == Role.REP)
			.filter(id -> starts.containsKey(id) && !starts.get(id).isAfter(today.minusMonths(settings.mentorTenureMonths())))
			.toList();

		Period window = coaching.coachingWindow(viewer, Period.containing(today, Period.Kind.MONTH, fiscal));
		Funnel funnel = funnels.funnel(viewer, Scope.team(team.id()), window, true);
		List<MentorScoring.StageLine> stages = funnel.stages().stream()
			.map(s -> new MentorScoring.StageLine(s.id(), s.name(), conversion(s.figures()))).toList();

		LocalDate started = starts.getOrDefault(newcomerId, today);
		Period own = new Period(Period.Kind.MONTH, started.isBefore(window.start()) ? window.start() : started, today.plusDays(1), fiscal);
		Map<UUID, Measures> measured = measurements.measurePeople(viewer.orgId(), candidates, List.of(window), zone).get(window).byPerson();
		Measures newcomerMeasures = measurements.measurePeople(viewer.orgId(), List.of(newcomerId), List.of(own), zone).get(own).of(newcomerId);

		Map<UUID, MentorScoring.Profile> profiles = new HashMap<>();
		for (UUID id : candidates) {
			profiles.put(id, profile(funnel, id, measured.getOrDefault(id, Measures.NONE), window.days()));
		}
		Map<ActivityType, Double> teamPerMonth = new EnumMap<>(ActivityType.class);
		for (ActivityType type : ActivityType.values()) {
			teamPerMonth.put(type, profiles.values().stream().mapToDouble(p -> p.rate(type)).average().orElse(0));
		}
		MentorScoring.Profile newcomer = profile(funnel, newcomerId, newcomerMeasures, Math.max(1, own.days()));
		boolean fullMonth = ChronoUnit.DAYS.between(started, today) >= 30;
		Set<ActivityType> playbookTypes = new LinkedHashSet<>();
		playbook.defaultPipeline(viewer.orgId()).stages()
			.forEach(s -> s.requiredActivities().forEach(r -> playbookTypes.add(r.type())));
		MentorScoring.Gaps gaps = MentorScoring.gaps(stages, newcomer, teamPerMonth, fullMonth, playbookTypes, settings.minDeals());

		List<MentorScoring.Scored> scored = new ArrayList<>();
		for (UUID id : candidates) {
			scored.add(MentorScoring.score(id, gaps, profiles.get(id), teamPerMonth, settings.minDeals()));
		}
		List<Suggestion> mentors = MentorScoring.rank(scored).stream().limit(SHOWN)
			.map(s -> new Suggestion(s.mentorId(), people.get(s.mentorId()).displayName(), round(s.score()), round(s.stagePoints()),
					round(s.activityPoints()), s.reasons().stream().map(r -> text(r, locale)).toList()))
			.toList();
		return new Suggestions(gaps.stages().stream().map(MentorScoring.StageGap::name).toList(),
				!gaps.stages().isEmpty() && gaps.stages().get(0).teamWeakest(),
				gaps.activities().stream().map(t -> messages.getMessage("activity-types." + t, null, t.name(), locale)).toList(),
				gaps.activitiesFromPlaybook(), mentors);
	}

	private static MentorScoring.Profile profile(Funnel funnel, UUID person, Measures measures, long days) {
		Map<UUID, MentorScoring.Conversion> stages = new HashMap<>();
		for (Funnel.Stage stage : funnel.stages()) {
			stages.put(stage.id(), conversion(funnel.of(person, stage.id())));
		}
		Map<ActivityType, Double> perMonth = new EnumMap<>(ActivityType.class);
		double months = days / DAYS_PER_MONTH;
		measures.activitiesByType().forEach((type, count) -> perMonth.put(type, count / months));
		return new MentorScoring.Profile(stages, perMonth);
	}

	private static MentorScoring.Conversion conversion(StageFigures figures) {
		return new MentorScoring.Conversion(figures.entered(), figures.conversion());
	}

	private String text(MentorScoring.Reason reason, Locale locale) {
		if (reason instanceof MentorScoring.StageReason s) {
			return messages.getMessage("coaching.mentoring.reason.stage", new Object[] { s.stage(), s.mentor(), s.team() }, locale);
		}
		MentorScoring.ActivityReason a = (MentorScoring.ActivityReason) reason;
		return messages.getMessage("coaching.mentoring.reason.activity",
				new Object[] { a.times(), messages.getMessage("activity-types." + a.type(), null, a.type().name(), locale) }, locale);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
