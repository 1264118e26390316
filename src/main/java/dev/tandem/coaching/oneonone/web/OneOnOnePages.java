package dev.tandem.coaching.oneonone.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.coaching.oneonone.Cadence;
import dev.tandem.coaching.oneonone.Meeting;
import dev.tandem.coaching.oneonone.MeetingView;
import dev.tandem.coaching.oneonone.NewSeries;
import dev.tandem.coaching.oneonone.OneOnOneManagement;
import dev.tandem.coaching.oneonone.Series;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Team;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 1:1 pages: the list (as manager per person with the next meeting, as rep my series, cadence adherence), a series
 * with its meetings and calendar file, and a meeting with its agenda, notes, actions and the rep's numbers. Every form
 * posts and redirects back, so the pages work without JavaScript; htmx swaps only the changed section.
 */
@Controller
class OneOnOnePages {

	private final OneOnOneManagement oneOnOnes;
	private final Visibility visibility;
	private final TeamManagement teams;
	private final UserManagement users;
	private final OrganisationManagement organisations;
	private final FormErrors formErrors;
	private final java.time.Clock clock;
	private final dev.tandem.people.Formats formats;

	OneOnOnePages(OneOnOneManagement oneOnOnes, Visibility visibility, TeamManagement teams, UserManagement users,
			OrganisationManagement organisations, FormErrors formErrors, java.time.Clock clock, dev.tandem.people.Formats formats) {
		this.formats = formats;
		this.clock = clock;
		this.oneOnOnes = oneOnOnes;
		this.visibility = visibility;
		this.teams = teams;
		this.users = users;
		this.organisations = organisations;
		this.formErrors = formErrors;
	}

	@GetMapping("/coaching/one-on-ones")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		List<Series> mine = oneOnOnes.mySeries(me);
		List<Series> asManager = mine.stream().filter(s -> s.managerId().equals(me.id())).toList();
		List<Series> asRep = mine.stream().filter(s -> s.repId().equals(me.id())).toList();
		Map<UUID, Meeting> next = new LinkedHashMap<>();
		mine.forEach(s -> oneOnOnes.nextMeeting(me, s).ifPresent(m -> next.put(s.id(), m)));
		LocalDate today = oneOnOnes.today(me);
		LocalDate from = today.withDayOfMonth(1).minusMonths(5);
		Map<String, List<OneOnOneManagement.MonthCadence>> cadence = new LinkedHashMap<>();
		if (!asManager.isEmpty()) {
			cadence.put(me.displayName(), oneOnOnes.cadenceByMonth(me, me.id(), from, today));
		}
		Map<UUID, String> below = new LinkedHashMap<>();
		oneOnOnes.visibleSeries(me).stream().filter(s -> !s.hasParticipant(me.id())).forEach(s -> below.putIfAbsent(s.managerId(), s.managerName()));
		below.forEach((id, name) -> cadence.put(name, oneOnOnes.cadenceByMonth(me, id, from, today)));
		Set<UUID> paired = new java.util.HashSet<>(asManager.stream().map(Series::repId).toList());
		Map<UUID, String> names = users.displayNames(me);
		List<Map.Entry<UUID, String>> candidates = visibility.managedUsers(me.orgId(), me.id(), today).stream()
			.filter(id -> !paired.contains(id) && names.containsKey(id))
			.map(id -> Map.entry(id, names.get(id))).sorted(Map.Entry.comparingByValue()).toList();
		List<Team> led = teams.all(me).stream().filter(t -> visibility.leads(me, t.id())).toList();
		model.addAttribute("asManager", asManager);
		model.addAttribute("asRep", asRep);
		model.addAttribute("next", next);
		model.addAttribute("cadence", cadence);
		model.addAttribute("candidates", candidates);
		model.addAttribute("ledTeams", led);
		model.addAttribute("cadences", Cadence.values());
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("today", today);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "coaching/oneonone/one-on-ones";
	}

	@PostMapping("/coaching/one-on-ones")
	String start(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String with,
			@RequestParam(required = false) @Nullable String cadence, @RequestParam(required = false) @Nullable Integer weekday,
			@RequestParam(required = false) @Nullable String time, @RequestParam(required = false) @Nullable Integer minutes,
			@RequestParam(required = false) @Nullable String startsOn, RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> {
			NewSeries plan = new OneOnOneApiController.OneOnOneSeriesRequest(null, null, null, cadence, weekday, time, minutes, startsOn)
				.plan(oneOnOnes.today(me));
			UUID target = parse(with);
			int started;
			if (with != null && with.startsWith("team:")) {
				started = oneOnOnes.startForTeam(me, parse(with.substring(5)), plan).size();
			}
			else {
				oneOnOnes.start(me, null, target, plan);
				started = 1;
			}
			redirect.addFlashAttribute("started", started);
		});
		return "redirect:/coaching/one-on-ones";
	}

	private static @Nullable UUID parse(@Nullable String id) {
		if (id == null || id.isBlank() || id.startsWith("team:")) {
			return null;
		}
		try {
			return UUID.fromString(id.trim());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("repId", "validation.one-on-one.not-managed");
		}
	}

	@GetMapping("/coaching/one-on-ones/{id}")
	String series(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		Series series = oneOnOnes.series(me, id);
		List<Meeting> meetings = new ArrayList<>(oneOnOnes.meetings(me, id));
		java.util.Collections.reverse(meetings);
		model.addAttribute("series", series);
		model.addAttribute("meetings", meetings);
		model.addAttribute("todayStart", oneOnOnes.today(me).atStartOfDay(organisations.get(me.orgId()).timeZone()).toInstant());
		model.addAttribute("now", clock.instant());
		return "coaching/oneonone/series";
	}

	/**
	 * The series as one recurring calendar event in the organisation's zone (so 10:00 stays 10:00 across daylight saving),
	 * from its first meeting day; a single meeting moved in Tandem is not rewritten in the file (the rule stays the series').
	 */
	@GetMapping("/coaching/one-on-ones/{id}/calendar.ics")
	org.springframework.http.ResponseEntity<String> calendar(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		Series series = oneOnOnes.series(me, id);
		java.time.ZoneId zone = organisations.get(me.orgId()).timeZone();
		java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
		LocalDate first = Cadence.first(series.startsOn(), series.weekday());
		String title = formErrors.message("one-on-one.series.title", series.managerName(), series.repName());
		dev.tandem.platform.web.IcsWriter ics = new dev.tandem.platform.web.IcsWriter().begin("VCALENDAR")
			.property("VERSION", "2.0")
			.property("PRODID", "-//Tandem//Tandem 1:1//EN")
			.property("CALSCALE", "GREGORIAN")
			.property("METHOD", "PUBLISH")
			.begin("VEVENT")
			.property("UID", "one-on-one-" + series.id() + "@tandem")
			.time("DTSTAMP", clock.instant())
			.property("DTSTART;TZID=" + zone.getId(), local.format(first.atTime(series.startTime())))
			.property("DURATION", java.time.Duration.ofMinutes(series.minutes()).toString())
			.property("RRULE", rule(series, first))
			.text("SUMMARY", title)
			.end("VEVENT");
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(dev.tandem.platform.web.IcsWriter.MEDIA_TYPE))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
				.filename("one-on-one-" + series.repName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".ics").build().toString())
			.body(ics.end("VCALENDAR").toString());
	}

	private static String rule(Series series, LocalDate first) {
		String day = series.weekday().name().substring(0, 2);
		return switch (series.cadence()) {
			case WEEKLY -> "FREQ=WEEKLY;BYDAY=" + day;
			case FORTNIGHTLY -> "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + day;
			case MONTHLY -> "FREQ=MONTHLY;BYDAY=" + (first.getDayOfMonth() > 28 ? -1 : (first.getDayOfMonth() - 1) / 7 + 1) + day;
		};
	}

	@GetMapping("/coaching/one-on-ones/meetings/{id}")
	String meeting(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		MeetingView view = oneOnOnes.meeting(me, id);
		model.addAttribute("pageTitle", formErrors.message("one-on-one.meeting.title", formats.dateTime(view.meeting().plannedAt())));
		model.addAttribute("view", view);
		model.addAttribute("series", view.series());
		model.addAttribute("meeting", view.meeting());
		model.addAttribute("today", oneOnOnes.today(me));
		model.addAttribute("zone", organisations.get(me.orgId()).timeZone());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "coaching/oneonone/meeting";
	}

	@PostMapping("/coaching/one-on-ones/meetings/{id}/agenda")
	String addAgenda(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable String text,
			RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> oneOnOnes.addAgendaItem(me, null, id, text));
		return back(id);
	}

	@PostMapping("/coaching/one-on-ones/meetings/{id}/agenda/{itemId}/done")
	String tick(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID itemId, @RequestParam int version,
			@RequestParam(defaultValue = "true") boolean done, RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> {
			if (!oneOnOnes.agendaItem(me, itemId).meetingId().equals(id)) {
				throw new dev.tandem.platform.RecordNotFoundException("agenda item", itemId);
			}
			oneOnOnes.tick(me, itemId, version, done);
		});
		return back(id);
	}

	@PostMapping("/coaching/one-on-ones/meetings/{id}/notes")
	String addNote(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable String text,
			@RequestParam(name = "private", defaultValue = "false") boolean privateNote, RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> oneOnOnes.addNote(me, id, text, privateNote));
		return back(id);
	}

	@PostMapping("/coaching/one-on-ones/meetings/{id}/actions")
	String addAction(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable UUID ownerId, @RequestParam(required = false) @Nullable String dueOn,
			RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> oneOnOnes.addAction(me, null, id, text, ownerId, dueOn));
		return back(id);
	}

	@PostMapping("/coaching/one-on-ones/actions/{actionId}/done")
	String finish(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID actionId, @RequestParam int version,
			@RequestParam(defaultValue = "true") boolean done, RedirectAttributes redirect) {
		UUID meetingId = oneOnOnes.action(me, actionId).meetingId();
		formErrors.flash(redirect, () -> oneOnOnes.finish(me, actionId, version, done));
		return back(meetingId);
	}

	@PostMapping("/coaching/one-on-ones/meetings/{id}/held")
	String hold(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> oneOnOnes.hold(me, id, version));
		return back(id);
	}

	@PostMapping("/coaching/one-on-ones/meetings/{id}/move")
	String move(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String day, @RequestParam(required = false) @Nullable String time,
			RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> {
			Instant to;
			try {
				to = LocalDate.parse(day == null ? "" : day).atTime(LocalTime.parse(time == null ? "" : time))
					.atZone(organisations.get(me.orgId()).timeZone()).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw InvalidInputException.of("day", "validation.one-on-one.date");
			}
			oneOnOnes.move(me, id, version, to);
		});
		return back(id);
	}

	private static String back(UUID meetingId) {
		return "redirect:/coaching/one-on-ones/meetings/" + meetingId;
	}
}
