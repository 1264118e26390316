package dev.tandem.coaching.mentoring.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.mentoring.AnswerForm;
import dev.tandem.coaching.mentoring.Conclusion;
import dev.tandem.coaching.mentoring.Invitation;
import dev.tandem.coaching.mentoring.NewAnswer;
import dev.tandem.coaching.mentoring.RatingAggregate;
import dev.tandem.coaching.mentoring.ReadinessAssessment;
import dev.tandem.coaching.mentoring.ReadinessManagement;
import dev.tandem.coaching.mentoring.ReadinessView;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manager-readiness assessments as JSON. The candidate sees the aggregate only (and their own rating); their line sees
 * who answered, never what one rater said; a rater sees their own answer form ({@code /answer}), partners too.
 */
@RestController
@RequestMapping("/api/v1/readiness-assessments")
@Tag(name = "Manager readiness", description = "Readiness of a rep to lead, with 360 input and evidence from the data")
class ReadinessApiController {

	private final ReadinessManagement readiness;

	ReadinessApiController(ReadinessManagement readiness) {
		this.readiness = readiness;
	}

	record StartRequest(@Nullable UUID candidateId,
			@io.swagger.v3.oas.annotations.media.Schema(minimum = "5", maximum = "10", description = "5 or 10") @Nullable Integer scale) {
	}

	record InviteRequest(@Nullable List<UUID> raterIds) {
	}

	@GetMapping
	@Operation(summary = "The assessments the caller may see: of people in their line, and their own as candidate")
	Listing<Map<String, Object>> list(@AuthenticationPrincipal CurrentUser me) {
		List<Map<String, Object>> items = readiness.list(me).stream().map(ReadinessApiController::json).toList();
		return new Listing<>(items, items.size(), null);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start an assessment of a candidate in the caller's line: {candidateId, scale (5 or 10, default 10)}")
	Map<String, Object> start(@AuthenticationPrincipal CurrentUser me, @RequestBody StartRequest request,
			@Parameter(description = "Any unique text, kept 24 hours per user") @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
		return json(readiness.start(me, request.candidateId(), request.scale(), key));
	}

	@GetMapping("/invitations")
	@Operation(summary = "The caller's invitations to rate someone, open ones first")
	Listing<Map<String, Object>> invitations(@AuthenticationPrincipal CurrentUser me) {
		List<Map<String, Object>> items = readiness.invitations(me).stream().map(i -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("assessmentId", i.assessment().id());
			json.put("candidateName", i.assessment().candidateName());
			json.put("scale", i.assessment().scale());
			json.put("open", i.assessment().isOpen());
			json.put("answeredAt", i.invitation().answeredAt());
			return json;
		}).toList();
		return new Listing<>(items, items.size(), null);
	}

	@GetMapping("/{id}")
	@Operation(summary = "An assessment with the aggregated ratings (once 3 raters besides the candidate answered) and the evidence")
	Map<String, Object> get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		ReadinessView view = readiness.view(me, id);
		Map<String, Object> json = json(view.assessment());
		json.put("ratings", ratings(view.ratings()));
		json.put("evidence", view.evidence());
		if (view.manage()) {
			json.put("raters", view.invitations().stream().map(ReadinessApiController::json).toList());
		}
		return json;
	}

	@PostMapping("/{id}/raters")
	@Operation(summary = "Invite raters (the candidate's line): {raterIds}; peers and partner departments alike")
	Listing<Map<String, Object>> invite(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody InviteRequest request) {
		List<Map<String, Object>> items = readiness.invite(me, id, request.raterIds()).stream().map(ReadinessApiController::json).toList();
		return new Listing<>(items, items.size(), null);
	}

	@GetMapping("/{id}/answer")
	@Operation(summary = "The caller's own answer form: whom they rate, the scale, and their answer once given; 404 when not invited")
	Map<String, Object> form(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return json(readiness.form(me, id));
	}

	/** {@code {"scores": {"HELICOPTER_VIEW": 7, ...every competency}, "comments": {"GIVING_ROOM": "..."}}}. */
	@PostMapping("/{id}/answers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Answer as an invited rater, once: a score per competency within the scale, comments optional")
	Map<String, Object> answer(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody NewAnswer answer) {
		return json(readiness.answer(me, id, answer));
	}

	@PostMapping("/{id}/conclusion")
	@Operation(summary = "Conclude (the candidate's line): {summary: READY_NOW | READY_6_12_MONTHS | NOT_YET, developmentAreas, note, version}")
	Map<String, Object> conclude(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody Conclusion conclusion) {
		return json(readiness.conclude(me, id, conclusion));
	}

	private static Map<String, Object> json(ReadinessAssessment a) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", a.id());
		json.put("candidateId", a.candidateId());
		json.put("candidateName", a.candidateName());
		json.put("startedBy", a.startedBy());
		json.put("scale", a.scale());
		json.put("status", a.status());
		json.put("summary", a.summary());
		json.put("developmentAreas", a.developmentAreas());
		json.put("note", a.summaryNote());
		json.put("startedAt", a.startedAt());
		json.put("concludedAt", a.concludedAt());
		json.put("growthPlan", "/coaching/growth-plans/new?readinessId=" + a.id());
		json.put("version", a.version());
		return json;
	}

	private static Map<String, Object> json(Invitation i) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("raterId", i.raterId());
		json.put("raterName", i.raterName());
		json.put("relation", i.relation());
		json.put("invitedAt", i.invitedAt());
		json.put("answered", i.answered());
		return json;
	}

	private static Map<String, Object> ratings(RatingAggregate r) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("answered", r.answered());
		json.put("minimum", RatingAggregate.MIN_RATERS);
		json.put("shown", r.shown());
		json.put("means", r.means());
		json.put("overall", r.overall());
		json.put("self", r.self());
		json.put("comments", r.comments());
		return json;
	}

	private static Map<String, Object> json(AnswerForm form) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("assessmentId", form.assessment().id());
		json.put("candidateName", form.assessment().candidateName());
		json.put("scale", form.assessment().scale());
		json.put("relation", form.invitation().relation());
		json.put("open", form.assessment().isOpen());
		json.put("answeredAt", form.invitation().answeredAt());
		json.put("scores", form.answer() == null ? null : form.answer().scores());
		json.put("comments", form.answer() == null ? null : form.answer().comments());
		return json;
	}
}
