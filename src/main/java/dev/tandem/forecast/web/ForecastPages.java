package dev.tandem.forecast.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.tandem.forecast.Accuracy;
import dev.tandem.forecast.Backtest;
import dev.tandem.forecast.ForecastManagement;
import dev.tandem.forecast.ForecastNode;
import dev.tandem.forecast.ForecastSnapshots;
import dev.tandem.forecast.Forecasts;
import dev.tandem.forecast.PipelineChange;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.platform.web.FormErrors;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forecast call: a rep's forecast with the deals behind it and their own submission; a team's with every
 * level below, the adjustments, the team's submission upward, the pipeline change and the accuracy of the past.
 */
@Controller
class ForecastPages {

	private final Forecasts forecasts;
	private final ForecastManagement management;
	private final Accuracy accuracy;
	private final Backtest backtest;
	private final ForecastSnapshots snapshots;
	private final GoalManagement goals;
	private final TeamManagement teams;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final FormErrors formErrors;
	private final ForecastCharts charts;
	private final Clock clock;

	ForecastPages(Forecasts forecasts, ForecastManagement management, Accuracy accuracy, Backtest backtest, ForecastSnapshots snapshots,
			GoalManagement goals, TeamManagement teams, OrganisationManagement organisations, Visibility visibility, FormErrors formErrors,
			ForecastCharts charts, Clock clock) {
		this.forecasts = forecasts;
		this.management = management;
		this.accuracy = accuracy;
		this.backtest = backtest;
		this.snapshots = snapshots;
		this.goals = goals;
		this.teams = teams;
		this.organisations = organisations;
		this.visibility = visibility;
		this.formErrors = formErrors;
		this.charts = charts;
		this.clock = clock;
	}

	/** The forecast the caller leads: their highest sales team, for an admin the top team, for a rep their own. */
	@GetMapping("/forecast")
	String home(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String period) {
		List<Team> led = teams.all(me).stream().filter(t -> t.kind() == TeamKind.SALES && me.id().equals(t.leaderId()))
			.sorted(java.util.Comparator.comparingInt(t -> teams.ancestors(me, t.id()).size())).toList();
		String target;
		if (!led.isEmpty()) {
			target = "/forecast/teams/" + led.get(0).id();
		}
		else if (me.isAdmin()) {
			target = teams.all(me).stream().filter(t -> t.kind() == TeamKind.SALES && t.parentId() == null).findFirst()
				.map(t -> "/forecast/teams/" + t.id()).orElse("/forecast/people/" + me.id());
		}
		else {
			target = "/forecast/people/" + me.id();
		}
		return "redirect:" + (period == null ? target
				: org.springframework.web.util.UriComponentsBuilder.fromPath(target).queryParam("period", period).build().encode().toUriString());
	}

	@GetMapping("/forecast/teams/{id}")
	String team(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable String period,
			HttpServletRequest request, Model model) {
		return page(me, Scope.team(id), period, request, model);
	}

	@GetMapping("/forecast/people/{id}")
	String person(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable String period,
			HttpServletRequest request, Model model) {
		return page(me, Scope.user(id), period, request, model);
	}

	private String page(CurrentUser me, Scope scope, @Nullable String key, HttpServletRequest request, Model model) {
		Period period = goals.period(me, key, Period.Kind.MONTH);
		Forecasts.ForecastView view = forecasts.view(me, scope, period);
		ForecastNode root = view.root();
		ZoneId zone = organisations.get(me.orgId()).timeZone();
		Instant now = clock.instant();
		Instant to = period.endAt(zone).isBefore(now) ? period.endAt(zone) : now;
		PipelineChange change = forecasts.change(me, scope, period, period.startAt(zone), to);
		List<Accuracy.PeriodAccuracy> past = accuracy.of(me, scope, period.kind(), period.kind() == Period.Kind.MONTH ? 6 : 4);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("picker", PeriodPicker.of(period, visibility.today(me.orgId()), locale));
		model.addAttribute("base", (scope.isTeam() ? "/forecast/teams/" : "/forecast/people/") + scope.id());
		model.addAttribute("scope", scope);
		model.addAttribute("node", root);
		model.addAttribute("deals", view.deals());
		model.addAttribute("uncounted", view.uncounted());
		model.addAttribute("maySubmit", management.maySubmit(me, scope) && !period.isOver(visibility.today(me.orgId())));
		model.addAttribute("history", management.history(me, scope, period));
		model.addAttribute("adjustable", root.children().stream().filter(c -> management.mayAdjust(me, c.scope()))
			.map(c -> c.scope().id()).toList());
		model.addAttribute("change", change);
		model.addAttribute("changeRows", changeRows(change, forecasts.movesByKind(me, change)));
		model.addAttribute("changeFrom", change.from());
		model.addAttribute("past", past);
		model.addAttribute("bias", Accuracy.bias(past));
		model.addAttribute("meanAccuracy", Accuracy.accuracy(past));
		model.addAttribute("memberBias", scope.isTeam() ? memberBias(me, root, period) : Map.of());
		model.addAttribute("rangeChart", charts.range(root, locale));
		model.addAttribute("waterfallChart", charts.waterfall(change, locale));
		model.addAttribute("scopeKey", scope.key());
		model.addAttribute("mayTakeSnapshot", me.isAdmin() || teams.all(me).stream().anyMatch(t -> me.id().equals(t.leaderId())));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return Htmx.view(request, "forecast/forecast", "forecast");
	}

	/** One line of the pipeline change: the kind, its sign, the amount and the deals behind it. */
	record ChangeRow(PipelineChange.Kind kind, String sign, BigDecimal amount, List<Forecasts.NamedMove> moves) {
	}

	private static List<ChangeRow> changeRows(PipelineChange change, Map<PipelineChange.Kind, List<Forecasts.NamedMove>> moves) {
		return List.of(row(PipelineChange.Kind.NEW, "+", change.created(), moves), row(PipelineChange.Kind.PULLED_IN, "+", change.pulledIn(), moves),
				row(PipelineChange.Kind.INCREASED, "+", change.increased(), moves),
				row(PipelineChange.Kind.DECREASED, "−", change.decreased(), moves),
				row(PipelineChange.Kind.PUSHED_OUT, "−", change.pushedOut(), moves), row(PipelineChange.Kind.WON, "−", change.won(), moves),
				row(PipelineChange.Kind.LOST, "−", change.lost(), moves));
	}

	private static ChangeRow row(PipelineChange.Kind kind, String sign, BigDecimal amount,
			Map<PipelineChange.Kind, List<Forecasts.NamedMove>> moves) {
		return new ChangeRow(kind, sign, amount, moves.getOrDefault(kind, List.of()));
	}

	/** Each level's bias over the last closed periods of the kind: coaching input for the manager. */
	private Map<UUID, Double> memberBias(CurrentUser me, ForecastNode root, Period period) {
		Map<UUID, Double> bias = new java.util.HashMap<>();
		for (ForecastNode child : root.children()) {
			Double value = Accuracy.bias(accuracy.of(me, child.scope(), period.kind(), 3));
			if (value != null) {
				bias.put(child.scope().id(), value);
			}
		}
		return bias;
	}

	@PostMapping("/forecast/submissions")
	String submit(@AuthenticationPrincipal CurrentUser me, @RequestParam String scope, @RequestParam String period,
			@RequestParam(required = false) @Nullable BigDecimal commit, @RequestParam(required = false) @Nullable BigDecimal bestCase,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		Scope chosen = Scope.parse(scope);
		Period p = goals.period(me, period, Period.Kind.MONTH);
		if (formErrors.flash(redirect, "scope", () -> management.submit(me, chosen, p, commit, bestCase, note))) {
			redirect.addFlashAttribute("notice", "forecast.submitted");
		}
		return back(chosen, p);
	}

	@PostMapping("/forecast/submissions/{id}/adjust")
	String adjust(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam String scope, @RequestParam String period,
			@RequestParam(required = false) @Nullable BigDecimal commit, @RequestParam(required = false) @Nullable BigDecimal bestCase,
			@RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable UUID seen,
			RedirectAttributes redirect) {
		if (formErrors.flash(redirect, "submissionId", () -> management.adjust(me, id, seen, commit, bestCase, reason))) {
			redirect.addFlashAttribute("notice", "forecast.adjusted");
		}
		return back(Scope.parse(scope), goals.period(me, period, Period.Kind.MONTH));
	}

	@PostMapping("/forecast/snapshots")
	String snapshot(@AuthenticationPrincipal CurrentUser me, @RequestParam String scope, @RequestParam String period,
			RedirectAttributes redirect) {
		if (formErrors.flash(redirect, () -> snapshots.takeNow(me))) {
			redirect.addFlashAttribute("notice", "forecast.snapshot-taken");
		}
		return back(Scope.parse(scope), goals.period(me, period, Period.Kind.MONTH));
	}

	@GetMapping("/forecast/backtest")
	String backtest(@AuthenticationPrincipal CurrentUser me, Model model) {
		if (me.role() == dev.tandem.people.Role.REP || me.role() == dev.tandem.people.Role.PARTNER) {
			throw new dev.tandem.platform.RecordNotFoundException("backtest", me.orgId());
		}
		Backtest.Result result = backtest.run(me, 12);
		model.addAttribute("result", result);
		model.addAttribute("backtestChart", charts.backtest(result, LocaleContextHolder.getLocale()));
		return "forecast/backtest";
	}

	private static String back(Scope scope, Period period) {
		return "redirect:" + (scope.isTeam() ? "/forecast/teams/" : "/forecast/people/") + scope.id() + "?period=" + period.key();
	}
}
