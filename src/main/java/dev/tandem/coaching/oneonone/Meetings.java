package dev.tandem.coaching.oneonone;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of 1:1 series and their meetings; every statement filters by organisation. */
@Repository
class Meetings {

	private static final String SERIES = """
			select s.*, m.display_name as manager_name, r.display_name as rep_name
			  from coaching_one_on_one s
			  join people_user_v m on m.org_id = s.org_id and m.id = s.manager_id
			  join people_user_v r on r.org_id = s.org_id and r.id = s.rep_id
			""";

	private final JdbcClient jdbc;

	Meetings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertSeries(UUID orgId, UUID id, UUID managerId, UUID repId, Cadence cadence, DayOfWeek weekday, LocalTime time, int minutes,
			LocalDate startsOn, Instant at) {
		jdbc.sql("""
				insert into coaching_one_on_one (org_id, id, manager_id, rep_id, cadence, weekday, start_time, minutes, starts_on, created_at)
				values (:org, :id, :manager, :rep, :cadence, :weekday, :time, :minutes, :starts, :at)
				""")
			.param("org", orgId).param("id", id).param("manager", managerId).param("rep", repId).param("cadence", cadence.name())
			.param("weekday", weekday.getValue()).param("time", time).param("minutes", minutes).param("starts", startsOn)
			.param("at", Timestamp.from(at)).update();
	}

	Optional<Series> series(UUID orgId, UUID id) {
		return jdbc.sql(SERIES + " where s.org_id = :org and s.id = :id").param("org", orgId).param("id", id).query(Meetings::series).optional();
	}

	/** The running series in which one of the people takes part, as manager or as rep. */
	List<Series> seriesOf(UUID orgId, Collection<UUID> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SERIES + """
				 where s.org_id = :org and s.ended_on is null and (s.manager_id in (:people) or s.rep_id in (:people))
				 order by r.display_name, s.id
				""").param("org", orgId).param("people", people).query(Meetings::series).list();
	}

	/** Every running series of the organisation, for the daily job that plans ahead. */
	List<Series> running(UUID orgId) {
		return jdbc.sql(SERIES + " where s.org_id = :org and s.ended_on is null").param("org", orgId).query(Meetings::series).list();
	}

	boolean runningPairExists(UUID orgId, UUID managerId, UUID repId) {
		return jdbc.sql("""
				select exists (select 1 from coaching_one_on_one
				 where org_id = :org and manager_id = :manager and rep_id = :rep and ended_on is null)
				""").param("org", orgId).param("manager", managerId).param("rep", repId).query(Boolean.class).single();
	}

	void insertMeeting(UUID orgId, UUID id, UUID seriesId, Instant plannedAt) {
		jdbc.sql("insert into coaching_meeting (org_id, id, one_on_one_id, planned_at) values (:org, :id, :series, :at)")
			.param("org", orgId).param("id", id).param("series", seriesId).param("at", Timestamp.from(plannedAt)).update();
	}

	Optional<Meeting> meeting(UUID orgId, UUID id) {
		return jdbc.sql("select * from coaching_meeting where org_id = :org and id = :id").param("org", orgId).param("id", id)
			.query(Meetings::meeting).optional();
	}

	/** A series' meetings in time order. */
	List<Meeting> meetings(UUID orgId, UUID seriesId) {
		return jdbc.sql("select * from coaching_meeting where org_id = :org and one_on_one_id = :series order by planned_at, id")
			.param("org", orgId).param("series", seriesId).query(Meetings::meeting).list();
	}

	/** The last meeting held before the moment, if any: where "since the last 1:1" starts. */
	Optional<Meeting> lastHeldBefore(UUID orgId, UUID seriesId, Instant before) {
		return jdbc.sql("""
				select * from coaching_meeting where org_id = :org and one_on_one_id = :series and held_at is not null and held_at < :before
				 order by held_at desc limit 1
				""").param("org", orgId).param("series", seriesId).param("before", Timestamp.from(before)).query(Meetings::meeting).optional();
	}

	/** The first meeting not held yet that is planned after the given one. */
	Optional<Meeting> nextPlanned(UUID orgId, UUID seriesId, Meeting after) {
		return jdbc.sql("""
				select * from coaching_meeting where org_id = :org and one_on_one_id = :series and held_at is null and id <> :id
				   and (planned_at, id) > (:at, :id)
				 order by planned_at, id limit 1
				""").param("org", orgId).param("series", seriesId).param("id", after.id()).param("at", Timestamp.from(after.plannedAt()))
			.query(Meetings::meeting).optional();
	}

	/** The series' meetings not held yet planned from {@code from} (included) to {@code to} (excluded). */
	List<Meeting> plannedBetween(UUID orgId, UUID seriesId, Instant from, Instant to) {
		return jdbc.sql("""
				select * from coaching_meeting where org_id = :org and one_on_one_id = :series and held_at is null
				   and planned_at >= :from and planned_at < :to order by planned_at
				""").param("org", orgId).param("series", seriesId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query(Meetings::meeting).list();
	}

	/** How many meetings of the series are planned from the moment on and not held yet. */
	int plannedFrom(UUID orgId, UUID seriesId, Instant from) {
		return jdbc.sql("""
				select count(*) from coaching_meeting where org_id = :org and one_on_one_id = :series and held_at is null and planned_at >= :from
				""").param("org", orgId).param("series", seriesId).param("from", Timestamp.from(from)).query(Integer.class).single();
	}

	@Nullable Instant lastPlanned(UUID orgId, UUID seriesId) {
		return jdbc.sql("select planned_at from coaching_meeting where org_id = :org and one_on_one_id = :series order by planned_at desc limit 1")
			.param("org", orgId).param("series", seriesId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional().orElse(null);
	}

	boolean hold(UUID orgId, UUID id, int version, Instant at, String snapshot) {
		return jdbc.sql("""
				update coaching_meeting set held_at = :at, snapshot = cast(:snapshot as jsonb), version = version + 1
				 where org_id = :org and id = :id and version = :version and held_at is null
				""").param("org", orgId).param("id", id).param("version", version).param("at", Timestamp.from(at))
			.param("snapshot", snapshot).update() == 1;
	}

	boolean move(UUID orgId, UUID id, int version, Instant to) {
		return jdbc.sql("""
				update coaching_meeting set planned_at = :to, version = version + 1
				 where org_id = :org and id = :id and version = :version and held_at is null
				""").param("org", orgId).param("id", id).param("version", version).param("to", Timestamp.from(to)).update() == 1;
	}

	/**
	 * Meetings held and planned per month for a manager's series, counted on the planned day in the zone; a meeting
	 * still ahead of {@code now} and not held yet is not counted, so adherence is not read as missed before its time.
	 */
	List<MonthCount> cadence(UUID orgId, UUID managerId, LocalDate from, LocalDate to, String zone, Instant now) {
		return jdbc.sql("""
				select to_char(date_trunc('month', m.planned_at at time zone :zone), 'YYYY-MM') as month,
				       count(*) as planned, count(m.held_at) as held
				  from coaching_meeting m join coaching_one_on_one s on s.org_id = m.org_id and s.id = m.one_on_one_id
				 where m.org_id = :org and s.manager_id = :manager
				   and cast(m.planned_at at time zone :zone as date) between :from and :to
				   and (m.held_at is not null or m.planned_at <= :now)
				 group by 1 order by 1
				""").param("org", orgId).param("manager", managerId).param("from", from).param("to", to).param("zone", zone)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new MonthCount(rs.getString("month"), rs.getInt("planned"), rs.getInt("held"))).list();
	}

	/** Held and planned meetings of one month. */
	record MonthCount(String month, int planned, int held) {
	}

	private static Series series(ResultSet rs, int n) throws SQLException {
		java.sql.Date ended = rs.getDate("ended_on");
		return new Series(rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class), rs.getObject("manager_id", UUID.class),
				rs.getString("manager_name"), rs.getObject("rep_id", UUID.class), rs.getString("rep_name"), Cadence.valueOf(rs.getString("cadence")),
				DayOfWeek.of(rs.getInt("weekday")), rs.getObject("start_time", LocalTime.class), rs.getInt("minutes"),
				rs.getDate("starts_on").toLocalDate(), ended == null ? null : ended.toLocalDate(), rs.getInt("version"));
	}

	private static Meeting meeting(ResultSet rs, int n) throws SQLException {
		Timestamp held = rs.getTimestamp("held_at");
		return new Meeting(rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class), rs.getObject("one_on_one_id", UUID.class),
				rs.getTimestamp("planned_at").toInstant(), held == null ? null : held.toInstant(), rs.getString("snapshot"), rs.getInt("version"));
	}
}
