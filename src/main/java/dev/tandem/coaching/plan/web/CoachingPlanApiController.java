package dev.tandem.coaching.plan.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.plan.CoachingPlan;
import dev.tandem.coaching.plan.CoachingPlanManagement;
import dev.tandem.coaching.plan.NewCoachingPlan;
import dev.tandem.coaching.plan.PlanCheckIn;
import dev.tandem.coaching.plan.PlanMetric;
import dev.tandem.coaching.plan.PlanSuggestions;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Listing;
import dev.tandem.playbook.ActivityType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coaching plans as JSON: list, read with check-ins, start one (someone in the person's line), check in, close with the
 * after measurement, and the coaching-focus suggestions of the caller's reps.
 */
@RestController
@RequestMapping("/api/v1/coaching-plans")
@Tag(name = "Coaching plans", description = "A focus for one rep with a metric measured before and after; private to the rep, their line and admins")
class CoachingPlanApiController {

	private final CoachingPlanManagement plans;
	private final PlanSuggestions suggestions;

	CoachingPlanApiController(CoachingPlanManagement plans, PlanSuggestions suggestions) {
		this.plans = plans;
		this.suggestions = suggestions;
	}

	@GetMapping
	@Operation(summary = "Coaching plans of the caller and the people in their line; of one person with personId")
	Listing<Map<String, Object>> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID personId) {
		List<CoachingPlan> list = personId == null ? plans.plans(me) : plans.plansOf(me, personId);
		List<Map<String, Object>> items = list.stream().map(p -> json(p, plans.current(me, p), null)).toList();
		return new Listing<>(items, items.size(), null);
	}

	@GetMapping("/suggestions")
	@Operation(summary = "The coaching focus of each rep the caller manages who has no open plan, widest gap first")
	Listing<Map<String, Object>> suggestions(@AuthenticationPrincipal CurrentUser me) {
		List<Map<String, Object>> items = suggestions.suggestions(me).stream().map(s -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("personId", s.personId());
			json.put("name", s.focus().name());
			json.put("stage", s.focus().stage());
			json.put("stageId", s.stageId());
			json.put("conversion", s.focus().conversion());
			json.put("teamConversion", s.focus().teamConversion());
			json.put("gapPoints", s.focus().gapPoints());
			json.put("deals", s.focus().deals());
			return json;
		}).toList();
		return new Listing<>(items, items.size(), null);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A coaching plan with its check-ins, its baseline and the metric now (after, once closed)")
	Map<String, Object> get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		CoachingPlan plan = plans.get(me, id);
		return json(plan, plans.current(me, plan), plans.checkIns(me, id));
	}

	@PostMapping
	@Operation(summary = "Start a coaching plan for someone in the caller's line", description = """
			{personId, focus, suggested?, metric (STAGE_CONVERSION with stageId, WIN_RATE, WON_REVENUE, ACTIVITIES_PER_WEEK with
			activityType, ATTAINMENT), target (shares as 0 to 1), startsOn, endsOn (the last day)}. The baseline is measured over
			as many days before startsOn as the plan lasts. With an Idempotency-Key header, repeating the same request returns
			the first plan.""")
	ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal CurrentUser me,
			@Parameter(description = "Any unique text, kept 24 hours per user") @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@RequestBody PlanRequest request) {
		CoachingPlan plan = plans.create(me, new NewCoachingPlan(request.personId(), request.focus(),
				Boolean.TRUE.equals(request.suggested()), request.metric(), request.stageId(), request.activityType(), request.target(),
				request.startsOn(), request.endsOn()), key);
		return ResponseEntity.created(URI.create("/api/v1/coaching-plans/" + plan.id()))
			.body(json(plan, plans.current(me, plan), List.of()));
	}

	@PostMapping("/{id}/check-ins")
	@Operation(summary = "Check in on an open plan: {note, on? (today)}; the metric is measured over the plan's days up to then")
	ResponseEntity<PlanCheckIn> checkIn(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody CheckInRequest request) {
		PlanCheckIn checkIn = plans.checkIn(me, id, request.on(), request.note());
		return ResponseEntity.created(URI.create("/api/v1/coaching-plans/" + id)).body(checkIn);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close a plan with the metric measured again (the person's line): {version, note?}; a stale version answers 409")
	Map<String, Object> close(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody CloseRequest request) {
		if (request.version() == null) {
			throw InvalidInputException.of("version", "jakarta.validation.constraints.NotNull.message");
		}
		CoachingPlan plan = plans.close(me, id, request.version(), request.note());
		return json(plan, plan.after(), plans.checkIns(me, id));
	}

	static Map<String, Object> json(CoachingPlan p, @Nullable Double current, @Nullable List<PlanCheckIn> checkIns) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", p.id());
		json.put("personId", p.personId());
		json.put("personName", p.personName());
		json.put("authorId", p.authorId());
		json.put("focus", p.focus());
		json.put("suggested", p.suggested());
		json.put("metric", p.metric());
		json.put("stageId", p.stageId());
		json.put("stageName", p.stageName());
		json.put("activityType", p.activityType());
		json.put("startsOn", p.startsOn());
		json.put("endsOn", p.endsOn());
		json.put("baselineFrom", p.baselineFrom());
		json.put("baseline", p.baseline());
		json.put("target", p.target());
		json.put("current", current);
		json.put("status", p.status());
		json.put("after", p.after());
		json.put("closedOn", p.closedOn());
		json.put("closingNote", p.closingNote());
		json.put("version", p.version());
		if (checkIns != null) {
			json.put("checkIns", checkIns);
		}
		return json;
	}

	record PlanRequest(@Nullable UUID personId, @Nullable String focus, @Nullable Boolean suggested, @Nullable PlanMetric metric,
			@Nullable UUID stageId, @Nullable ActivityType activityType, @Nullable BigDecimal target, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn) {
	}

	record CheckInRequest(@Nullable String note, @Nullable LocalDate on) {
	}

	record CloseRequest(@Nullable Integer version, @Nullable String note) {
	}
}
