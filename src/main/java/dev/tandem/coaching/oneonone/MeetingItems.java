package dev.tandem.coaching.oneonone;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of what a meeting holds: agenda items, notes and actions. */
@Repository
class MeetingItems {

	private final JdbcClient jdbc;

	MeetingItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertAgendaItem(UUID orgId, UUID id, UUID meetingId, UUID authorId, String text, @Nullable UUID carriedFrom, Instant at) {
		jdbc.sql("""
				insert into coaching_agenda_item (org_id, id, meeting_id, author_id, text, carried_from, created_at)
				values (:org, :id, :meeting, :author, :text, :carried, :at)
				""").param("org", orgId).param("id", id).param("meeting", meetingId).param("author", authorId).param("text", text)
			.param("carried", carriedFrom).param("at", Timestamp.from(at)).update();
	}

	List<AgendaItem> agenda(UUID orgId, UUID meetingId) {
		return jdbc.sql("""
				select a.*, u.display_name from coaching_agenda_item a join people_user_v u on u.org_id = a.org_id and u.id = a.author_id
				 where a.org_id = :org and a.meeting_id = :meeting order by a.created_at, a.id
				""").param("org", orgId).param("meeting", meetingId).query(MeetingItems::agendaItem).list();
	}

	Optional<AgendaItem> agendaItem(UUID orgId, UUID id) {
		return jdbc.sql("""
				select a.*, u.display_name from coaching_agenda_item a join people_user_v u on u.org_id = a.org_id and u.id = a.author_id
				 where a.org_id = :org and a.id = :id
				""").param("org", orgId).param("id", id).query(MeetingItems::agendaItem).optional();
	}

	boolean tick(UUID orgId, UUID id, int version, boolean done) {
		return jdbc.sql("""
				update coaching_agenda_item set done = :done, version = version + 1 where org_id = :org and id = :id and version = :version
				""").param("org", orgId).param("id", id).param("version", version).param("done", done).update() == 1;
	}

	void insertNote(UUID orgId, UUID id, UUID meetingId, UUID authorId, boolean privateNote, String text, Instant at) {
		jdbc.sql("""
				insert into coaching_meeting_note (org_id, id, meeting_id, author_id, private, text, created_at)
				values (:org, :id, :meeting, :author, :private, :text, :at)
				""").param("org", orgId).param("id", id).param("meeting", meetingId).param("author", authorId).param("private", privateNote)
			.param("text", text).param("at", Timestamp.from(at)).update();
	}

	/** The meeting's shared notes and the reader's own private ones: never someone else's private note. */
	List<MeetingNote> notesFor(UUID orgId, UUID meetingId, UUID readerId) {
		return jdbc.sql("""
				select n.*, u.display_name from coaching_meeting_note n join people_user_v u on u.org_id = n.org_id and u.id = n.author_id
				 where n.org_id = :org and n.meeting_id = :meeting and (not n.private or n.author_id = :reader)
				 order by n.created_at, n.id
				""").param("org", orgId).param("meeting", meetingId).param("reader", readerId)
			.query((rs, n) -> new MeetingNote(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
					rs.getObject("author_id", UUID.class), rs.getString("display_name"), rs.getBoolean("private"), rs.getString("text"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	void insertAction(UUID orgId, UUID id, UUID seriesId, UUID meetingId, UUID ownerId, String text, @Nullable LocalDate dueOn,
			UUID createdBy, Instant at) {
		jdbc.sql("""
				insert into coaching_action (org_id, id, one_on_one_id, raised_in, meeting_id, owner_id, text, due_on, created_by, created_at)
				values (:org, :id, :series, :meeting, :meeting, :owner, :text, :due, :by, :at)
				""").param("org", orgId).param("id", id).param("series", seriesId).param("meeting", meetingId).param("owner", ownerId)
			.param("text", text).param("due", dueOn).param("by", createdBy).param("at", Timestamp.from(at)).update();
	}

	private static final String ACTIONS = """
			select a.*, u.display_name from coaching_action a join people_user_v u on u.org_id = a.org_id and u.id = a.owner_id
			""";

	List<ActionItem> actions(UUID orgId, UUID meetingId) {
		return jdbc.sql(ACTIONS + " where a.org_id = :org and a.meeting_id = :meeting order by a.created_at, a.id")
			.param("org", orgId).param("meeting", meetingId).query(MeetingItems::action).list();
	}

	Optional<ActionItem> action(UUID orgId, UUID id) {
		return jdbc.sql(ACTIONS + " where a.org_id = :org and a.id = :id").param("org", orgId).param("id", id).query(MeetingItems::action)
			.optional();
	}

	/** The open actions of the series whose due date has passed, owned by one of the people. */
	List<ActionItem> overdue(UUID orgId, Collection<UUID> owners, LocalDate today) {
		if (owners.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(ACTIONS + """
				 where a.org_id = :org and a.done_at is null and a.due_on < :today and a.owner_id in (:owners) order by a.due_on, a.id
				""").param("org", orgId).param("owners", owners).param("today", today).query(MeetingItems::action).list();
	}

	/** Every open action due before today in the organisation, for the daily reminder. */
	List<ActionItem> overdue(UUID orgId, LocalDate today) {
		return jdbc.sql(ACTIONS + " where a.org_id = :org and a.done_at is null and a.due_on < :today order by a.due_on, a.id")
			.param("org", orgId).param("today", today).query(MeetingItems::action).list();
	}

	boolean finish(UUID orgId, UUID id, int version, @Nullable Instant doneAt) {
		return jdbc.sql("""
				update coaching_action set done_at = :done, version = version + 1 where org_id = :org and id = :id and version = :version
				""").param("org", orgId).param("id", id).param("version", version)
			.param("done", doneAt == null ? null : Timestamp.from(doneAt)).update() == 1;
	}

	void moveAction(UUID orgId, UUID id, UUID toMeeting) {
		jdbc.sql("update coaching_action set meeting_id = :to where org_id = :org and id = :id")
			.param("org", orgId).param("id", id).param("to", toMeeting).update();
	}

	/** Moves the meeting's open actions to the next meeting; answers how many moved. */
	int carryActions(UUID orgId, UUID fromMeeting, UUID toMeeting) {
		return jdbc.sql("""
				update coaching_action set meeting_id = :to, version = version + 1
				 where org_id = :org and meeting_id = :from and done_at is null
				""").param("org", orgId).param("from", fromMeeting).param("to", toMeeting).update();
	}

	private static AgendaItem agendaItem(ResultSet rs, int n) throws SQLException {
		return new AgendaItem(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class), rs.getObject("author_id", UUID.class),
				rs.getString("display_name"), rs.getString("text"), rs.getBoolean("done"), rs.getObject("carried_from", UUID.class),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}

	private static ActionItem action(ResultSet rs, int n) throws SQLException {
		java.sql.Date due = rs.getDate("due_on");
		Timestamp done = rs.getTimestamp("done_at");
		return new ActionItem(rs.getObject("id", UUID.class), rs.getObject("one_on_one_id", UUID.class), rs.getObject("raised_in", UUID.class),
				rs.getObject("meeting_id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getString("display_name"), rs.getString("text"),
				due == null ? null : due.toLocalDate(), done == null ? null : done.toInstant(), rs.getInt("version"));
	}
}
