package dev.tandem.insight.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.Scope;
import dev.tandem.insight.Coaching;
import dev.tandem.insight.CoachingFocus;
import dev.tandem.insight.Dashboards;
import dev.tandem.insight.Funnel;
import dev.tandem.insight.Funnels;
import dev.tandem.insight.Hygiene;
import dev.tandem.insight.InsightAccess;
import dev.tandem.insight.PersonDashboards;
import dev.tandem.insight.Summary;
import dev.tandem.insight.TeamDashboards;
import dev.tandem.insight.TeamView;
import dev.tandem.insight.TrendPoint;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Team;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.platform.web.Htmx;
import dev.tandem.platform.web.PeriodPicker;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboards: a team's, a person's, and the head of sales' view of teams side by side. Each page is
 * whole without JavaScript; the live part re-renders on its own ({@code part=live}) when the server says
 * something changed.
 */
@Controller
class InsightPages {

	private final Dashboards dashboards;
	private final TeamDashboards teamDashboards;
	private final PersonDashboards personDashboards;
	private final Funnels funnels;
	private final Coaching coaching;
	private final GoalManagement goals;
	private final InsightAccess access;
	private final Visibility visibility;
	private final Charts charts;
	private final Kpis kpis;

	InsightPages(Dashboards dashboards, TeamDashboards teamDashboards, PersonDashboards personDashboards, Funnels funnels,
			Coaching coaching, GoalManagement goals, InsightAccess access, Visibility visibility, Charts charts, Kpis kpis) {
		this.dashboards = dashboards;
		this.teamDashboards = teamDashboards;
		this.personDashboards = personDashboards;
		this.funnels = funnels;
		this.coaching = coaching;
		this.goals = goals;
		this.access = access;
		this.visibility = visibility;
		this.charts = charts;
		this.kpis = kpis;
	}

	/** Where "Insight" leads: the head of sales to the teams side by side, a manager to their team, a rep to themselves. */
	@GetMapping("/insight")
	String home(@AuthenticationPrincipal CurrentUser me) {
		List<Team> led = access.ledTeams(me);
		if (!led.isEmpty()) {
			boolean above = me.isAdmin() || !teamDashboards.overviewTeams(me).equals(led);
			return above ? "redirect:/insight/overview" : "redirect:/insight/teams/" + led.get(0).id();
		}
		return "redirect:/insight/people/" + me.id();
	}

	@GetMapping("/insight/teams/{id}")
	String team(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String part, HttpServletRequest request, Model model) {
		Period selected = goals.period(me, period, Period.Kind.MONTH);
		if ("live".equals(part) && Htmx.isHtmx(request)) {
			// The live part draws only what the summary holds, so a refresh costs the summary, not the dashboard.
			live(model, me, dashboards.summary(me, Scope.team(id), selected));
			return "insight/team :: live";
		}
		TeamView view = teamDashboards.team(me, id, selected);
		model.addAttribute("view", view);
		live(model, me, view.summary());
		viewersTeams(me, model);
		Funnel funnel = funnels.funnel(me, Scope.team(id), selected, !view.people().isEmpty());
		List<CoachingFocus> focus = view.people().stream().map(p -> p.focus()).filter(f -> f != null)
			.sorted(java.util.Comparator.comparingDouble(CoachingFocus::gapPoints).reversed()).toList();
		List<TrendPoint> trend = view.trend();
		model.addAttribute("funnel", funnel);
		model.addAttribute("people", view.people());
		model.addAttribute("coaching", focus);
		model.addAttribute("coachingWindow", PeriodPicker.label(coaching.coachingWindow(me, selected), locale()));
		model.addAttribute("coachingRange", PeriodPicker.of(coaching.coachingWindow(me, selected), visibility.today(me.orgId()), locale()).range(locale()));
		model.addAttribute("leads", dashboards.leads(me, Scope.team(id), selected));
		model.addAttribute("trend", trend);
		model.addAttribute("hygiene", view.full() ? view.summary().hygiene()
				: new dev.tandem.insight.Hygiene(view.summary().hygiene().deals().stream().filter(d -> d.ownerId().equals(me.id())).toList()));
		model.addAttribute("trendChart", charts.trend(trend, locale()));
		model.addAttribute("funnelChart", charts.funnel(funnel, view.people(), locale()));
		model.addAttribute("activityChart", charts.activities(view.summary(), locale()));
		return Htmx.view(request, "insight/team", "dashboard");
	}

	@GetMapping("/insight/people/{id}")
	String person(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String period, @RequestParam(required = false) @Nullable String part,
			HttpServletRequest request, Model model) {
		Period selected = goals.period(me, period, Period.Kind.MONTH);
		dev.tandem.insight.PersonView view = personDashboards.person(me, id, selected);
		Summary summary = view.summary();
		model.addAttribute("summary", summary);
		common(me, Scope.user(id), selected, model);
		viewersTeams(me, model);
		model.addAttribute("kpis", kpis.of(summary, "user:" + id));
		model.addAttribute("kpiNote", kpis.note(summary));
		model.addAttribute("previousWindow", Kpis.window(summary.comparison().previous(), locale()));
		model.addAttribute("currentWindow", Kpis.window(summary.comparison().current(), locale()));
		if ("live".equals(part) && Htmx.isHtmx(request)) {
			return "insight/person :: live";
		}
		List<TrendPoint> trend = view.trend();
		Funnels.PersonFunnel funnel = funnels.personFunnel(me, id, selected);
		model.addAttribute("funnel", funnel);
		model.addAttribute("focus", coaching.coachingFor(me, id, selected));
		model.addAttribute("coachingRange", PeriodPicker.of(coaching.coachingWindow(me, selected), visibility.today(me.orgId()), locale()).range(locale()));
		model.addAttribute("trend", trend);
		model.addAttribute("signal", view.signal());
		model.addAttribute("leads", dashboards.leads(me, Scope.user(id), selected));
		model.addAttribute("hygiene", summary.hygiene());
		model.addAttribute("trendChart", charts.trend(trend, locale()));
		model.addAttribute("activityChart", charts.activities(summary, locale()));
		return Htmx.view(request, "insight/person", "dashboard");
	}

	@GetMapping("/insight/overview")
	String overview(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String part, HttpServletRequest request, Model model) {
		Period selected = goals.period(me, period, Period.Kind.MONTH);
		var rows = teamDashboards.overview(me, selected);
		model.addAttribute("rows", rows);
		model.addAttribute("picker", PeriodPicker.of(selected, visibility.today(me.orgId()), locale()));
		model.addAttribute("overviewChart", charts.overview(rows, locale()));
		model.addAttribute("liveTeams", rows.stream().map(r -> r.team().id().toString()).toList());
		if ("live".equals(part) && Htmx.isHtmx(request)) {
			return "insight/overview :: live";
		}
		return Htmx.view(request, "insight/overview", "dashboard");
	}

	/** What the live part of a team dashboard draws: the summary's headline numbers, goals and open pipeline. */
	private void live(Model model, CurrentUser me, Summary summary) {
		model.addAttribute("summary", summary);
		common(me, summary.scope(), summary.period(), model);
		model.addAttribute("kpis", kpis.of(summary, "team:" + summary.scope().id()));
		model.addAttribute("kpiNote", kpis.note(summary));
		model.addAttribute("previousWindow", Kpis.window(summary.comparison().previous(), locale()));
		model.addAttribute("currentWindow", Kpis.window(summary.comparison().current(), locale()));
	}

	private void common(CurrentUser me, Scope scope, Period period, Model model) {
		model.addAttribute("picker", PeriodPicker.of(period, visibility.today(me.orgId()), locale()));
		model.addAttribute("scopeKey", (scope.isTeam() ? "team:" : "user:") + scope.id());
		model.addAttribute("scope", scope);
	}

	/** The teams the viewer belongs to and leads, for the page's head (the live parts do not show them). */
	private void viewersTeams(CurrentUser me, Model model) {
		model.addAttribute("ownTeams", access.ownTeams(me));
		model.addAttribute("ledTeams", access.ledTeams(me));
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/** The hygiene of a dashboard, for templates that only need the counts. */
	static long flagged(Hygiene hygiene) {
		return hygiene.flagged();
	}
}
