package dev.tandem.coaching.plan.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.plan.GrowthPlan;
import dev.tandem.coaching.plan.GrowthPlanManagement;
import dev.tandem.coaching.plan.GrowthStatus;
import dev.tandem.coaching.plan.NewGrowthPlan;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Listing;
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
 * Growth plans as JSON: list, read, start one (someone in the person's line), add goals and milestones, say where a goal
 * stands, tick off milestones and check in.
 */
@RestController
@RequestMapping("/api/v1/growth-plans")
@Tag(name = "Growth plans", description = "About 180 days of development with goals, milestones, support and check-ins; private to the person, their line and admins")
class GrowthPlanApiController {

	private final GrowthPlanManagement plans;

	GrowthPlanApiController(GrowthPlanManagement plans) {
		this.plans = plans;
	}

	@GetMapping
	@Operation(summary = "Growth plans of the caller and the people in their line; of one person with personId")
	Listing<Map<String, Object>> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID personId) {
		List<GrowthPlan> list = personId == null ? plans.plans(me) : plans.plansOf(me, personId);
		LocalDate today = plans.today(me);
		List<Map<String, Object>> items = list.stream().map(p -> json(p, today)).toList();
		return new Listing<>(items, items.size(), null);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A growth plan with its goals, milestones, check-ins and status")
	Map<String, Object> get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return json(plans.get(me, id), plans.today(me));
	}

	@PostMapping
	@Operation(summary = "Start a growth plan for someone in the caller's line", description = """
			{personId, title, reviewId?, startsOn? (today), endsOn? (180 days), goals?: [{title, support? (NONE, MANAGER, PEER with
			supportPersonId, DEPARTMENT with supportTeamId), dueOn?, milestones?: [{title, dueOn}]}]}. With an Idempotency-Key
			header, repeating the same request returns the first plan.""")
	ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal CurrentUser me,
			@Parameter(description = "Any unique text, kept 24 hours per user") @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@RequestBody NewGrowthPlan request) {
		GrowthPlan plan = plans.create(me, request, key);
		return ResponseEntity.created(URI.create("/api/v1/growth-plans/" + plan.id())).body(json(plan, plans.today(me)));
	}

	@PostMapping("/{id}/goals")
	@Operation(summary = "Add a goal (the person's line): {title, support?, supportPersonId?, supportTeamId?, dueOn?, milestones?}")
	ResponseEntity<Map<String, Object>> addGoal(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestBody NewGrowthPlan.NewGrowthGoal request) {
		GrowthPlan plan = plans.addGoal(me, id, request);
		return ResponseEntity.created(URI.create("/api/v1/growth-plans/" + id)).body(json(plan, plans.today(me)));
	}

	@PostMapping("/{id}/goals/{growthGoalId}/milestones")
	@Operation(summary = "Add a milestone to a goal (the person's line): {title, dueOn}")
	ResponseEntity<Map<String, Object>> addMilestone(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@PathVariable("growthGoalId") UUID goalId, @RequestBody NewGrowthPlan.NewMilestone request) {
		GrowthPlan plan = plans.addMilestone(me, id, goalId, request);
		return ResponseEntity.created(URI.create("/api/v1/growth-plans/" + id)).body(json(plan, plans.today(me)));
	}

	@PostMapping("/{id}/goals/{growthGoalId}/status")
	@Operation(summary = "Say where a goal stands (the person or their line): {status: ON_TRACK | AT_RISK | DONE, version}; a stale version answers 409")
	Map<String, Object> status(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable("growthGoalId") UUID goalId,
			@RequestBody StatusRequest request) {
		if (request.version() == null) {
			throw InvalidInputException.of("version", "jakarta.validation.constraints.NotNull.message");
		}
		return json(plans.setStatus(me, id, goalId, request.status(), request.version()), plans.today(me));
	}

	@PostMapping("/{id}/milestones/{growthMilestoneId}/done")
	@Operation(summary = "Tick a milestone off ({done: true}, today) or back on ({done: false})")
	Map<String, Object> done(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable("growthMilestoneId") UUID milestoneId,
			@RequestBody DoneRequest request) {
		return json(plans.setMilestoneDone(me, id, milestoneId, !Boolean.FALSE.equals(request.done())), plans.today(me));
	}

	@PostMapping("/{id}/check-ins")
	@Operation(summary = "Check in with progress notes (the person or their line): {note, on? (today)}")
	ResponseEntity<Map<String, Object>> checkIn(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestBody CheckInRequest request) {
		GrowthPlan plan = plans.checkIn(me, id, request.on(), request.note());
		return ResponseEntity.created(URI.create("/api/v1/growth-plans/" + id)).body(json(plan, plans.today(me)));
	}

	static Map<String, Object> json(GrowthPlan p, LocalDate today) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", p.id());
		json.put("personId", p.personId());
		json.put("personName", p.personName());
		json.put("authorId", p.authorId());
		json.put("reviewId", p.reviewId());
		json.put("title", p.title());
		json.put("startsOn", p.startsOn());
		json.put("endsOn", p.endsOn());
		json.put("status", p.status(today));
		json.put("version", p.version());
		json.put("goals", p.goals().stream().map(g -> {
			Map<String, Object> goal = new LinkedHashMap<>();
			goal.put("id", g.id());
			goal.put("title", g.title());
			goal.put("support", g.support());
			goal.put("supportPersonId", g.supportPersonId());
			goal.put("supportTeamId", g.supportTeamId());
			goal.put("supportName", g.supportName());
			goal.put("dueOn", g.dueOn());
			goal.put("status", g.status(today));
			goal.put("markedStatus", g.status());
			goal.put("version", g.version());
			goal.put("milestones", g.milestones());
			return goal;
		}).toList());
		json.put("checkIns", p.checkIns());
		return json;
	}

	record StatusRequest(@Nullable GrowthStatus status, @Nullable Integer version) {
	}

	record DoneRequest(@Nullable Boolean done) {
	}

	record CheckInRequest(@Nullable String note, @Nullable LocalDate on) {
	}
}
