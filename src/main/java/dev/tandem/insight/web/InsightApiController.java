package dev.tandem.insight.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalProgress;
import dev.tandem.goals.Measures;
import dev.tandem.goals.Scope;
import dev.tandem.insight.Coaching;
import dev.tandem.insight.CoachingFocus;
import dev.tandem.insight.Dashboards;
import dev.tandem.insight.Funnel;
import dev.tandem.insight.Funnels;
import dev.tandem.insight.Hygiene;
import dev.tandem.insight.LeadQuality;
import dev.tandem.insight.PersonRow;
import dev.tandem.insight.StageFigures;
import dev.tandem.insight.Summary;
import dev.tandem.insight.TeamDashboards;
import dev.tandem.insight.TeamRow;
import dev.tandem.insight.TeamView;
import dev.tandem.insight.TrendPoint;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Period;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every dashboard widget as JSON, with the definitions the pages use. {@code period} is {@code 2026-11},
 * {@code 2026-Q4} or {@code 2026} (the running month when left out); shares are fractions (0.38 is 38%).
 */
@RestController
@RequestMapping("/api/v1/insight")
@Tag(name = "Insight", description = "Dashboards of people and teams; definitions in DESIGN.md section 5")
class InsightApiController {

	private final Dashboards dashboards;
	private final TeamDashboards teamDashboards;
	private final Funnels funnels;
	private final Coaching coaching;
	private final GoalManagement goals;

	InsightApiController(Dashboards dashboards, TeamDashboards teamDashboards, Funnels funnels, Coaching coaching,
			GoalManagement goals) {
		this.dashboards = dashboards;
		this.teamDashboards = teamDashboards;
		this.funnels = funnels;
		this.coaching = coaching;
		this.goals = goals;
	}

	@GetMapping("/users/{id}/summary")
	@Operation(summary = "A person's headline numbers for a period, with the previous period, a year earlier and their goals")
	Map<String, Object> userSummary(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String period) {
		return summary(dashboards.summary(me, Scope.user(id), period(me, period)));
	}

	@GetMapping("/teams/{id}/summary")
	@Operation(summary = "A team's headline numbers for a period, with the previous period, a year earlier and its goals")
	Map<String, Object> teamSummary(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String period) {
		return summary(dashboards.summary(me, Scope.team(id), period(me, period)));
	}

	@GetMapping("/teams/{id}/people")
	@Operation(summary = "Each member of a team with their numbers, revenue goal, hygiene, signal and coaching focus")
	Map<String, Object> people(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String period) {
		TeamView view = teamDashboards.team(me, id, period(me, period));
		return Map.of("period", view.summary().period().key(), "items", view.people().stream().map(this::person).toList());
	}

	@GetMapping("/teams/{id}/funnel")
	@Operation(summary = "Per stage: entered, advanced, conversion and median days in stage, for the team and each member")
	Map<String, Object> teamFunnel(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String period) {
		Period p = period(me, period);
		return funnel(p, funnels.funnel(me, Scope.team(id), p));
	}

	@GetMapping("/users/{id}/funnel")
	@Operation(summary = "Per stage: entered, advanced, conversion and median days in stage, for one person")
	Map<String, Object> userFunnel(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String period) {
		Period p = period(me, period);
		return funnel(p, funnels.funnel(me, Scope.user(id), p));
	}

	@GetMapping("/teams/{id}/coaching")
	@Operation(summary = "The coaching focus of each member, over the six months before the period")
	Map<String, Object> coaching(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String period) {
		Period p = period(me, period);
		Period window = coaching.coachingWindow(me, p);
		return Map.of("from", window.start(), "to", window.end().minusDays(1),
				"items", coaching.coaching(me, id, p).stream().map(InsightApiController::focus).toList());
	}

	@GetMapping("/{kind}/{id}/leads")
	@Operation(summary = "Leads received in the period by source and by rep: qualified, converted, disqualified, won")
	Map<String, Object> leads(@AuthenticationPrincipal CurrentUser me, @PathVariable String kind, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String period) {
		LeadQuality leads = dashboards.leads(me, scope(kind, id), period(me, period));
		return Map.of("total", line(leads.total()), "bySource", leads.bySource().stream().map(InsightApiController::line).toList(),
				"byPerson", leads.byPerson().stream().map(p -> Map.of("userId", p.userId(), "name", p.name(), "share", p.share(),
						"received", p.line().received(), "leads", p.detailed() ? line(p.line()) : Map.of())).toList());
	}

	@GetMapping("/{kind}/{id}/trend")
	@Operation(summary = "The last periods (6 unless periods says otherwise) up to the given one, with the revenue goal")
	Map<String, Object> trend(@AuthenticationPrincipal CurrentUser me, @PathVariable String kind, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String period, @RequestParam(defaultValue = "6") int periods) {
		if (periods < 1 || periods > 24) {
			throw InvalidInputException.of("periods", "validation.range", 1, 24);
		}
		List<TrendPoint> trend = dashboards.trend(me, scope(kind, id), period(me, period), periods);
		return Map.of("signal", dashboards.signal(trend, dashboards.today(me)).name(),
				"items", trend.stream().map(t -> {
					Map<String, Object> point = new LinkedHashMap<>(measures(t.measures()));
					point.put("period", t.period().key());
					point.put("revenueGoal", t.revenueGoal() == null ? null : progress(t.revenueGoal()));
					return point;
				}).toList());
	}

	@GetMapping("/{kind}/{id}/hygiene")
	@Operation(summary = "Today's open deals with their hygiene flags, and the hygiene score")
	Map<String, Object> hygiene(@AuthenticationPrincipal CurrentUser me, @PathVariable String kind, @PathVariable UUID id) {
		Hygiene hygiene = dashboards.hygiene(me, scope(kind, id));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("hygieneScore", hygiene.score());
		json.put("openDeals", hygiene.deals().size());
		json.put("flagged", hygiene.flagged());
		json.put("overdueReviews", hygiene.overdueReviews());
		json.put("flags", hygiene.counts());
		json.put("items", hygiene.deals().stream().filter(d -> !d.clean()).toList());
		return json;
	}

	@GetMapping("/overview")
	@Operation(summary = "The teams below those the caller leads, side by side on the same measures")
	Map<String, Object> overview(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String period) {
		Period p = period(me, period);
		return Map.of("period", p.key(), "items", teamDashboards.overview(me, p).stream().map(this::team).toList());
	}

	private Period period(CurrentUser me, @Nullable String period) {
		return goals.period(me, period, Period.Kind.MONTH);
	}

	private static Scope scope(String kind, UUID id) {
		return switch (kind) {
			case "teams" -> Scope.team(id);
			case "users" -> Scope.user(id);
			default -> throw new dev.tandem.platform.RecordNotFoundException("scope", id);
		};
	}

	private Map<String, Object> summary(Summary summary) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("scope", Map.of("type", summary.scope().isTeam() ? "team" : "user", "id", summary.scope().id(), "name", summary.name()));
		json.put("period", summary.period().key());
		json.put("from", summary.period().start());
		json.put("to", summary.period().end().minusDays(1));
		json.putAll(measures(summary.current()));
		json.put("hygieneScore", summary.hygiene().score());
		json.put("openDeals", summary.hygiene().deals().size());
		json.put("openAmount", summary.hygiene().openAmount());
		json.put("pipelineCoverage", summary.pipelineCoverage());
		// While the period runs, the comparisons are its first days so far; from and to say which days.
		json.put("previous", window(summary.comparison().previous(), measures(summary.previous())));
		json.put("yearEarlier", window(summary.comparison().earlier(), measures(summary.yearEarlier())));
		json.put("goals", summary.goals().stream().map(InsightApiController::goal).toList());
		return json;
	}

	private static Map<String, Object> window(Period window, Map<String, Object> measures) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("from", window.start());
		json.put("to", window.end().minusDays(1));
		json.putAll(measures);
		return json;
	}

	static Map<String, Object> measures(Measures m) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("wonRevenue", m.wonRevenue());
		json.put("wonDeals", m.wonDeals());
		json.put("lostDeals", m.lostDeals());
		json.put("winRate", m.winRate());
		json.put("averageDealSize", m.averageDealSize());
		json.put("salesCycleDays", m.salesCycleDays());
		json.put("activities", m.activities());
		json.put("activitiesByType", m.activitiesByType());
		json.put("activitiesByChannel", m.activitiesByChannel());
		json.put("meetingsHeld", m.meetingsHeld());
		json.put("newPipeline", m.newPipeline());
		json.put("newDeals", m.newDeals());
		json.put("leadsQualified", m.leadsQualified());
		json.put("newAccounts", m.newAccounts());
		return json;
	}

	static Map<String, Object> goal(GoalProgress g) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", g.goal().id());
		json.put("metric", g.goal().metric());
		json.put("activityTypes", g.goal().activityTypes());
		json.put("status", g.goal().status());
		json.put("setByManager", g.goal().setByManager());
		json.putAll(progress(g.progress()));
		return json;
	}

	static Map<String, Object> progress(dev.tandem.goals.Progress p) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("target", p.target());
		json.put("actual", p.actual());
		json.put("attainment", p.attainment());
		json.put("pace", p.pace());
		json.put("projection", p.projection());
		json.put("elapsedShare", p.elapsedShare());
		json.put("tooEarly", p.tooEarly());
		return json;
	}

	private static Map<String, Object> funnel(Period period, Funnel funnel) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("period", period.key());
		json.put("stages", funnel.stages().stream().map(s -> stage(s.id(), s.name(), s.figures())).toList());
		json.put("members", funnel.byPerson().keySet().stream().map(person -> Map.of("userId", person, "stages",
				funnel.stages().stream().map(s -> stage(s.id(), s.name(), funnel.of(person, s.id()))).toList())).toList());
		return json;
	}

	private static Map<String, Object> stage(UUID id, String name, StageFigures f) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("stageId", id);
		json.put("name", name);
		json.put("entered", f.entered());
		json.put("advanced", f.advanced());
		json.put("conversion", f.conversion());
		json.put("medianDaysInStage", f.medianDaysInStage());
		return json;
	}

	private Map<String, Object> person(PersonRow row) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("userId", row.userId());
		json.put("name", row.name());
		json.putAll(measures(row.measures()));
		json.put("revenueGoal", row.revenueGoal() == null ? null : goal(row.revenueGoal()));
		json.put("hygieneScore", row.hygieneScore());
		json.put("signal", row.signal());
		json.put("coachingFocus", row.focus() == null ? null : focus(row.focus()));
		return json;
	}

	private Map<String, Object> team(TeamRow row) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("teamId", row.team().id());
		json.put("name", row.team().name());
		json.put("leader", row.leaderName());
		json.put("people", row.people());
		json.putAll(measures(row.measures()));
		json.put("revenueGoal", row.revenueGoal() == null ? null : goal(row.revenueGoal()));
		json.put("hygieneScore", row.hygieneScore());
		json.put("pipelineCoverage", row.pipelineCoverage());
		return json;
	}

	private static Map<String, Object> focus(CoachingFocus f) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("userId", f.userId());
		json.put("name", f.name());
		json.put("stage", f.stage());
		json.put("conversion", f.conversion());
		json.put("teamConversion", f.teamConversion());
		json.put("deals", f.deals());
		json.put("strongStage", f.strongStage());
		json.put("strongConversion", f.strongConversion());
		json.put("strongTeamConversion", f.strongTeamConversion());
		return json;
	}

	private static Map<String, Object> line(LeadQuality.Line l) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("source", l.source());
		json.put("received", l.received());
		json.put("qualified", l.qualified());
		json.put("converted", l.converted());
		json.put("disqualified", l.disqualified());
		json.put("won", l.won());
		json.put("conversion", l.conversion());
		return json;
	}
}
