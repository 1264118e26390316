package dev.tandem.coaching.mentoring.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.mentoring.CohortMonth;
import dev.tandem.coaching.mentoring.MentoringManagement;
import dev.tandem.coaching.mentoring.Mentorship;
import dev.tandem.coaching.mentoring.NewMentorship;
import dev.tandem.coaching.mentoring.Ramp;
import dev.tandem.coaching.mentoring.RampMonth;
import dev.tandem.coaching.mentoring.RampTracking;
import dev.tandem.coaching.mentoring.Suggestions;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Mentors for newcomers as JSON: the mentorships the caller may see, suggestions, choosing a mentor, a ramp. */
@RestController
@RequestMapping("/api/v1/mentorships")
@Tag(name = "Mentoring", description = "Mentors for newcomers, suggested from the team's strengths, and the newcomers' ramp")
class MentoringApiController {

	private final MentoringManagement mentoring;
	private final RampTracking ramps;

	MentoringApiController(MentoringManagement mentoring, RampTracking ramps) {
		this.mentoring = mentoring;
		this.ramps = ramps;
	}

	@GetMapping
	@Operation(summary = "The mentorships the caller may see (of people in their line, and their own), latest first")
	Listing<Map<String, Object>> list(@AuthenticationPrincipal CurrentUser me) {
		List<Map<String, Object>> items = mentoring.list(me).stream().map(MentoringApiController::json).toList();
		return new Listing<>(items, items.size(), null);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A mentorship; 404 for anyone but the newcomer, the mentor, their line and admins")
	Map<String, Object> get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return json(mentoring.get(me, id));
	}

	/** {@code {"newcomerId", "mentorId", "startsOn"?, "endsOn"?, "goals"?}}; the start defaults to today, the end to 90 days later. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Choose a mentor for a newcomer (one of the newcomer's line); ends the running mentorship")
	Map<String, Object> create(@AuthenticationPrincipal CurrentUser me, @RequestBody NewMentorship request,
			@Parameter(description = "Any unique text, kept 24 hours per user") @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
		return json(mentoring.assign(me, request, key));
	}

	record EndRequest(@Nullable Integer version) {
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "End a mentorship today (the newcomer's line): {version} as read; 409 when it changed since")
	Map<String, Object> end(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody EndRequest request) {
		if (request.version() == null) {
			throw dev.tandem.platform.InvalidInputException.of("version", "jakarta.validation.constraints.NotNull.message");
		}
		return json(mentoring.end(me, id, request.version()));
	}

	@GetMapping("/suggestions")
	@Operation(summary = "Suggested mentors for a newcomer, best first, with the score and the reasons in the caller's language")
	Map<String, Object> suggestions(@AuthenticationPrincipal CurrentUser me, @RequestParam String newcomerId) {
		UUID newcomer = personId(newcomerId);
		Suggestions s = mentoring.suggestions(me, newcomer, LocaleContextHolder.getLocale());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("newcomerId", newcomer);
		json.put("gapStages", s.gapStages());
		json.put("stagesFromTeam", s.stagesFromTeam());
		json.put("gapActivities", s.gapActivities());
		json.put("activitiesFromPlaybook", s.activitiesFromPlaybook());
		json.put("items", s.mentors());
		return json;
	}

	@GetMapping("/ramp")
	@Operation(summary = "A newcomer's ramp per month of tenure beside the average of earlier starters (the cohort curve)")
	Map<String, Object> ramp(@AuthenticationPrincipal CurrentUser me, @RequestParam String personId) {
		Ramp ramp = ramps.ramp(me, personId(personId));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("personId", ramp.personId());
		json.put("name", ramp.name());
		json.put("started", ramp.started());
		json.put("firstMeeting", ramp.firstMeeting());
		json.put("firstWon", ramp.firstWon());
		json.put("months", ramp.months().stream().map(MentoringApiController::json).toList());
		json.put("cohortSize", ramp.cohortSize());
		json.put("cohort", ramp.cohort().stream().map(MentoringApiController::json).toList());
		return json;
	}

	/** A person's id from a query; what is no id names no one the caller may see: 404, as for someone else's. */
	private static UUID personId(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new dev.tandem.platform.RecordNotFoundException("person", text);
		}
	}

	static Map<String, Object> json(Mentorship m) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", m.id());
		json.put("newcomerId", m.newcomerId());
		json.put("newcomerName", m.newcomerName());
		json.put("mentorId", m.mentorId());
		json.put("mentorName", m.mentorName());
		json.put("chosenBy", m.chosenBy());
		json.put("startsOn", m.startsOn());
		json.put("endsOn", m.endsOn());
		json.put("goals", m.goals());
		json.put("version", m.version());
		return json;
	}

	private static Map<String, Object> json(RampMonth r) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("month", r.month());
		json.put("from", r.from());
		json.put("to", r.to());
		json.put("complete", r.complete());
		json.put("activities", r.activities());
		json.put("pipelineCreated", r.pipelineCreated());
		json.put("attainment", r.attainment());
		return json;
	}

	private static Map<String, Object> json(CohortMonth c) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("month", c.month());
		json.put("people", c.people());
		json.put("activities", c.activities());
		json.put("pipelineCreated", c.pipelineCreated());
		json.put("attainment", c.attainment());
		return json;
	}
}
