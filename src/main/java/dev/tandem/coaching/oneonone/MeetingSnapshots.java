package dev.tandem.coaching.oneonone;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.HelpRequestFigures;
import dev.tandem.goals.Measurements;
import dev.tandem.goals.Measures;
import dev.tandem.goals.Scope;
import dev.tandem.insight.Coaching;
import dev.tandem.insight.CoachingFocus;
import dev.tandem.insight.Dashboards;
import dev.tandem.insight.Summary;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the rep's numbers for a 1:1 from the modules that own their definitions: the month's summary (goals with
 * attainment and pace, hygiene of open deals) from insight's dashboards, what happened since the last held 1:1 from
 * goals' measurements, the coaching focus from insight, the open help requests from the help-request part.
 */
@Component
class MeetingSnapshots {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Dashboards dashboards;
	private final Measurements measurements;
	private final Coaching coaching;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final HelpRequestFigures helpRequests;
	private final dev.tandem.goals.GoalManagement goalManagement;

	MeetingSnapshots(Dashboards dashboards, Measurements measurements, Coaching coaching, OrganisationManagement organisations,
			Visibility visibility, HelpRequestFigures helpRequests, dev.tandem.goals.GoalManagement goalManagement) {
		this.goalManagement = goalManagement;
		this.dashboards = dashboards;
		this.measurements = measurements;
		this.coaching = coaching;
		this.organisations = organisations;
		this.visibility = visibility;
		this.helpRequests = helpRequests;
	}

	/**
	 * The rep's numbers now, as the viewer (who may see the rep) asks for them: activities and deals closed from
	 * {@code since} to today, both included.
	 */
	Snapshot take(CurrentUser viewer, UUID repId, LocalDate since, Instant now) {
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		LocalDate from = since.isAfter(today) ? today : since;
		Period month = Period.containing(today, Period.Kind.MONTH, org.fiscalYearStartMonth());
		Summary summary = dashboards.summary(viewer, Scope.user(repId), month);
		Period window = new Period(Period.Kind.MONTH, from, today.plusDays(1), org.fiscalYearStartMonth());
		Measures done = measurements.measurePeople(viewer.orgId(), List.of(repId), List.of(window), org.timeZone()).get(window).of(repId);
		Map<String, Long> byType = byType(done);
		List<Snapshot.GoalLine> goals = summary.goals().stream()
			.map(g -> new Snapshot.GoalLine(g.goal().metric().name(), g.progress().target(), g.progress().actual(), g.progress().attainment(),
					g.progress().pace()))
			.toList();
		CoachingFocus focus = coaching.coachingFor(viewer, repId, month);
		return new Snapshot(now, month.key(), goals, from, today, byType, done.activities(), done.wonDeals(), done.lostDeals(),
				done.wonRevenue(), summary.hygiene().deals().size(), summary.hygiene().flagged(), summary.hygiene().score(),
				summary.hygiene().counts(), focus == null ? null : new Snapshot.Focus(focus.stage(), focus.conversion(), focus.teamConversion(),
						focus.deals()),
				helpRequests.openRequests(viewer.orgId(), repId));
	}

	/**
	 * The numbers of past meetings, for a history written in one go: for each window ({@code [since, day]}) what the rep
	 * did in it and their goals of the day's month measured up to that day. Hygiene and the coaching focus have no
	 * history, so they are left out ({@code hygieneScore} null, no flags, no focus). Measured in one pass.
	 */
	List<Snapshot> history(CurrentUser viewer, UUID repId, List<LocalDate[]> windows, List<Instant> takenAt) {
		Organisation org = organisations.get(viewer.orgId());
		int fiscal = org.fiscalYearStartMonth();
		List<Period> asked = new java.util.ArrayList<>();
		List<Period> months = new java.util.ArrayList<>();
		for (LocalDate[] w : windows) {
			asked.add(new Period(Period.Kind.MONTH, w[0], w[1].plusDays(1), fiscal));
			Period month = Period.containing(w[1], Period.Kind.MONTH, fiscal);
			months.add(month);
			asked.add(new Period(Period.Kind.MONTH, month.start(), w[1].plusDays(1), fiscal));
		}
		Map<Period, Measurements.Breakdown> measured = measurements.measurePeople(viewer.orgId(), List.of(repId),
				asked.stream().distinct().toList(), org.timeZone());
		List<dev.tandem.goals.Goal> goals = goalManagement.goals(viewer, List.of(Scope.user(repId)), months.stream().distinct().toList());
		List<Snapshot> result = new java.util.ArrayList<>();
		for (int i = 0; i < windows.size(); i++) {
			LocalDate day = windows.get(i)[1];
			Measures done = measured.get(asked.get(2 * i)).of(repId);
			Measures monthToDate = measured.get(asked.get(2 * i + 1)).of(repId);
			Period month = months.get(i);
			List<Snapshot.GoalLine> lines = goals.stream().filter(g -> g.period().equals(month))
				.map(g -> goalManagement.progressOf(g, monthToDate, day))
				.map(g -> new Snapshot.GoalLine(g.goal().metric().name(), g.progress().target(), g.progress().actual(), g.progress().attainment(),
						g.progress().pace()))
				.toList();
			result.add(new Snapshot(takenAt.get(i), month.key(), lines, windows.get(i)[0], day, byType(done), done.activities(), done.wonDeals(),
					done.lostDeals(), done.wonRevenue(), 0, 0, null, Map.of(), null, null));
		}
		return result;
	}

	private static Map<String, Long> byType(Measures done) {
		Map<String, Long> byType = new LinkedHashMap<>();
		done.activitiesByType().entrySet().stream().filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.comparingByKey()).forEach(e -> byType.put(e.getKey().name(), e.getValue()));
		return byType;
	}

	static String json(Snapshot snapshot) {
		return JSON.writeValueAsString(snapshot);
	}

	static Snapshot read(String json) {
		return JSON.readValue(json, Snapshot.class);
	}
}
