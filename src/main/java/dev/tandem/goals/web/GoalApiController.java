package dev.tandem.goals.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.GoalProgress;
import dev.tandem.goals.NewGoal;
import dev.tandem.goals.Proposal;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Goals and their agreement as JSON: list with progress, propose (the owner) or offer (a manager), set directly
 * (a manager), accept, counter, delete, and copy a period forward.
 */
@RestController
@RequestMapping("/api/v1/goals")
@Tag(name = "Goals", description = "Goals per person and team, agreed between the owner and their manager")
class GoalApiController {

	private final GoalManagement goals;

	GoalApiController(GoalManagement goals) {
		this.goals = goals;
	}

	@GetMapping
	@Operation(summary = "Goals of a period for a person (userId), a team (teamId) or, without either, the caller; with progress")
	dev.tandem.platform.Listing<Map<String, Object>> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable UUID userId, @RequestParam(required = false) @Nullable UUID teamId) {
		Period p = goals.period(me, period, Period.Kind.MONTH);
		List<Scope> scopes = new ArrayList<>();
		if (userId != null) {
			scopes.add(Scope.user(userId));
		}
		if (teamId != null) {
			scopes.add(Scope.team(teamId));
		}
		if (scopes.isEmpty()) {
			scopes.add(Scope.user(me.id()));
		}
		List<Map<String, Object>> items = goals.progress(me, goals.goals(me, scopes, p)).stream().map(g -> json(g, null)).toList();
		return new dev.tandem.platform.Listing<>(items, items.size(), null);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A goal with its progress and every step of its agreement")
	Map<String, Object> get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		Goal goal = goals.get(me, id);
		return json(goals.progress(me, List.of(goal)).get(0), goals.proposals(me, id));
	}

	/**
	 * Puts a goal on the table: {@code {"userId" | "teamId", "metric", "activityTypes"?, "productId"? (for UNITS_SOLD), "period", "target", "note"?, "set"?}}.
	 * The owner proposes; a manager offers, or sets it directly with {@code "set": true}.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Propose a goal (the owner), offer one (a manager) or set it directly (a manager, set=true)")
	Map<String, Object> create(@AuthenticationPrincipal CurrentUser me, @RequestBody GoalRequest request) {
		NewGoal goal = request.toGoal(me, goals);
		Goal saved = request.set() != null && request.set() ? goals.set(me, goal) : goals.propose(me, goal);
		return json(goals.progress(me, List.of(saved)).get(0), goals.proposals(me, saved.id()));
	}

	@PostMapping("/{id}/accept")
	@Operation(summary = "Accept the figure on the table, when it is the caller's turn; version as read")
	Map<String, Object> accept(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody VersionRequest request) {
		Goal goal = goals.accept(me, id, request.requireVersion());
		return json(goals.progress(me, List.of(goal)).get(0), goals.proposals(me, id));
	}

	@PostMapping("/{id}/counter")
	@Operation(summary = "Answer with another figure (or reopen an agreed goal): {target, note?, version}")
	Map<String, Object> counter(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody CounterRequest request) {
		Goal goal = goals.counter(me, id, request.requireVersion(), request.target(), request.note());
		return json(goals.progress(me, List.of(goal)).get(0), goals.proposals(me, id));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Remove a goal (a manager; the owner only while it was never agreed)")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		goals.delete(me, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/copy")
	@Operation(summary = "Copy a team's and its members' goals of a period to the next period: {teamId, period}")
	Map<String, Object> copy(@AuthenticationPrincipal CurrentUser me, @RequestBody CopyRequest request) {
		if (request.teamId() == null) {
			throw InvalidInputException.of("teamId", "jakarta.validation.constraints.NotNull.message");
		}
		Period from = goals.period(me, request.period(), Period.Kind.MONTH);
		return Map.of("copied", goals.copyToNext(me, request.teamId(), from), "period", from.next().key());
	}

	private static Map<String, Object> json(GoalProgress g, @Nullable List<Proposal> proposals) {
		Goal goal = g.goal();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", goal.id());
		json.put("userId", goal.scope().isTeam() ? null : goal.scope().id());
		json.put("teamId", goal.scope().isTeam() ? goal.scope().id() : null);
		json.put("name", goal.scopeName());
		json.put("metric", goal.metric());
		json.put("activityTypes", goal.activityTypes());
		json.put("productId", goal.productId());
		json.put("productName", goal.productName());
		json.put("period", goal.period().key());
		json.put("target", goal.target());
		json.put("agreedTarget", goal.agreedTarget());
		json.put("status", goal.status());
		json.put("setByManager", goal.setByManager());
		json.put("version", goal.version());
		json.put("actual", g.progress().actual());
		json.put("attainment", g.progress().attainment());
		json.put("pace", g.progress().pace());
		json.put("projection", g.progress().projection());
		json.put("tooEarly", g.progress().tooEarly());
		if (proposals != null) {
			json.put("proposals", proposals.stream().map(p -> {
				Map<String, Object> step = new LinkedHashMap<>();
				step.put("kind", p.kind());
				step.put("target", p.target());
				step.put("note", p.note());
				step.put("authorId", p.authorId());
				step.put("author", p.authorName());
				step.put("at", p.at());
				return step;
			}).toList());
		}
		return json;
	}

	/** A goal put on the table through the API. */
	record GoalRequest(@Nullable UUID userId, @Nullable UUID teamId, @Nullable GoalMetric metric,
			@Nullable Set<ActivityType> activityTypes, @Nullable String period, @Nullable BigDecimal target, @Nullable String note,
			@Nullable Boolean set, @Nullable UUID productId) {

		NewGoal toGoal(CurrentUser me, GoalManagement goals) {
			List<FieldProblem> problems = new ArrayList<>();
			if (userId != null && teamId != null) {
				problems.add(new FieldProblem("teamId", "validation.goal.one-scope"));
			}
			if (metric == null) {
				problems.add(new FieldProblem("metric", "jakarta.validation.constraints.NotNull.message"));
			}
			if (target == null) {
				problems.add(new FieldProblem("target", "jakarta.validation.constraints.NotNull.message"));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			Scope scope = teamId != null ? Scope.team(teamId) : Scope.user(userId != null ? userId : me.id());
			return new NewGoal(scope, metric, activityTypes == null ? Set.of() : Set.copyOf(activityTypes),
					goals.period(me, period, Period.Kind.MONTH), target, note, productId);
		}
	}

	/** The version of the goal as the caller read it. */
	record VersionRequest(@Nullable Integer version) {

		int requireVersion() {
			if (version == null) {
				throw InvalidInputException.of("version", "jakarta.validation.constraints.NotNull.message");
			}
			return version;
		}
	}

	/** Another figure for the table. */
	record CounterRequest(@Nullable BigDecimal target, @Nullable String note, @Nullable Integer version) {

		int requireVersion() {
			return new VersionRequest(version).requireVersion();
		}
	}

	/** Which team's goals of which period to copy forward. */
	record CopyRequest(@Nullable UUID teamId, @Nullable String period) {
	}
}
