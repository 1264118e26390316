package dev.tandem.coaching.plan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Coaching plans and their check-ins; every statement is bound to one organisation. */
@Repository
class CoachingPlans {

	private static final String SELECT = """
			select p.*, u.display_name as person_name, a.display_name as author_name, s.name as stage_name
			  from coaching_plan p
			  join people_user_v u on u.org_id = p.org_id and u.id = p.user_id
			  join people_user_v a on a.org_id = p.org_id and a.id = p.author_id
			  left join playbook_stage_v s on s.org_id = p.org_id and s.id = p.stage_id
			""";

	private final JdbcClient jdbc;

	CoachingPlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CoachingPlan> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where p.org_id = :org and p.id = :id").param("org", orgId).param("id", id)
			.query(CoachingPlans::map).optional();
	}

	/** The plans of these people, open ones first, newest first. */
	List<CoachingPlan> of(UUID orgId, Collection<UUID> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where p.org_id = :org and p.user_id in (:people) order by p.status desc, p.starts_on desc, p.id")
			.param("org", orgId).param("people", people).query(CoachingPlans::map).list();
	}

	void insert(UUID orgId, UUID id, UUID authorId, NewCoachingPlan plan, LocalDate baselineFrom, @Nullable Double baseline,
			Instant now) {
		jdbc.sql("""
				insert into coaching_plan (org_id, id, user_id, author_id, focus, suggested, metric, stage_id, activity_type,
				  starts_on, ends_on, baseline_from, baseline, target, created_at, updated_at)
				values (:org, :id, :person, :author, :focus, :suggested, :metric, :stage, :type, :starts, :ends, :baselineFrom,
				  :baseline, :target, :now, :now)
				""")
			.param("org", orgId).param("id", id).param("person", plan.personId()).param("author", authorId)
			.param("focus", plan.focus().trim()).param("suggested", plan.suggested()).param("metric", plan.metric().name())
			.param("stage", plan.stageId()).param("type", plan.activityType() == null ? null : plan.activityType().name())
			.param("starts", plan.startsOn()).param("ends", plan.endsOn()).param("baselineFrom", baselineFrom)
			.param("baseline", baseline).param("target", plan.target()).param("now", java.sql.Timestamp.from(now)).update();
	}

	/** Closes the plan when it is still at {@code version}; whether it was. */
	boolean close(UUID orgId, UUID id, int version, @Nullable Double after, LocalDate on, @Nullable String note, Instant now) {
		return jdbc.sql("""
				update coaching_plan set status = 'CLOSED', after_value = :after, closed_on = :on, closing_note = :note,
				       updated_at = :now, version = version + 1
				 where org_id = :org and id = :id and version = :version and status = 'OPEN'
				""")
			.param("org", orgId).param("id", id).param("version", version).param("after", after).param("on", on)
			.param("note", note).param("now", java.sql.Timestamp.from(now)).update() == 1;
	}

	void insertCheckIn(UUID orgId, UUID id, UUID planId, UUID authorId, LocalDate on, String note, @Nullable Double value,
			Instant now) {
		jdbc.sql("""
				insert into coaching_plan_check_in (org_id, id, plan_id, author_id, held_on, note, value, created_at)
				values (:org, :id, :plan, :author, :on, :note, :value, :now)
				""")
			.param("org", orgId).param("id", id).param("plan", planId).param("author", authorId).param("on", on)
			.param("note", note).param("value", value).param("now", java.sql.Timestamp.from(now)).update();
	}

	List<PlanCheckIn> checkIns(UUID orgId, UUID planId) {
		return jdbc.sql("""
				select c.*, a.display_name as author_name from coaching_plan_check_in c
				  join people_user_v a on a.org_id = c.org_id and a.id = c.author_id
				 where c.org_id = :org and c.plan_id = :plan order by c.held_on, c.created_at
				""").param("org", orgId).param("plan", planId)
			.query((rs, n) -> new PlanCheckIn(rs.getObject("id", UUID.class), planId, rs.getObject("author_id", UUID.class),
					rs.getString("author_name"), rs.getObject("held_on", LocalDate.class), rs.getString("note"), dbl(rs, "value")))
			.list();
	}

	/** The day of the last check-in of each open plan of these people, or its start when it has none. */
	List<LastCheckIn> lastCheckIns(UUID orgId, Collection<UUID> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select p.id, p.user_id, u.display_name, p.focus, greatest(p.starts_on, max(c.held_on)) as last_on
				  from coaching_plan p
				  join people_user_v u on u.org_id = p.org_id and u.id = p.user_id
				  left join coaching_plan_check_in c on c.org_id = p.org_id and c.plan_id = p.id
				 where p.org_id = :org and p.user_id in (:people) and p.status = 'OPEN'
				 group by p.id, p.user_id, u.display_name, p.focus, p.starts_on
				""").param("org", orgId).param("people", people)
			.query((rs, n) -> new LastCheckIn(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getString("display_name"), rs.getString("focus"), rs.getObject("last_on", LocalDate.class)))
			.list();
	}

	record LastCheckIn(UUID planId, UUID personId, String personName, String focus, LocalDate lastOn) {
	}

	private static CoachingPlan map(ResultSet rs, int row) throws SQLException {
		String type = rs.getString("activity_type");
		return new CoachingPlan(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("person_name"),
				rs.getObject("author_id", UUID.class), rs.getString("author_name"), rs.getString("focus"), rs.getBoolean("suggested"),
				PlanMetric.valueOf(rs.getString("metric")), rs.getObject("stage_id", UUID.class), rs.getString("stage_name"),
				type == null ? null : ActivityType.valueOf(type), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), rs.getObject("baseline_from", LocalDate.class), dbl(rs, "baseline"),
				rs.getBigDecimal("target").stripTrailingZeros(), PlanStatus.valueOf(rs.getString("status")), dbl(rs, "after_value"),
				rs.getObject("closed_on", LocalDate.class), rs.getString("closing_note"), rs.getTimestamp("updated_at").toInstant(),
				rs.getInt("version"));
	}

	private static @Nullable Double dbl(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
