package dev.tandem.coaching.help.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.help.HelpAnswer;
import dev.tandem.coaching.help.HelpRequest;
import dev.tandem.coaching.help.HelpRequestManagement;
import dev.tandem.coaching.help.NewHelpRequest;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
 * Help requests as JSON: raise a hand on a deal or an account, the thread of answers, join, take over, resolve. Visible
 * to the rep who raised it and their line (managers, recursively, and admins); anyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/help-requests")
@Tag(name = "Help requests", description = "A rep raises a hand on a deal or an account; their line answers")
class HelpApiController {

	private final HelpRequestManagement help;

	HelpApiController(HelpRequestManagement help) {
		this.help = help;
	}

	@GetMapping
	@Operation(summary = "The caller's own help requests and those of the people in their line (inbox); open=true for unresolved ones")
	Listing<Map<String, Object>> list(@AuthenticationPrincipal CurrentUser me,
			@Parameter(description = "mine, inbox or (default) both") @RequestParam(required = false) @Nullable String scope,
			@RequestParam(required = false, defaultValue = "false") boolean open) {
		List<HelpRequest> found = new ArrayList<>();
		if (!"inbox".equals(scope)) {
			help.mine(me).stream().filter(r -> !open || !r.status().closed()).forEach(found::add);
		}
		if (!"mine".equals(scope)) {
			found.addAll(help.inbox(me, open));
		}
		List<Map<String, Object>> items = found.stream().map(r -> json(me, r, null)).toList();
		return new Listing<>(items, items.size(), null);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A help request with its thread of answers")
	Map<String, Object> get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return json(me, help.get(me, id), help.answers(me, id));
	}

	/** Raises a hand: {@code {"dealId" | "accountId", "question", "category", "urgency"?}}. */
	@PostMapping
	@Operation(summary = "Raise a hand on a deal or an account the caller sees: {dealId | accountId, question, category "
			+ "(STAKEHOLDER, PRICING, COMPETITION, PROCESS, PRODUCT, OTHER), urgency (LOW, NORMAL, HIGH; default NORMAL)}. "
			+ "With an Idempotency-Key header, repeating the same request returns the first one")
	ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal CurrentUser me,
			@Parameter(description = "Any unique text, kept 24 hours per user") @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@RequestBody HelpRequestRequest request) {
		HelpRequest created = help.ask(me, new NewHelpRequest(request.dealId(), request.accountId(), request.question(),
				request.category(), request.urgency()), key);
		return ResponseEntity.created(URI.create("/api/v1/help-requests/" + created.id())).body(json(me, created, List.of()));
	}

	@PostMapping("/{id}/answers")
	@Operation(summary = "Add to the thread: {text, version?}; the first message from the rep's line is the first answer")
	ResponseEntity<Map<String, Object>> answer(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestBody AnswerRequest request) {
		help.answer(me, id, request.text(), request.version());
		return ResponseEntity.created(URI.create("/api/v1/help-requests/" + id)).body(json(me, help.get(me, id), help.answers(me, id)));
	}

	@PostMapping("/{id}/resolve")
	@Operation(summary = "The rep closes the request with what they did: {resolution, version?}")
	Map<String, Object> resolve(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody ResolveRequest request) {
		return json(me, help.resolve(me, id, request.resolution(), request.version()), help.answers(me, id));
	}

	@PostMapping("/{id}/join")
	@Operation(summary = "A line manager joins the deal's next activity (joint with the rep, not a takeover): {version?}")
	Map<String, Object> join(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody(required = false) @Nullable VersionRequest request) {
		return json(me, help.join(me, id, request == null ? null : request.version()), help.answers(me, id));
	}

	@PostMapping("/{id}/take-over")
	@Operation(summary = "A line manager takes the deal over, recorded as a takeover: {reason, version?}")
	Map<String, Object> takeOver(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody TakeOverRequest request) {
		return json(me, help.takeOver(me, id, request.reason(), request.version()), help.answers(me, id));
	}

	private Map<String, Object> json(CurrentUser me, HelpRequest r, @Nullable List<HelpAnswer> answers) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", r.id());
		json.put("repId", r.repId());
		json.put("repName", r.repName());
		json.put("dealId", r.dealId());
		json.put("dealTitle", r.dealTitle());
		json.put("accountId", r.accountId());
		json.put("accountName", r.accountName());
		json.put("question", r.question());
		json.put("category", r.category());
		json.put("urgency", r.urgency());
		json.put("status", r.status());
		json.put("askedAt", r.askedAt());
		json.put("dueBy", help.dueBy(me.orgId(), r));
		json.put("overdue", help.overdue(me.orgId(), r));
		json.put("firstAnswerAt", r.firstAnswerAt());
		json.put("responseHours", r.responseHours());
		json.put("resolvedAt", r.resolvedAt());
		json.put("resolution", r.resolution());
		json.put("joinedBy", r.joinedBy());
		json.put("joinedActivityId", r.joinedActivityId());
		json.put("takenOverBy", r.takenOverBy());
		json.put("takenOverAt", r.takenOverAt());
		json.put("takeoverReason", r.takeoverReason());
		json.put("version", r.version());
		if (answers != null) {
			json.put("answers", answers.stream().map(a -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("id", a.id());
				m.put("authorId", a.authorId());
				m.put("authorName", a.authorName());
				m.put("text", a.text());
				m.put("createdAt", a.createdAt());
				return m;
			}).toList());
		}
		return json;
	}

	record HelpRequestRequest(@Schema(description = "The deal, or else accountId") @Nullable UUID dealId,
			@Schema(description = "The account, when the request is on no deal") @Nullable UUID accountId,
			@Schema(maxLength = 2000) @Nullable String question,
			@Schema(allowableValues = { "STAKEHOLDER", "PRICING", "COMPETITION", "PROCESS", "PRODUCT", "OTHER" }) @Nullable String category,
			@Schema(allowableValues = { "LOW", "NORMAL", "HIGH" }) @Nullable String urgency) {
	}

	record AnswerRequest(@Nullable String text, @Nullable Integer version) {
	}

	record ResolveRequest(@Nullable String resolution, @Nullable Integer version) {
	}

	record TakeOverRequest(@Nullable String reason, @Nullable Integer version) {
	}

	record VersionRequest(@Nullable Integer version) {
	}
}
