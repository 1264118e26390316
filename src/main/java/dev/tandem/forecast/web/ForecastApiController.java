package dev.tandem.forecast.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.forecast.Accuracy;
import dev.tandem.forecast.Adjustment;
import dev.tandem.forecast.Backtest;
import dev.tandem.forecast.ForecastManagement;
import dev.tandem.forecast.ForecastNode;
import dev.tandem.forecast.ForecastSnapshots;
import dev.tandem.forecast.Forecasts;
import dev.tandem.forecast.persistence.ForecastQueries;
import dev.tandem.forecast.MonteCarlo;
import dev.tandem.forecast.PipelineChange;
import dev.tandem.forecast.Submission;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Listing;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Period;
import dev.tandem.platform.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The forecast as JSON: a rep's or a team's forecast for a period with every level below, submissions and
 * adjustments, the pipeline change, accuracy of closed periods, snapshots and the backtest.
 */
@RestController
@RequestMapping("/api/v1/forecast")
@Tag(name = "Forecast", description = "Forecasts that roll up the hierarchy, with the statistical forecast and accuracy")
class ForecastApiController {

	private final Forecasts forecasts;
	private final ForecastManagement management;
	private final Accuracy accuracy;
	private final Backtest backtest;
	private final ForecastSnapshots snapshots;
	private final GoalManagement goals;
	private final OrganisationManagement organisations;
	private final Clock clock;

	ForecastApiController(Forecasts forecasts, ForecastManagement management, Accuracy accuracy, Backtest backtest,
			ForecastSnapshots snapshots, GoalManagement goals, OrganisationManagement organisations, Clock clock) {
		this.forecasts = forecasts;
		this.management = management;
		this.accuracy = accuracy;
		this.backtest = backtest;
		this.snapshots = snapshots;
		this.goals = goals;
		this.organisations = organisations;
		this.clock = clock;
	}

	@GetMapping("/teams/{id}")
	@Operation(summary = "A team's forecast for a period (default: this month) with every level below it")
	Map<String, Object> team(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String period) {
		Period p = goals.period(me, period, Period.Kind.MONTH);
		Forecasts.ForecastView view = forecasts.view(me, Scope.team(id), p);
		Map<String, Object> json = node(view.root());
		json.put("period", p.key());
		json.put("uncounted", uncounted(view.uncounted()));
		return json;
	}

	@GetMapping("/users/{id}")
	@Operation(summary = "A rep's forecast for a period (default: this month) with the open deals behind it and their chances")
	Map<String, Object> user(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String period) {
		Period p = goals.period(me, period, Period.Kind.MONTH);
		Forecasts.ForecastView view = forecasts.view(me, Scope.user(id), p);
		Map<String, Object> json = node(view.root());
		json.put("period", p.key());
		json.put("uncounted", uncounted(view.uncounted()));
		json.put("deals", view.deals().stream().map(d -> {
			Map<String, Object> deal = new LinkedHashMap<>();
			deal.put("id", d.deal().id());
			deal.put("title", d.deal().title());
			deal.put("account", d.deal().accountName());
			deal.put("stage", d.deal().stageName());
			deal.put("category", d.deal().category());
			deal.put("amount", d.deal().amount());
			deal.put("closeDate", d.deal().closeDate());
			deal.put("probability", Math.round(d.probability() * 1000) / 1000.0);
			return deal;
		}).toList());
		return json;
	}

	@GetMapping("/submissions")
	@Operation(summary = "Every revision of a rep's (userId) or team's (teamId) forecast for a period, newest first")
	Listing<Map<String, Object>> history(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID userId,
			@RequestParam(required = false) @Nullable UUID teamId, @RequestParam(required = false) @Nullable String period) {
		Scope scope = scope(me, userId, teamId);
		return Listing.all(management.history(me, scope, goals.period(me, period, Period.Kind.MONTH)).stream()
			.map(ForecastApiController::submission).toList());
	}

	/** {@code {"userId" | "teamId", "period", "commit", "bestCase", "note"?}}; without either id, the caller's own. */
	@PostMapping("/submissions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Submit commit and best case for yourself (userId) or a team you lead (teamId)")
	Map<String, Object> submit(@AuthenticationPrincipal CurrentUser me, @RequestBody SubmissionRequest request) {
		Scope scope = scope(me, request.userId(), request.teamId());
		return submission(management.submit(me, scope, goals.period(me, request.period(), Period.Kind.MONTH), request.commit(),
				request.bestCase(), request.note()));
	}

	/** {@code {"commit", "bestCase", "reason", "seenAdjustmentId"?}}: the adjustment the caller saw, if any. */
	@PostMapping("/submissions/{id}/adjustments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Adjust a submission of someone you lead, with the reason; 409 if someone adjusted it since you read it")
	Map<String, Object> adjust(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody AdjustmentRequest request) {
		return submission(management.adjust(me, id, request.seenAdjustmentId(), request.commit(), request.bestCase(), request.reason()));
	}

	@GetMapping("/submissions/{id}/adjustments")
	@Operation(summary = "Every adjustment of a submission, newest first")
	Listing<Map<String, Object>> adjustments(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return Listing.all(management.adjustments(me, id).stream().map(ForecastApiController::adjustment).toList());
	}

	@GetMapping("/change")
	@Operation(summary = "How the open pipeline of a period changed between two dates (default: period start until now), deal by deal")
	Map<String, Object> change(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID userId,
			@RequestParam(required = false) @Nullable UUID teamId, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to) {
		Scope scope = scope(me, userId, teamId);
		Period p = goals.period(me, period, Period.Kind.MONTH);
		ZoneId zone = organisations.get(me.orgId()).timeZone();
		if (from != null && to != null && to.isBefore(from)) {
			throw InvalidInputException.of("to", "validation.forecast.to-before-from");
		}
		Instant start = from != null ? from.atStartOfDay(zone).toInstant() : p.startAt(zone);
		Instant end = to != null ? to.plusDays(1).atStartOfDay(zone).toInstant() : clock.instant();
		PipelineChange change = forecasts.change(me, scope, p, start, end);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("period", p.key());
		json.put("from", change.from());
		json.put("to", change.to());
		json.put("start", change.start());
		json.put("new", change.created());
		json.put("pulledIn", change.pulledIn());
		json.put("increased", change.increased());
		json.put("decreased", change.decreased());
		json.put("pushedOut", change.pushedOut());
		json.put("won", change.won());
		json.put("lost", change.lost());
		json.put("end", change.end());
		json.put("reconciles", change.reconciles());
		json.put("moves", forecasts.movesByKind(me, change).values().stream().flatMap(List::stream).map(m -> {
			Map<String, Object> move = new LinkedHashMap<>();
			move.put("dealId", m.move().dealId());
			move.put("title", m.deal().title());
			move.put("owner", m.deal().ownerName());
			move.put("kind", m.move().kind());
			move.put("amount", m.move().amount());
			return move;
		}).toList());
		return json;
	}

	@GetMapping("/accuracy")
	@Operation(summary = "Forecast at each snapshot against what was won, for the last closed periods of a kind; with the bias")
	Map<String, Object> accuracy(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID userId,
			@RequestParam(required = false) @Nullable UUID teamId, @RequestParam(defaultValue = "MONTH") Period.Kind kind,
			@RequestParam(defaultValue = "6") int count) {
		if (count < 1 || count > 24) {
			throw InvalidInputException.of("count", "validation.forecast.count");
		}
		List<Accuracy.PeriodAccuracy> periods = accuracy.of(me, scope(me, userId, teamId), kind, count);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("accuracy", Accuracy.accuracy(periods));
		json.put("bias", Accuracy.bias(periods));
		json.put("periods", periods.stream().map(a -> {
			Map<String, Object> period = new LinkedHashMap<>();
			period.put("period", a.period().key());
			period.put("actual", a.actual());
			period.put("accuracy", a.accuracy());
			period.put("bias", a.bias());
			period.put("snapshots", a.forecasts().stream().map(f -> Map.of("takenAt", f.takenAt(), "said", f.said(), "counted", f.counted()))
				.toList());
			return period;
		}).toList());
		return json;
	}

	@PostMapping("/snapshots")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Take a snapshot of every submission and of the open pipeline now (managers and admins)")
	Map<String, Object> snapshot(@AuthenticationPrincipal CurrentUser me) {
		return Map.of("id", snapshots.takeNow(me));
	}

	@GetMapping("/backtest")
	@Operation(summary = "The statistical forecast against stage weighting and the submitted forecasts over the last closed months")
	Map<String, Object> backtest(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "12") int months) {
		if (me.role() == Role.REP || me.role() == Role.PARTNER) {
			throw new RecordNotFoundException("backtest", me.orgId());
		}
		if (months < 1 || months > 24) {
			throw InvalidInputException.of("months", "validation.forecast.count");
		}
		Backtest.Result result = backtest.run(me, months);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("statisticalError", result.statisticalError());
		json.put("statisticalBias", result.statisticalBias());
		json.put("naiveError", result.naiveError());
		json.put("naiveBias", result.naiveBias());
		json.put("submittedError", result.submittedError());
		json.put("submittedBias", result.submittedBias());
		json.put("withinP10P90", result.withinP10P90());
		json.put("months", result.months().stream().map(m -> {
			Map<String, Object> month = new LinkedHashMap<>();
			month.put("period", m.period().key());
			month.put("openDeals", m.openDeals());
			month.put("actual", m.actual());
			month.put("statistical", outcome(m.statistical()));
			month.put("naive", m.naive());
			month.put("submitted", m.submitted());
			return month;
		}).toList());
		return json;
	}

	private static Map<String, Object> node(ForecastNode node) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("userId", node.scope().isTeam() ? null : node.scope().id());
		json.put("teamId", node.scope().isTeam() ? node.scope().id() : null);
		json.put("name", node.name());
		json.put("leader", node.leaderName());
		json.put("goal", node.goal());
		if (node.scope().isTeam()) {
			json.put("membersGoal", node.membersGoal());
		}
		json.put("won", node.won());
		json.put("commit", node.commit());
		json.put("bestCase", node.bestCase());
		json.put("pipeline", node.pipelineOpen());
		json.put("gap", node.gap());
		json.put("open", Map.of("commit", node.commitOpen(), "bestCase", node.bestCaseOpen(), "pipeline", node.pipelineOpen(), "total",
				node.openTotal()));
		json.put("rollup", Map.of("commit", node.rollupCommit(), "bestCase", node.rollupBestCase()));
		Submission submission = node.submission();
		json.put("submitted", submission == null ? null : submission(submission));
		json.put("adjusted", submission == null || submission.adjustment() == null ? null : adjustment(submission.adjustment()));
		json.put("statistical", outcome(node.statistical()));
		if (node.scope().isTeam()) {
			json.put("children", node.children().stream().map(ForecastApiController::node).toList());
		}
		return json;
	}

	private static Map<String, Object> outcome(MonteCarlo.Outcome outcome) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("p10", outcome.p10());
		json.put("p50", outcome.p50());
		json.put("p90", outcome.p90());
		json.put("mean", outcome.mean());
		return json;
	}

	private static Map<String, Object> submission(Submission s) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", s.id());
		json.put("userId", s.scope().isTeam() ? null : s.scope().id());
		json.put("teamId", s.scope().isTeam() ? s.scope().id() : null);
		json.put("period", s.period().key());
		json.put("revision", s.revision());
		json.put("commit", s.commit());
		json.put("bestCase", s.bestCase());
		json.put("wonThen", s.won());
		json.put("pipelineThen", s.pipeline());
		json.put("note", s.note());
		json.put("submittedBy", s.submittedByName());
		json.put("submittedAt", s.submittedAt());
		json.put("adjustment", s.adjustment() == null ? null : adjustment(s.adjustment()));
		return json;
	}

	private static Map<String, Object> adjustment(Adjustment a) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", a.id());
		json.put("commit", a.commit());
		json.put("bestCase", a.bestCase());
		json.put("reason", a.reason());
		json.put("adjustedBy", a.adjustedByName());
		json.put("adjustedAt", a.adjustedAt());
		return json;
	}

	private static Scope scope(CurrentUser me, @Nullable UUID userId, @Nullable UUID teamId) {
		if (userId != null && teamId != null) {
			throw new InvalidInputException(List.of(new FieldProblem("teamId", "validation.goal.one-scope")));
		}
		return teamId != null ? Scope.team(teamId) : Scope.user(userId != null ? userId : me.id());
	}

	record SubmissionRequest(@Nullable UUID userId, @Nullable UUID teamId, @Nullable String period, @Nullable BigDecimal commit,
			@Nullable BigDecimal bestCase, @Nullable String note) {
	}

	record AdjustmentRequest(@Nullable BigDecimal commit, @Nullable BigDecimal bestCase, @Nullable String reason,
			@Nullable UUID seenAdjustmentId) {
	}

	/** The open deals the forecast cannot count (no amount or no close date): how many, and the first of them. */
	private static Map<String, Object> uncounted(ForecastQueries.Uncounted uncounted) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("count", uncounted.count());
		json.put("deals", uncounted.first().stream().map(d -> {
			Map<String, Object> deal = new LinkedHashMap<>();
			deal.put("id", d.id());
			deal.put("title", d.title());
			deal.put("owner", d.ownerName());
			deal.put("missing", d.amount() == null && d.closeDate() == null ? List.of("amount", "closeDate")
					: d.amount() == null ? List.of("amount") : List.of("closeDate"));
			return deal;
		}).toList());
		return json;
	}
}
