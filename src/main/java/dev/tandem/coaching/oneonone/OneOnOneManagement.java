package dev.tandem.coaching.oneonone;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.coaching.OneOnOneHeld;
import dev.tandem.crm.Idempotency;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.LiveUpdates;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 1:1s: a manager starts a series with one of their people (or with everyone in a team they lead), its meetings are
 * planned ahead from the cadence, both sides add to the agenda, write notes and agree actions, and holding a meeting
 * freezes the rep's numbers and carries what is unfinished to the next one.
 * <p>
 * Who sees what (DESIGN.md section 4): a series and its meetings are for its two participants, the rep's line of
 * managers and admins; everyone else gets a 404. Only the participants write. Private notes are for their author only.
 */
@Service
public class OneOnOneManagement {

	/** How many meetings a series keeps planned ahead of today. */
	static final int PLAN_AHEAD = 4;

	private final Meetings meetings;
	private final MeetingItems items;
	private final MeetingSnapshots snapshots;
	private final Visibility visibility;
	private final TeamManagement teams;
	private final OrganisationManagement organisations;
	private final LiveUpdates live;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Idempotency idempotency;

	OneOnOneManagement(Meetings meetings, MeetingItems items, MeetingSnapshots snapshots, Visibility visibility, TeamManagement teams,
			OrganisationManagement organisations, LiveUpdates live, ApplicationEventPublisher events, Clock clock, Idempotency idempotency) {
		this.idempotency = idempotency;
		this.meetings = meetings;
		this.items = items;
		this.snapshots = snapshots;
		this.visibility = visibility;
		this.teams = teams;
		this.organisations = organisations;
		this.live = live;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts a 1:1 series of the viewer with someone they manage, its first meetings planned; the same
	 * {@code idempotencyKey} again answers the series it started.
	 */
	@Transactional
	public Series start(CurrentUser manager, @Nullable String idempotencyKey, @Nullable UUID repId, NewSeries plan) {
		return idempotency.once(manager, idempotencyKey, "series " + repId + " " + plan, "one-on-one", id -> start(manager, id, repId, plan),
				id -> series(manager, id)).value();
	}

	private Series start(CurrentUser manager, UUID id, @Nullable UUID repId, NewSeries plan) {
		if (repId == null) {
			throw InvalidInputException.of("repId", "jakarta.validation.constraints.NotNull.message");
		}
		if (!visibility.manages(manager, repId)) {
			throw InvalidInputException.of("repId", "validation.one-on-one.not-managed");
		}
		if (meetings.runningPairExists(manager.orgId(), manager.id(), repId)) {
			throw InvalidInputException.of("repId", "validation.one-on-one.exists");
		}
		checkPlan(manager, plan);
		meetings.insertSeries(manager.orgId(), id, manager.id(), repId, plan.cadence(), plan.weekday(), plan.time(), plan.minutes(),
				plan.startsOn(), clock.instant());
		Series series = meetings.series(manager.orgId(), id).orElseThrow();
		planAhead(series);
		return series;
	}

	/** Starts a series with each member of a team the viewer leads who has none with them yet; answers those started. */
	@Transactional
	public List<Series> startForTeam(CurrentUser manager, @Nullable UUID teamId, NewSeries plan) {
		if (teamId == null) {
			throw InvalidInputException.of("teamId", "jakarta.validation.constraints.NotNull.message");
		}
		if (!visibility.leads(manager, teamId)) {
			throw InvalidInputException.of("teamId", "validation.one-on-one.not-led");
		}
		checkPlan(manager, plan);
		List<Series> started = new ArrayList<>();
		for (UUID member : teams.membersOn(manager, teamId, visibility.today(manager.orgId()))) {
			if (!member.equals(manager.id()) && visibility.manages(manager, member)
					&& !meetings.runningPairExists(manager.orgId(), manager.id(), member)) {
				started.add(start(manager, Ids.next(), (UUID) member, plan));
			}
		}
		return started;
	}

	private void checkPlan(CurrentUser viewer, NewSeries plan) {
		List<FieldProblem> problems = new ArrayList<>();
		if (plan.startsOn().isBefore(visibility.today(viewer.orgId()))) {
			problems.add(new FieldProblem("startsOn", "validation.one-on-one.starts-in-past"));
		}
		if (plan.minutes() < 5 || plan.minutes() > 480) {
			problems.add(new FieldProblem("minutes", "validation.one-on-one.minutes"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/** Plans meetings after the series' last one until {@link #PLAN_AHEAD} lie ahead of now. */
	void planAhead(Series series) {
		ZoneId zone = organisations.get(series.orgId()).timeZone();
		Instant now = clock.instant();
		int ahead = meetings.plannedFrom(series.orgId(), series.id(), now);
		Instant last = meetings.lastPlanned(series.orgId(), series.id());
		LocalDate day = last == null ? Cadence.first(series.startsOn(), series.weekday())
				: series.cadence().after(last.atZone(zone).toLocalDate().with(java.time.temporal.TemporalAdjusters.nextOrSame(series.weekday())));
		for (int guard = 0; ahead < PLAN_AHEAD && guard < 200; guard++) {
			Instant at = day.atTime(series.startTime()).atZone(zone).toInstant();
			meetings.insertMeeting(series.orgId(), Ids.next(), series.id(), at);
			if (!at.isBefore(now)) {
				ahead++;
			}
			day = series.cadence().after(day);
		}
	}

	/** Today in the organisation's time zone. */
	public LocalDate today(CurrentUser viewer) {
		return visibility.today(viewer.orgId());
	}

	/** The snapshot frozen on a held meeting the caller has read through this facade; {@code null} for one not held. */
	public @Nullable Snapshot frozenSnapshot(Meeting meeting) {
		return meeting.snapshotJson() == null ? null : MeetingSnapshots.read(meeting.snapshotJson());
	}

	/** The series the viewer takes part in, as manager or as rep. */
	public List<Series> mySeries(CurrentUser viewer) {
		return meetings.seriesOf(viewer.orgId(), List.of(viewer.id()));
	}

	/** The running series of the people the viewer sees (themselves and everyone they manage; everyone, for an admin). */
	public List<Series> visibleSeries(CurrentUser viewer) {
		return meetings.seriesOf(viewer.orgId(), visibility.visibleUsers(viewer)).stream().filter(s -> maySee(viewer, s)).toList();
	}

	public Series series(CurrentUser viewer, UUID id) {
		return meetings.series(viewer.orgId(), id).filter(s -> maySee(viewer, s))
			.orElseThrow(() -> new RecordNotFoundException("1:1 series", id));
	}

	public List<Meeting> meetings(CurrentUser viewer, UUID seriesId) {
		Series series = series(viewer, seriesId);
		return meetings.meetings(viewer.orgId(), series.id());
	}

	/** The meeting the series comes to next: the first planned one not held, from today on. */
	public Optional<Meeting> nextMeeting(CurrentUser viewer, Series series) {
		Instant today = visibility.today(viewer.orgId()).atStartOfDay(organisations.get(viewer.orgId()).timeZone()).toInstant();
		return meetings.meetings(viewer.orgId(), series.id()).stream().filter(m -> !m.held() && !m.plannedAt().isBefore(today)).findFirst();
	}

	/** A meeting with everything the viewer may read of it. */
	public MeetingView meeting(CurrentUser viewer, UUID meetingId) {
		Seen seen = seen(viewer, meetingId);
		Meeting meeting = seen.meeting();
		Series series = seen.series();
		Optional<Meeting> previous = meetings.lastHeldBefore(viewer.orgId(), series.id(), meeting.held() ? meeting.heldAt() : clock.instant());
		Snapshot snapshot = meeting.held() ? (meeting.snapshotJson() == null ? null : MeetingSnapshots.read(meeting.snapshotJson()))
				: snapshots.take(viewer, series.repId(), since(series, previous), clock.instant());
		Snapshot before = previous.map(Meeting::snapshotJson).map(MeetingSnapshots::read).orElse(null);
		return new MeetingView(series, meeting, items.agenda(viewer.orgId(), meetingId), items.notesFor(viewer.orgId(), meetingId, viewer.id()),
				items.actions(viewer.orgId(), meetingId), snapshot, before, series.hasParticipant(viewer.id()));
	}

	/** Where "since the last 1:1" starts: the day the last one was held, or four weeks back for a first meeting. */
	private LocalDate since(Series series, Optional<Meeting> lastHeld) {
		ZoneId zone = organisations.get(series.orgId()).timeZone();
		return lastHeld.map(m -> m.heldAt().atZone(zone).toLocalDate()).orElseGet(() -> visibility.today(series.orgId()).minusWeeks(4));
	}

	/** Puts a point on the agenda of a meeting not held yet; the other participant gets a notice. */
	@Transactional
	public AgendaItem addAgendaItem(CurrentUser viewer, @Nullable String idempotencyKey, UUID meetingId, @Nullable String text) {
		return idempotency.once(viewer, idempotencyKey, "agenda " + meetingId + " " + text, "one-on-one-agenda",
				id -> addAgendaItem(viewer, id, meetingId, text), id -> agendaItem(viewer, id)).value();
	}

	private AgendaItem addAgendaItem(CurrentUser viewer, UUID id, UUID meetingId, @Nullable String text) {
		Meeting meeting = openMeeting(viewer, meetingId);
		String checked = text("text", text, 500);
		items.insertAgendaItem(viewer.orgId(), id, meeting.id(), viewer.id(), checked, null, clock.instant());
		Series series = meetings.series(viewer.orgId(), meeting.seriesId()).orElseThrow();
		events.publishEvent(new AgendaItemAdded(viewer.orgId(), id, meeting.id(), series.id(), viewer.id(), series.otherThan(viewer.id())));
		changed(series);
		return items.agendaItem(viewer.orgId(), id).orElseThrow();
	}

	public AgendaItem agendaItem(CurrentUser viewer, UUID id) {
		AgendaItem item = items.agendaItem(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("agenda item", id));
		seen(viewer, item.meetingId());
		return item;
	}

	@Transactional
	public AgendaItem tick(CurrentUser viewer, UUID itemId, int version, boolean done) {
		AgendaItem item = items.agendaItem(viewer.orgId(), itemId).orElseThrow(() -> new RecordNotFoundException("agenda item", itemId));
		openMeeting(viewer, item.meetingId());
		if (!items.tick(viewer.orgId(), itemId, version, done)) {
			throw new ConcurrentEditException("agenda item", null, null);
		}
		changed(meetings.series(viewer.orgId(), meetings.meeting(viewer.orgId(), item.meetingId()).orElseThrow().seriesId()).orElseThrow());
		return items.agendaItem(viewer.orgId(), itemId).orElseThrow();
	}

	@Transactional
	public MeetingNote addNote(CurrentUser viewer, UUID meetingId, @Nullable String text, boolean privateNote) {
		return addNote(viewer, Ids.next(), meetingId, text, privateNote);
	}

	private MeetingNote addNote(CurrentUser viewer, UUID id, UUID meetingId, @Nullable String text, boolean privateNote) {
		Meeting meeting = participantMeeting(viewer, meetingId);
		items.insertNote(viewer.orgId(), id, meeting.id(), viewer.id(), privateNote, text("text", text, 10000), clock.instant());
		if (!privateNote) {
			changed(meetings.series(viewer.orgId(), meeting.seriesId()).orElseThrow());
		}
		return items.notesFor(viewer.orgId(), meeting.id(), viewer.id()).stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
	}

	/** Agrees an action on the meeting: owned by the rep unless the manager takes it on; {@code dueOn} as {@code yyyy-mm-dd}. */
	@Transactional
	public ActionItem addAction(CurrentUser viewer, @Nullable String idempotencyKey, UUID meetingId, @Nullable String text,
			@Nullable UUID ownerId, @Nullable String dueOn) {
		return idempotency.once(viewer, idempotencyKey, "action " + meetingId + " " + text + " " + ownerId + " " + dueOn, "one-on-one-action",
				id -> addAction(viewer, id, meetingId, text, ownerId, dueOn), id -> action(viewer, id)).value();
	}

	private ActionItem addAction(CurrentUser viewer, UUID id, UUID meetingId, @Nullable String text, @Nullable UUID ownerId,
			@Nullable String dueOn) {
		Meeting meeting = participantMeeting(viewer, meetingId);
		Series series = meetings.series(viewer.orgId(), meeting.seriesId()).orElseThrow();
		List<FieldProblem> problems = new ArrayList<>();
		String checked = null;
		try {
			checked = text("text", text, 500);
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
		}
		UUID owner = ownerId == null ? series.repId() : ownerId;
		if (!series.hasParticipant(owner)) {
			problems.add(new FieldProblem("ownerId", "validation.one-on-one.owner"));
		}
		LocalDate due = null;
		if (dueOn != null && !dueOn.isBlank()) {
			try {
				due = LocalDate.parse(dueOn.trim());
			}
			catch (java.time.format.DateTimeParseException ex) {
				problems.add(new FieldProblem("dueOn", "validation.one-on-one.date"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		items.insertAction(viewer.orgId(), id, series.id(), meeting.id(), owner, checked, due, viewer.id(), clock.instant());
		changed(series);
		return items.action(viewer.orgId(), id).orElseThrow();
	}

	public ActionItem action(CurrentUser viewer, UUID id) {
		ActionItem action = items.action(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("action", id));
		series(viewer, action.seriesId());
		return action;
	}

	@Transactional
	public ActionItem finish(CurrentUser viewer, UUID actionId, int version, boolean done) {
		ActionItem action = action(viewer, actionId);
		Series series = meetings.series(viewer.orgId(), action.seriesId()).orElseThrow();
		if (!series.hasParticipant(viewer.id())) {
			throw new AccessDeniedException("only the participants of a 1:1 change it");
		}
		if (!items.finish(viewer.orgId(), actionId, version, done ? clock.instant() : null)) {
			throw new ConcurrentEditException("action", null, null);
		}
		changed(series);
		return items.action(viewer.orgId(), actionId).orElseThrow();
	}

	/**
	 * Marks the meeting held: freezes the rep's numbers, copies the unticked agenda items to the next meeting and moves
	 * the open actions there, plans ahead and announces {@link OneOnOneHeld}.
	 */
	@Transactional
	public MeetingView hold(CurrentUser viewer, UUID meetingId, int version) {
		Meeting meeting = participantMeeting(viewer, meetingId);
		if (meeting.held()) {
			throw InvalidInputException.of("meetingId", "validation.one-on-one.held");
		}
		Series series = meetings.series(viewer.orgId(), meeting.seriesId()).orElseThrow();
		Instant now = clock.instant();
		Snapshot snapshot = snapshots.take(viewer, series.repId(), since(series, meetings.lastHeldBefore(viewer.orgId(), series.id(), now)), now);
		if (!meetings.hold(viewer.orgId(), meetingId, version, now, MeetingSnapshots.json(snapshot))) {
			throw new ConcurrentEditException("1:1 meeting", null, null);
		}
		planAhead(series);
		Meeting held = meetings.meeting(viewer.orgId(), meetingId).orElseThrow();
		Meeting next = meetings.nextPlanned(viewer.orgId(), series.id(), held).orElseThrow();
		int carried = 0;
		for (AgendaItem item : items.agenda(viewer.orgId(), meetingId)) {
			if (!item.done()) {
				items.insertAgendaItem(viewer.orgId(), Ids.next(), next.id(), item.authorId(), item.text(), item.id(), now.plusNanos(1000L * ++carried));
			}
		}
		items.carryActions(viewer.orgId(), meetingId, next.id());
		events.publishEvent(new OneOnOneHeld(viewer.orgId(), series.id(), meetingId, series.managerId(), series.repId(), now));
		changed(series);
		return meeting(viewer, meetingId);
	}

	/** Moves a meeting not held yet to another moment. */
	@Transactional
	public Meeting move(CurrentUser viewer, UUID meetingId, int version, Instant to) {
		Meeting meeting = openMeeting(viewer, meetingId);
		if (!meetings.move(viewer.orgId(), meeting.id(), version, to)) {
			throw new ConcurrentEditException("1:1 meeting", null, null);
		}
		changed(meetings.series(viewer.orgId(), meeting.seriesId()).orElseThrow());
		return meetings.meeting(viewer.orgId(), meetingId).orElseThrow();
	}

	/** Held and planned meetings of a manager per month, for the manager themselves and their line. */
	public List<MonthCadence> cadenceByMonth(CurrentUser viewer, UUID managerId, LocalDate from, LocalDate to) {
		if (!visibility.canSee(viewer, managerId)) {
			throw new RecordNotFoundException("manager", managerId);
		}
		return meetings.cadence(viewer.orgId(), managerId, from, to, organisations.get(viewer.orgId()).timeZone().getId(), clock.instant()).stream()
			.map(m -> new MonthCadence(m.month(), m.planned(), m.held())).toList();
	}

	/** A manager's held and planned 1:1s of one month ({@code yyyy-mm}). */
	public record MonthCadence(String month, int planned, int held) {

		public @Nullable Double adherence() {
			return planned == 0 ? null : (double) held / planned;
		}
	}

	private boolean maySee(CurrentUser viewer, Series series) {
		return series.hasParticipant(viewer.id()) || visibility.canSee(viewer, series.repId());
	}

	/** A meeting the viewer takes part in; 404 when they may not see it, 403 when they only look on. */
	private Meeting participantMeeting(CurrentUser viewer, UUID meetingId) {
		Seen seen = seen(viewer, meetingId);
		if (!seen.series().hasParticipant(viewer.id())) {
			throw new AccessDeniedException("only the participants of a 1:1 change it");
		}
		return seen.meeting();
	}

	/** A meeting of the series the viewer may see, without its contents: 404 for any other. */
	public Meeting meetingIn(CurrentUser viewer, UUID seriesId, UUID meetingId) {
		Meeting meeting = seen(viewer, meetingId).meeting();
		if (!meeting.seriesId().equals(seriesId)) {
			throw new RecordNotFoundException("1:1 meeting", meetingId);
		}
		return meeting;
	}

	private Seen seen(CurrentUser viewer, UUID meetingId) {
		Meeting meeting = meetings.meeting(viewer.orgId(), meetingId).orElseThrow(() -> new RecordNotFoundException("1:1 meeting", meetingId));
		Series series = meetings.series(viewer.orgId(), meeting.seriesId()).filter(s -> maySee(viewer, s))
			.orElseThrow(() -> new RecordNotFoundException("1:1 meeting", meetingId));
		return new Seen(meeting, series);
	}

	/** A meeting and its series, both seen by the viewer. */
	private record Seen(Meeting meeting, Series series) {
	}

	private Meeting openMeeting(CurrentUser viewer, UUID meetingId) {
		Meeting meeting = participantMeeting(viewer, meetingId);
		if (meeting.held()) {
			throw InvalidInputException.of("meetingId", "validation.one-on-one.held");
		}
		return meeting;
	}

	private static String text(String field, @Nullable String text, int max) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of(field, "jakarta.validation.constraints.NotBlank.message");
		}
		if (text.strip().length() > max) {
			throw InvalidInputException.of(field, "validation.one-on-one.too-long", max);
		}
		return text.strip();
	}

	private void changed(Series series) {
		live.changed(series.orgId(), "one-on-one", List.of(series.managerId(), series.repId()), List.of());
	}
}
