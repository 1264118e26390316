package dev.tandem.coaching.oneonone;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.coaching.OneOnOneLoad;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Ids;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes the demo organisation's 1:1s straight into the tables, freezing each held meeting's numbers on the way. */
@Component
class OneOnOneBulkLoad implements OneOnOneLoad {

	private final Meetings meetings;
	private final MeetingItems items;
	private final MeetingSnapshots snapshots;
	private final OneOnOneManagement management;
	private final UserManagement users;
	private final OrganisationManagement organisations;

	OneOnOneBulkLoad(Meetings meetings, MeetingItems items, MeetingSnapshots snapshots, OneOnOneManagement management, UserManagement users,
			OrganisationManagement organisations) {
		this.meetings = meetings;
		this.items = items;
		this.snapshots = snapshots;
		this.management = management;
		this.users = users;
		this.organisations = organisations;
	}

	@Override
	@Transactional
	public void load(UUID orgId, UUID actingAdminId, List<SeriesRow> rows) {
		CurrentUser admin = CurrentUser.of(users.recipient(orgId, actingAdminId).orElseThrow());
		ZoneId zone = organisations.get(orgId).timeZone();
		for (SeriesRow row : rows) {
			UUID seriesId = Ids.next();
			Instant created = row.startsOn().atStartOfDay(zone).toInstant();
			meetings.insertSeries(orgId, seriesId, row.managerId(), row.repId(), Cadence.valueOf(row.cadence()), row.weekday(), row.time(), 30,
					row.startsOn(), created);
			List<Meeting> written = new ArrayList<>();
			List<UUID> openActions = new ArrayList<>();
			for (MeetingRow m : row.meetings()) {
				UUID meetingId = Ids.next();
				meetings.insertMeeting(orgId, meetingId, seriesId, m.plannedAt());
				Instant before = m.plannedAt().minusSeconds(86_400);
				int n = 0;
				for (PointRow p : m.agenda()) {
					UUID itemId = Ids.next();
					items.insertAgendaItem(orgId, itemId, meetingId, p.byRep() ? row.repId() : row.managerId(), p.text(), null, before.plusSeconds(60L * ++n));
					if (p.done()) {
						items.tick(orgId, itemId, 0, true);
					}
				}
				Instant after = m.heldAt() == null ? m.plannedAt() : m.heldAt();
				for (String note : m.sharedNotesByManager()) {
					items.insertNote(orgId, Ids.next(), meetingId, row.managerId(), false, note, after);
				}
				for (UUID open : openActions) {
					items.moveAction(orgId, open, meetingId);
				}
				openActions.clear();
				for (ActionRow a : m.actions()) {
					UUID actionId = Ids.next();
					items.insertAction(orgId, actionId, seriesId, meetingId, a.managerOwns() ? row.managerId() : row.repId(), a.text(), a.dueOn(),
							row.managerId(), after);
					if (a.doneAt() != null) {
						items.finish(orgId, actionId, 0, a.doneAt());
					}
					else if (m.heldAt() != null) {
						openActions.add(actionId);
					}
				}
				written.add(new Meeting(orgId, meetingId, seriesId, m.plannedAt(), m.heldAt(), null, 0));
			}
			freeze(admin, row, written, zone);
			management.planAhead(meetings.series(orgId, seriesId).orElseThrow());
		}
	}

	/**
	 * Each held meeting's numbers as of its day. Hygiene and the coaching focus have no history to take them from, and
	 * measuring them on tables written moments ago (no statistics yet) takes minutes, so a demo meeting has neither.
	 */
	private void freeze(CurrentUser admin, SeriesRow row, List<Meeting> written, ZoneId zone) {
		List<Meeting> held = written.stream().filter(m -> m.heldAt() != null).toList();
		if (held.isEmpty()) {
			return;
		}
		List<LocalDate[]> windows = new ArrayList<>();
		LocalDate since = held.get(0).plannedAt().atZone(zone).toLocalDate().minusWeeks(4);
		for (Meeting m : held) {
			LocalDate day = m.heldAt().atZone(zone).toLocalDate();
			windows.add(new LocalDate[] { since, day });
			since = day;
		}
		List<Snapshot> history = snapshots.history(admin, row.repId(), windows, held.stream().map(Meeting::heldAt).toList());
		for (int i = 0; i < held.size(); i++) {
			Meeting m = held.get(i);
			meetings.hold(admin.orgId(), m.id(), 0, m.heldAt(), MeetingSnapshots.json(history.get(i)));
		}
	}
}
