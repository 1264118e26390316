package dev.tandem.coaching.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Growth plans with their goals, milestones and check-ins; every statement is bound to one organisation. */
@Repository
class GrowthPlans {

	private final JdbcClient jdbc;

	GrowthPlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Head(UUID id, UUID personId, String personName, UUID authorId, String authorName, @Nullable UUID reviewId,
			String title, LocalDate startsOn, LocalDate endsOn, Instant updatedAt, int version) {
	}

	Optional<GrowthPlan> find(UUID orgId, UUID id) {
		return load(orgId, "p.id = :id", Map.of("id", id)).stream().findFirst();
	}

	/** The plans of these people, newest first. */
	List<GrowthPlan> of(UUID orgId, Collection<UUID> people) {
		return people.isEmpty() ? List.of() : load(orgId, "p.user_id in (:people)", Map.of("people", people));
	}

	private List<GrowthPlan> load(UUID orgId, String where, Map<String, Object> params) {
		List<Head> heads = jdbc.sql("""
				select p.*, u.display_name as person_name, a.display_name as author_name from coaching_growth_plan p
				  join people_user_v u on u.org_id = p.org_id and u.id = p.user_id
				  join people_user_v a on a.org_id = p.org_id and a.id = p.author_id
				 where p.org_id = :org and (""" + where + ") order by p.starts_on desc, p.id")
			.param("org", orgId).params(params)
			.query((rs, n) -> new Head(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("person_name"),
					rs.getObject("author_id", UUID.class), rs.getString("author_name"), rs.getObject("review_id", UUID.class),
					rs.getString("title"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
					rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")))
			.list();
		if (heads.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = heads.stream().map(Head::id).toList();
		Map<UUID, List<GrowthMilestone>> milestones = new HashMap<>();
		jdbc.sql("""
				select m.* from coaching_growth_milestone m join coaching_growth_goal g on g.org_id = m.org_id and g.id = m.goal_id
				 where m.org_id = :org and g.plan_id in (:ids) order by m.due_on, m.id
				""").param("org", orgId).param("ids", ids)
			.query((rs, n) -> new GrowthMilestone(rs.getObject("id", UUID.class), rs.getObject("goal_id", UUID.class), rs.getString("title"),
					rs.getObject("due_on", LocalDate.class), rs.getObject("done_on", LocalDate.class)))
			.list().forEach(m -> milestones.computeIfAbsent(m.goalId(), k -> new ArrayList<>()).add(m));
		Map<UUID, List<GrowthGoal>> goals = new HashMap<>();
		jdbc.sql("""
				select g.*, coalesce(u.display_name, t.name) as support_name from coaching_growth_goal g
				  left join people_user_v u on u.org_id = g.org_id and u.id = g.support_person_id
				  left join people_team_v t on t.org_id = g.org_id and t.id = g.support_team_id
				 where g.org_id = :org and g.plan_id in (:ids) order by g.position, g.id
				""").param("org", orgId).param("ids", ids)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new GrowthGoal(id, rs.getObject("plan_id", UUID.class), rs.getInt("position"), rs.getString("title"),
						SupportKind.valueOf(rs.getString("support")), rs.getObject("support_person_id", UUID.class),
						rs.getObject("support_team_id", UUID.class), rs.getString("support_name"), rs.getObject("due_on", LocalDate.class),
						GrowthStatus.valueOf(rs.getString("status")), rs.getInt("version"), List.copyOf(milestones.getOrDefault(id, List.of())));
			})
			.list().forEach(g -> goals.computeIfAbsent(g.planId(), k -> new ArrayList<>()).add(g));
		Map<UUID, List<GrowthCheckIn>> checkIns = new HashMap<>();
		jdbc.sql("""
				select c.*, a.display_name as author_name from coaching_growth_check_in c
				  join people_user_v a on a.org_id = c.org_id and a.id = c.author_id
				 where c.org_id = :org and c.plan_id in (:ids) order by c.held_on, c.created_at
				""").param("org", orgId).param("ids", ids)
			.query((rs, n) -> new GrowthCheckIn(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
					rs.getObject("author_id", UUID.class), rs.getString("author_name"), rs.getObject("held_on", LocalDate.class),
					rs.getString("note")))
			.list().forEach(c -> checkIns.computeIfAbsent(c.planId(), k -> new ArrayList<>()).add(c));
		return heads.stream().map(h -> new GrowthPlan(h.id(), h.personId(), h.personName(), h.authorId(), h.authorName(), h.reviewId(),
				h.title(), h.startsOn(), h.endsOn(), h.updatedAt(), h.version(), List.copyOf(goals.getOrDefault(h.id(), List.of())),
				List.copyOf(checkIns.getOrDefault(h.id(), List.of())))).toList();
	}

	void insert(UUID orgId, UUID id, UUID personId, UUID authorId, @Nullable UUID reviewId, String title, LocalDate startsOn,
			LocalDate endsOn, Instant now) {
		jdbc.sql("""
				insert into coaching_growth_plan (org_id, id, user_id, author_id, review_id, title, starts_on, ends_on, created_at, updated_at)
				values (:org, :id, :person, :author, :review, :title, :starts, :ends, :now, :now)
				""").param("org", orgId).param("id", id).param("person", personId).param("author", authorId).param("review", reviewId)
			.param("title", title).param("starts", startsOn).param("ends", endsOn).param("now", Timestamp.from(now)).update();
	}

	void insertGoal(UUID orgId, UUID id, UUID planId, String title, SupportKind support, @Nullable UUID personId, @Nullable UUID teamId,
			@Nullable LocalDate dueOn, Instant now) {
		jdbc.sql("""
				insert into coaching_growth_goal (org_id, id, plan_id, position, title, support, support_person_id, support_team_id, due_on, updated_at)
				values (:org, :id, :plan, (select coalesce(max(position), 0) + 1 from coaching_growth_goal where org_id = :org and plan_id = :plan),
				        :title, :support, :person, :team, :due, :now)
				""").param("org", orgId).param("id", id).param("plan", planId).param("title", title).param("support", support.name())
			.param("person", personId).param("team", teamId).param("due", dueOn).param("now", Timestamp.from(now)).update();
	}

	void insertMilestone(UUID orgId, UUID id, UUID goalId, String title, LocalDate dueOn) {
		jdbc.sql("insert into coaching_growth_milestone (org_id, id, goal_id, title, due_on) values (:org, :id, :goal, :title, :due)")
			.param("org", orgId).param("id", id).param("goal", goalId).param("title", title).param("due", dueOn).update();
	}

	/** Sets a goal's status when it is still at {@code version}; whether it was. */
	boolean setStatus(UUID orgId, UUID goalId, GrowthStatus status, int version, Instant now) {
		return jdbc.sql("""
				update coaching_growth_goal set status = :status, version = version + 1, updated_at = :now
				 where org_id = :org and id = :id and version = :version
				""").param("org", orgId).param("id", goalId).param("status", status.name()).param("version", version)
			.param("now", Timestamp.from(now)).update() == 1;
	}

	void setMilestoneDone(UUID orgId, UUID milestoneId, @Nullable LocalDate doneOn) {
		jdbc.sql("update coaching_growth_milestone set done_on = :done where org_id = :org and id = :id")
			.param("org", orgId).param("id", milestoneId).param("done", doneOn).update();
	}

	void insertCheckIn(UUID orgId, UUID id, UUID planId, UUID authorId, LocalDate on, String note, Instant now) {
		jdbc.sql("""
				insert into coaching_growth_check_in (org_id, id, plan_id, author_id, held_on, note, created_at)
				values (:org, :id, :plan, :author, :on, :note, :now)
				""").param("org", orgId).param("id", id).param("plan", planId).param("author", authorId).param("on", on)
			.param("note", note).param("now", Timestamp.from(now)).update();
	}

	/** Marks the plan changed (a goal, milestone or check-in), for its optimistic version and its last change. */
	void touch(UUID orgId, UUID planId, Instant now) {
		jdbc.sql("update coaching_growth_plan set updated_at = :now, version = version + 1 where org_id = :org and id = :id")
			.param("org", orgId).param("id", planId).param("now", Timestamp.from(now)).update();
	}

	/** The day of the last check-in of each plan of these people still running, or its start when it has none. */
	List<CoachingPlans.LastCheckIn> lastCheckIns(UUID orgId, Collection<UUID> people, LocalDate today) {
		if (people.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select p.id, p.user_id, u.display_name, p.title, greatest(p.starts_on, max(c.held_on)) as last_on
				  from coaching_growth_plan p
				  join people_user_v u on u.org_id = p.org_id and u.id = p.user_id
				  left join coaching_growth_check_in c on c.org_id = p.org_id and c.plan_id = p.id
				 where p.org_id = :org and p.user_id in (:people) and p.ends_on >= :today
				   and exists (select 1 from coaching_growth_goal g where g.org_id = p.org_id and g.plan_id = p.id and g.status <> 'DONE')
				 group by p.id, p.user_id, u.display_name, p.title, p.starts_on
				""").param("org", orgId).param("people", people).param("today", today)
			.query((rs, n) -> new CoachingPlans.LastCheckIn(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
					rs.getString("display_name"), rs.getString("title"), rs.getObject("last_on", LocalDate.class)))
			.list();
	}
}
