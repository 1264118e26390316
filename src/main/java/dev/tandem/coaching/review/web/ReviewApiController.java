package dev.tandem.coaching.review.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.review.Review;
import dev.tandem.coaching.review.ReviewCycle;
import dev.tandem.coaching.review.ReviewDocument;
import dev.tandem.coaching.review.ReviewInput;
import dev.tandem.coaching.review.ReviewItem;
import dev.tandem.coaching.review.ReviewManagement;
import dev.tandem.crm.Idempotency;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reviews as JSON: the reviews the caller may see (each with its {@code overall} once assessed), starting a cycle, the
 * steps of a review in their order, and the signed review as a PDF. A step out of turn (an assessment before the
 * self-assessment, a second acknowledgement) answers 409 naming {@code step}; a score outside 1-10 answers 400 naming
 * the section.
 */
@RestController
@RequestMapping("/api/v1/reviews")
@Tag(name = "Reviews", description = "Review cycles and reviews: self-assessment, assessment, conversation, acknowledgement, PDF")
class ReviewApiController {

	private final ReviewManagement reviews;
	private final ReviewDocument document;
	private final Idempotency idempotency;

	ReviewApiController(ReviewManagement reviews, ReviewDocument document, Idempotency idempotency) {
		this.reviews = reviews;
		this.document = document;
		this.idempotency = idempotency;
	}

	@GetMapping
	@Operation(summary = "The reviews the caller may see: their own, those they write, those of the people in their line")
	Listing<Map<String, Object>> list(@AuthenticationPrincipal CurrentUser me) {
		List<Map<String, Object>> items = reviews.visible(me).stream().map(r -> json(r, false)).toList();
		return new Listing<>(items, items.size(), null);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A review with its sections, scores, steps and, once signed, its frozen facts")
	Map<String, Object> get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return json(reviews.get(me, id), true);
	}

	/**
	 * Starts a cycle: {@code {"name", "from": "2026-07-01", "to": "2026-12-01", "templateId"?, "people"?: [ids], "teamId"?}};
	 * a review per person with their manager today as reviewer. Without {@code from} and {@code to}, the six whole months
	 * before this one. Honours {@code Idempotency-Key}.
	 */
	@PostMapping
	@Operation(summary = "Start a review cycle for people or a team (admins and managers); months from and to, inclusive")
	ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal CurrentUser me,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, @RequestBody CycleRequest request) {
		if (!reviews.mayRunCycles(me)) {
			throw new AccessDeniedException("review cycles are run by admins and managers");
		}
		ReviewInput.NewCycle cycle = request.toCycle();
		Idempotency.Outcome<Map<String, Object>> outcome = idempotency.once(me, key, request, "review-cycle",
				id -> cycleJson(reviews.createCycle(me, id, cycle)), id -> cycleJson(reviews.created(me, id)));
		return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(outcome.value());
	}

	@PostMapping("/{id}/self-assessment")
	@Operation(summary = "The reviewee's self-assessment: {scores: [{section, score 1-10, comment?}], comment?, version?}")
	Map<String, Object> selfAssessment(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestBody ReviewInput.SelfAssessment request) {
		return json(reviews.selfAssess(me, id, request), true);
	}

	@PostMapping("/{id}/assessment")
	@Operation(summary = "The manager's assessment: {scores: [{section, score 1-10, comment?}], overall 1-10, comment?, coachingTopics?, version?};"
			+ " on a signed review, with a reason, a correction that makes a new version")
	Map<String, Object> assessment(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestBody ReviewInput.Assessment request) {
		return json(reviews.get(me, id).signed() ? reviews.correct(me, id, request) : reviews.assess(me, id, request), true);
	}

	@PostMapping("/{id}/conversation")
	@Operation(summary = "The day the conversation was held: {heldOn: yyyy-mm-dd, version?}")
	Map<String, Object> conversation(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody HeldRequest request) {
		return json(reviews.held(me, id, request.heldOn(), request.version()), true);
	}

	@PostMapping("/{id}/acknowledge")
	@Operation(summary = "The reviewee acknowledges (signs) the review: {comment?, version?}; a second time answers 409")
	Map<String, Object> acknowledge(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestBody(required = false) @Nullable AcknowledgeRequest request) {
		AcknowledgeRequest body = request == null ? new AcknowledgeRequest(null, null) : request;
		return json(reviews.acknowledge(me, id, body.comment(), body.version()), true);
	}

	@GetMapping("/{id}/versions")
	@Operation(summary = "The earlier, signed versions of a corrected review, oldest first")
	dev.tandem.platform.Listing<Map<String, Object>> versions(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		List<Map<String, Object>> items = reviews.versions(me, id).stream().map(r -> json(r, true)).toList();
		return new dev.tandem.platform.Listing<>(items, items.size(), null);
	}

	@GetMapping(value = "/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "A signed review as a PDF, in the caller's language")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		byte[] pdf = document.pdf(me, id, LocaleContextHolder.getLocale());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("review-" + id + ".pdf").build().toString())
			.body(pdf);
	}

	private static Map<String, Object> cycleJson(ReviewInput.CycleCreated created) {
		Map<String, Object> json = new LinkedHashMap<>();
		ReviewCycle c = created.cycle();
		json.put("id", c.id());
		json.put("name", c.name());
		json.put("from", YearMonth.from(c.periodStart()).toString());
		json.put("to", YearMonth.from(c.lastDay()).toString());
		json.put("reviewIds", created.reviewIds());
		json.put("skipped", created.skipped().keySet());
		return json;
	}

	static Map<String, Object> json(Review r, boolean details) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", r.id());
		json.put("cycleId", r.cycleId());
		json.put("cycle", r.cycleName());
		json.put("periodStart", r.periodStart());
		json.put("periodEnd", r.lastDay());
		json.put("revieweeId", r.revieweeId());
		json.put("reviewee", r.revieweeName());
		json.put("reviewerId", r.reviewerId());
		json.put("reviewer", r.reviewerName());
		json.put("status", r.status());
		json.put("overall", r.overall());
		json.put("revision", r.revision());
		json.put("version", r.version());
		if (!details) {
			return json;
		}
		List<Map<String, Object>> sections = new ArrayList<>();
		for (ReviewItem i : r.items()) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("section", i.position());
			s.put("title", i.title(LocaleContextHolder.getLocale()));
			s.put("selfScore", i.selfScore());
			s.put("selfComment", i.selfComment());
			s.put("managerScore", i.managerScore());
			s.put("managerComment", i.managerComment());
			sections.add(s);
		}
		json.put("sections", sections);
		json.put("selfComment", r.selfComment());
		json.put("selfAssessedAt", r.selfAt());
		json.put("managerComment", r.managerComment());
		json.put("coachingTopics", r.topics());
		json.put("assessedAt", r.assessedAt());
		json.put("assessedBy", r.assessedByName());
		json.put("heldOn", r.heldOn());
		json.put("acknowledgedAt", r.acknowledgedAt());
		json.put("acknowledgeComment", r.acknowledgeComment());
		json.put("correctedAt", r.correctedAt());
		json.put("correctedBy", r.correctedByName());
		json.put("correctionReason", r.correctionReason());
		json.put("snapshot", r.snapshot());
		return json;
	}

	/** A cycle started through the API: the months of {@code from} and {@code to} inclusive, each a day of it or yyyy-mm. */
	record CycleRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 120) @Nullable String name,
			@Schema(format = "date", description = "a day of the first month (yyyy-mm also reads)") @Nullable String from,
			@Schema(format = "date", description = "a day of the last month (yyyy-mm also reads)") @Nullable String to, @Nullable UUID templateId,
			@Nullable List<UUID> people, @Nullable UUID teamId) {

		ReviewInput.NewCycle toCycle() {
			List<FieldProblem> problems = new ArrayList<>();
			LocalDate start = month(from, "from", problems);
			LocalDate end = month(to, "to", problems);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			return new ReviewInput.NewCycle(name, start, end == null ? null : end.plusMonths(1), templateId, people, teamId);
		}

		static @Nullable LocalDate month(@Nullable String text, String field, List<FieldProblem> problems) {
			try {
				if (text == null) {
					return null;
				}
				String value = text.strip();
				return value.length() > 7 ? LocalDate.parse(value).withDayOfMonth(1) : YearMonth.parse(value).atDay(1);
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem(field, "review.error.month"));
				return null;
			}
		}
	}

	/** The day the conversation was held. */
	record HeldRequest(@Nullable LocalDate heldOn, @Nullable Integer version) {
	}

	/** The reviewee's words at acknowledgement. */
	record AcknowledgeRequest(@Nullable String comment, @Nullable Integer version) {
	}
}
