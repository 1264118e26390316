package dev.tandem.coaching.oneonone.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.oneonone.ActionItem;
import dev.tandem.coaching.oneonone.AgendaItem;
import dev.tandem.coaching.oneonone.Cadence;
import dev.tandem.coaching.oneonone.Meeting;
import dev.tandem.coaching.oneonone.MeetingNote;
import dev.tandem.coaching.oneonone.MeetingView;
import dev.tandem.coaching.oneonone.NewSeries;
import dev.tandem.coaching.oneonone.OneOnOneManagement;
import dev.tandem.coaching.oneonone.Series;
import dev.tandem.coaching.oneonone.Snapshot;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Listing;
import dev.tandem.platform.RecordNotFoundException;
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
 * 1:1s as JSON: series, their meetings with the rep's numbers ({@code snapshot}), agenda, notes, actions and holding a
 * meeting. Private notes appear only in their author's own answers.
 */
@RestController
@RequestMapping("/api/v1/one-on-ones")
@Tag(name = "1:1s", description = "Recurring 1:1s of a manager with their people: agenda, notes, actions and the rep's numbers")
class OneOnOneApiController {

	private final OneOnOneManagement oneOnOnes;

	OneOnOneApiController(OneOnOneManagement oneOnOnes) {
		this.oneOnOnes = oneOnOnes;
	}

	@GetMapping
	@Operation(summary = "The running 1:1 series the caller sees: their own and those of the people they manage")
	Listing<Map<String, Object>> list(@AuthenticationPrincipal CurrentUser me) {
		List<Map<String, Object>> items = oneOnOnes.visibleSeries(me).stream().map(OneOnOneApiController::json).toList();
		return new Listing<>(items, items.size(), null);
	}

	@PostMapping
	@Operation(summary = "Start a series with someone the caller manages: {repId, cadence, weekday?, time?, minutes?, startsOn?, managerId?}",
			description = "managerId, when given, must be the caller. cadence is WEEKLY, FORTNIGHTLY or MONTHLY; weekday 1 (Monday) to 7; "
					+ "time as HH:mm; startsOn as yyyy-mm-dd, today or later. With an Idempotency-Key header a repeat answers the same series.")
	ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal CurrentUser me,
			@Parameter(description = "Any unique text, kept 24 hours per user") @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@RequestBody OneOnOneSeriesRequest request) {
		if (request.managerId() != null && !request.managerId().equals(me.id())) {
			throw InvalidInputException.of("managerId", "validation.one-on-one.manager-self");
		}
		Series series = oneOnOnes.start(me, key, request.repId(), request.plan(oneOnOnes.today(me)));
		return ResponseEntity.created(URI.create("/api/v1/one-on-ones/" + series.id())).body(json(series));
	}

	@PostMapping("/team")
	@Operation(summary = "Start a series with every member of a team the caller leads who has none with them yet: {teamId, cadence, ...}")
	Listing<Map<String, Object>> createForTeam(@AuthenticationPrincipal CurrentUser me, @RequestBody OneOnOneSeriesRequest request) {
		List<Map<String, Object>> items = oneOnOnes.startForTeam(me, request.teamId(), request.plan(oneOnOnes.today(me))).stream()
			.map(OneOnOneApiController::json).toList();
		return new Listing<>(items, items.size(), null);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A series")
	Map<String, Object> get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return json(oneOnOnes.series(me, id));
	}

	@GetMapping("/{id}/meetings")
	@Operation(summary = "The meetings of a series in time order; a held one carries its frozen snapshot")
	Listing<Map<String, Object>> meetings(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		List<Map<String, Object>> items = oneOnOnes.meetings(me, id).stream().map(m -> {
			Map<String, Object> json = meetingJson(m);
			json.put("snapshot", m.held() ? oneOnOnes.frozenSnapshot(m) : null);
			return json;
		}).toList();
		return new Listing<>(items, items.size(), null);
	}

	@GetMapping("/{id}/meetings/{meetingId}")
	@Operation(summary = "A meeting with its agenda, the notes the caller may read, its actions and the rep's numbers",
			description = "snapshot is live while the meeting is planned and frozen once it is held; previousSnapshot is the last held meeting's.")
	Map<String, Object> meeting(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID meetingId) {
		return json(view(me, id, meetingId));
	}

	@PostMapping("/{id}/meetings/{meetingId}/agenda")
	@Operation(summary = "Add a point to the agenda of a meeting not held yet: {text}; the other participant gets a notice")
	ResponseEntity<Map<String, Object>> agenda(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID meetingId,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, @RequestBody AgendaTextRequest request) {
		oneOnOnes.meetingIn(me, id, meetingId);
		AgendaItem item = oneOnOnes.addAgendaItem(me, key, meetingId, request.text());
		return ResponseEntity.created(URI.create("/api/v1/one-on-ones/" + id + "/meetings/" + meetingId)).body(json(item));
	}

	@PostMapping("/{id}/meetings/{meetingId}/agenda/{itemId}/done")
	@Operation(summary = "Tick (or untick) an agenda point: {done, version}")
	Map<String, Object> tick(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID meetingId,
			@PathVariable UUID itemId, @RequestBody OneOnOneDoneRequest request) {
		oneOnOnes.meetingIn(me, id, meetingId);
		AgendaItem item = oneOnOnes.agendaItem(me, itemId);
		if (!item.meetingId().equals(meetingId)) {
			throw new RecordNotFoundException("agenda item", itemId);
		}
		return json(oneOnOnes.tick(me, itemId, request.requireVersion(), request.done() == null || request.done()));
	}

	@PostMapping("/{id}/meetings/{meetingId}/notes")
	@Operation(summary = "Write a note: {text, private?}; a private note is seen by its author only")
	ResponseEntity<Map<String, Object>> note(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID meetingId,
			@RequestBody MeetingNoteRequest request) {
		oneOnOnes.meetingIn(me, id, meetingId);
		MeetingNote note = oneOnOnes.addNote(me, meetingId, request.text(), Boolean.TRUE.equals(request.privateNote()));
		return ResponseEntity.created(URI.create("/api/v1/one-on-ones/" + id + "/meetings/" + meetingId)).body(json(note));
	}

	@PostMapping("/{id}/meetings/{meetingId}/actions")
	@Operation(summary = "Agree an action: {text, ownerId?, dueOn?}; owned by the rep unless ownerId names the manager; dueOn as yyyy-mm-dd")
	ResponseEntity<Map<String, Object>> action(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID meetingId,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, @RequestBody MeetingActionRequest request) {
		oneOnOnes.meetingIn(me, id, meetingId);
		ActionItem action = oneOnOnes.addAction(me, key, meetingId, request.text(), request.ownerId(), request.dueOn());
		return ResponseEntity.created(URI.create("/api/v1/one-on-ones/" + id + "/meetings/" + meetingId)).body(json(action));
	}

	@PostMapping("/{id}/actions/{actionId}/done")
	@Operation(summary = "Mark an action done (or open again): {done, version}")
	Map<String, Object> finish(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID actionId,
			@RequestBody OneOnOneDoneRequest request) {
		ActionItem action = oneOnOnes.action(me, actionId);
		if (!action.seriesId().equals(id)) {
			throw new RecordNotFoundException("action", actionId);
		}
		return json(oneOnOnes.finish(me, actionId, request.requireVersion(), request.done() == null || request.done()));
	}

	@PostMapping("/{id}/meetings/{meetingId}/held")
	@Operation(summary = "Mark the meeting held: {version}; freezes the snapshot and carries unticked points and open actions to the next meeting")
	Map<String, Object> held(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID meetingId,
			@RequestBody OneOnOneDoneRequest request) {
		oneOnOnes.meetingIn(me, id, meetingId);
		return json(oneOnOnes.hold(me, meetingId, request.requireVersion()));
	}

	@PostMapping("/{id}/meetings/{meetingId}/move")
	@Operation(summary = "Move a meeting not held yet: {plannedAt (ISO instant), version}")
	Map<String, Object> move(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID meetingId,
			@RequestBody MeetingMoveRequest request) {
		oneOnOnes.meetingIn(me, id, meetingId);
		Instant to;
		try {
			to = Instant.parse(request.plannedAt() == null ? "" : request.plannedAt());
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.of("plannedAt", "validation.one-on-one.instant");
		}
		return meetingJson(oneOnOnes.move(me, meetingId, new OneOnOneDoneRequest(null, request.version()).requireVersion(), to));
	}

	@GetMapping("/cadence")
	@Operation(summary = "A manager's 1:1s held and planned per month: managerId (default the caller), from and to as yyyy-mm-dd")
	Map<String, Object> cadence(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID managerId,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
		LocalDate today = oneOnOnes.today(me);
		LocalDate end = date("to", to, today);
		LocalDate start = date("from", from, end.withDayOfMonth(1).minusMonths(5));
		UUID manager = managerId == null ? me.id() : managerId;
		List<Map<String, Object>> months = new ArrayList<>();
		for (OneOnOneManagement.MonthCadence m : oneOnOnes.cadenceByMonth(me, manager, start, end)) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("month", m.month());
			json.put("planned", m.planned());
			json.put("held", m.held());
			json.put("adherence", m.adherence());
			months.add(json);
		}
		return Map.of("managerId", manager, "from", start, "to", end, "months", months);
	}

	private static LocalDate date(String field, @Nullable String text, LocalDate otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.of(field, "validation.one-on-one.date");
		}
	}

	private MeetingView view(CurrentUser me, UUID seriesId, UUID meetingId) {
		oneOnOnes.meetingIn(me, seriesId, meetingId);
		return oneOnOnes.meeting(me, meetingId);
	}

	static Map<String, Object> json(Series s) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", s.id());
		json.put("managerId", s.managerId());
		json.put("manager", s.managerName());
		json.put("repId", s.repId());
		json.put("rep", s.repName());
		json.put("cadence", s.cadence());
		json.put("weekday", s.weekday().getValue());
		json.put("time", s.startTime().toString());
		json.put("minutes", s.minutes());
		json.put("startsOn", s.startsOn());
		json.put("version", s.version());
		return json;
	}

	private static Map<String, Object> meetingJson(Meeting m) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", m.id());
		json.put("seriesId", m.seriesId());
		json.put("plannedAt", m.plannedAt());
		json.put("heldAt", m.heldAt());
		json.put("status", m.held() ? "HELD" : "PLANNED");
		json.put("version", m.version());
		return json;
	}

	private static Map<String, Object> json(MeetingView view) {
		Map<String, Object> json = meetingJson(view.meeting());
		json.put("managerId", view.series().managerId());
		json.put("repId", view.series().repId());
		json.put("agenda", view.agenda().stream().map(OneOnOneApiController::json).toList());
		json.put("notes", view.notes().stream().map(OneOnOneApiController::json).toList());
		json.put("actions", view.actions().stream().map(OneOnOneApiController::json).toList());
		json.put("repActions", view.repActions());
		json.put("managerActions", view.managerActions());
		json.put("snapshot", view.snapshot());
		json.put("previousSnapshot", view.previous());
		return json;
	}

	private static Map<String, Object> json(AgendaItem item) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", item.id());
		json.put("meetingId", item.meetingId());
		json.put("authorId", item.authorId());
		json.put("author", item.authorName());
		json.put("text", item.text());
		json.put("done", item.done());
		json.put("carriedFrom", item.carriedFrom());
		json.put("version", item.version());
		return json;
	}

	private static Map<String, Object> json(MeetingNote note) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", note.id());
		json.put("authorId", note.authorId());
		json.put("author", note.authorName());
		json.put("private", note.privateNote());
		json.put("text", note.text());
		json.put("createdAt", note.createdAt());
		return json;
	}

	private static Map<String, Object> json(ActionItem a) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", a.id());
		json.put("seriesId", a.seriesId());
		json.put("meetingId", a.meetingId());
		json.put("raisedIn", a.raisedIn());
		json.put("ownerId", a.ownerId());
		json.put("owner", a.ownerName());
		json.put("text", a.text());
		json.put("dueOn", a.dueOn());
		json.put("done", a.done());
		json.put("doneAt", a.doneAt());
		json.put("version", a.version());
		return json;
	}

	/** A new series, or series for a whole team. */
	record OneOnOneSeriesRequest(@Nullable UUID managerId, @Nullable UUID repId, @Nullable UUID teamId,
			@io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "WEEKLY", "FORTNIGHTLY", "MONTHLY" }) @Nullable String cadence,
			@io.swagger.v3.oas.annotations.media.Schema(minimum = "1", maximum = "7", description = "1 Monday to 7 Sunday") @Nullable Integer weekday,
			@io.swagger.v3.oas.annotations.media.Schema(example = "16:00") @Nullable String time,
			@io.swagger.v3.oas.annotations.media.Schema(minimum = "5", maximum = "480") @Nullable Integer minutes,
			@io.swagger.v3.oas.annotations.media.Schema(format = "date") @Nullable String startsOn) {

		NewSeries plan(LocalDate today) {
			List<FieldProblem> problems = new ArrayList<>();
			Cadence c = null;
			if (cadence == null) {
				problems.add(new FieldProblem("cadence", "jakarta.validation.constraints.NotNull.message"));
			}
			else {
				try {
					c = Cadence.valueOf(cadence.trim().toUpperCase(java.util.Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					problems.add(new FieldProblem("cadence", "validation.one-on-one.cadence"));
				}
			}
			LocalDate start = today;
			if (startsOn != null && !startsOn.isBlank()) {
				try {
					start = LocalDate.parse(startsOn.trim());
				}
				catch (DateTimeParseException ex) {
					problems.add(new FieldProblem("startsOn", "validation.one-on-one.date"));
				}
			}
			if (weekday != null && (weekday < 1 || weekday > 7)) {
				problems.add(new FieldProblem("weekday", "validation.one-on-one.weekday"));
			}
			LocalTime at = LocalTime.of(10, 0);
			if (time != null && !time.isBlank()) {
				try {
					at = LocalTime.parse(time.trim());
				}
				catch (DateTimeParseException ex) {
					problems.add(new FieldProblem("time", "validation.one-on-one.time"));
				}
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			DayOfWeek day = weekday == null ? start.getDayOfWeek() : DayOfWeek.of(weekday);
			return new NewSeries(c, day, at, minutes == null ? 30 : minutes, start);
		}
	}

	/** A text for the agenda. */
	record AgendaTextRequest(@Nullable String text) {
	}

	/** A note, shared or private. */
	record MeetingNoteRequest(@Nullable String text, @com.fasterxml.jackson.annotation.JsonProperty("private") @Nullable Boolean privateNote) {
	}

	/** An action agreed in a meeting. */
	record MeetingActionRequest(@Nullable String text, @Nullable UUID ownerId,
			@io.swagger.v3.oas.annotations.media.Schema(format = "date") @Nullable String dueOn) {
	}

	/** Done or not, with the version as read. */
	record OneOnOneDoneRequest(@Nullable Boolean done, @Nullable Integer version) {

		int requireVersion() {
			if (version == null) {
				throw InvalidInputException.of("version", "jakarta.validation.constraints.NotNull.message");
			}
			return version;
		}
	}

	/** Another moment for a meeting. */
	record MeetingMoveRequest(@io.swagger.v3.oas.annotations.media.Schema(format = "date-time") @Nullable String plannedAt,
			@Nullable Integer version) {
	}

}
