package dev.tandem.coaching.mentoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mentorships of an organisation; every statement is bound to one organisation. */
@Repository
class Mentorships {

	private static final String SELECT = """
			select m.*, n.display_name as newcomer_name, t.display_name as mentor_name
			  from coaching_mentorship m
			  join people_user_v n on n.org_id = m.org_id and n.id = m.newcomer_id
			  join people_user_v t on t.org_id = m.org_id and t.id = m.mentor_id
			""";

	private final JdbcClient jdbc;

	Mentorships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Mentorship> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where m.org_id = :org and m.id = :id").param("org", orgId).param("id", id).query(Mentorships::map)
			.optional();
	}

	/** The mentorships of these newcomers or with these mentors, latest start first. */
	List<Mentorship> involving(UUID orgId, Collection<UUID> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				 where m.org_id = :org and (m.newcomer_id in (:people) or m.mentor_id in (:people))
				 order by m.starts_on desc, m.id desc
				""").param("org", orgId).param("people", people).query(Mentorships::map).list();
	}

	/** How many newcomers the person mentored (or mentors) in mentorships that started in {@code [from, to)}. */
	int mentoredBy(UUID orgId, UUID mentorId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select count(distinct newcomer_id) from coaching_mentorship
				 where org_id = :org and mentor_id = :mentor and starts_on < :to and ends_on > :from
				""").param("org", orgId).param("mentor", mentorId).param("from", from).param("to", to).query(Integer.class).single();
	}

	void insert(UUID orgId, UUID id, UUID newcomerId, UUID mentorId, UUID chosenBy, LocalDate startsOn, LocalDate endsOn,
			@Nullable String goals, @Nullable String reason, Instant now, String by) {
		jdbc.sql("""
				insert into coaching_mentorship (org_id, id, newcomer_id, mentor_id, chosen_by, starts_on, ends_on, goals, reason,
				                                 created_at, updated_at, updated_by)
				values (:org, :id, :newcomer, :mentor, :chosenBy, :starts, :ends, :goals, :reason, :now, :now, :by)
				""").param("org", orgId).param("id", id).param("newcomer", newcomerId).param("mentor", mentorId)
			.param("chosenBy", chosenBy).param("starts", startsOn).param("ends", endsOn).param("goals", goals).param("reason", reason)
			.param("now", java.sql.Timestamp.from(now)).param("by", by).update();
	}

	/** Ends the newcomer's mentorships that still run on {@code day} on that day (the new one starts then). */
	int endRunning(UUID orgId, UUID newcomerId, LocalDate day, Instant now, String by) {
		return jdbc.sql("""
				update coaching_mentorship set ends_on = greatest(:day, starts_on + 1), version = version + 1, updated_at = :now, updated_by = :by
				 where org_id = :org and newcomer_id = :newcomer and starts_on <= :day and ends_on > :day
				""").param("org", orgId).param("newcomer", newcomerId).param("day", day).param("now", java.sql.Timestamp.from(now))
			.param("by", by).update();
	}

	/** Ends the mentorship on {@code day}, if the version is still the one read. */
	boolean end(UUID orgId, UUID id, int version, LocalDate day, Instant now, String by) {
		return jdbc.sql("""
				update coaching_mentorship set ends_on = greatest(:day, starts_on + 1), version = version + 1, updated_at = :now, updated_by = :by
				 where org_id = :org and id = :id and version = :version
				""").param("org", orgId).param("id", id).param("version", version).param("day", day)
			.param("now", java.sql.Timestamp.from(now)).param("by", by).update() == 1;
	}

	private static Mentorship map(ResultSet rs, int row) throws SQLException {
		return new Mentorship(rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class), rs.getObject("newcomer_id", UUID.class),
				rs.getString("newcomer_name"), rs.getObject("mentor_id", UUID.class), rs.getString("mentor_name"),
				rs.getObject("chosen_by", UUID.class), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getString("goals"), rs.getString("reason"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant());
	}
}
