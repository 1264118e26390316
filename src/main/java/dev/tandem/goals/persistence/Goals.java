package dev.tandem.goals.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.GoalStatus;
import dev.tandem.goals.Proposal;
import dev.tandem.goals.ProposalKind;
import dev.tandem.goals.Scope;
import dev.tandem.platform.Ids;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Goals and the steps of their agreement; every statement is bound to one organisation.
 */
@Repository
public class Goals {

	private static final String SELECT = """
			select g.*, coalesce(u.display_name, t.name) as scope_name, o.fiscal_year_start_month, pr.name as product_name
			  from goals_goal g
			  left join crm_product_v pr on pr.org_id = g.org_id and pr.id = g.product_id
			  join people_organisation_v o on o.org_id = g.org_id
			  left join people_user_v u on u.org_id = g.org_id and u.id = g.user_id
			  left join people_team_v t on t.org_id = g.org_id and t.id = g.team_id
			""";

	private final JdbcClient jdbc;

	Goals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the product is one of the organisation's catalogue (an inactive one too: its goals go on). */
	public boolean productExists(UUID orgId, UUID productId) {
		return jdbc.sql("select exists (select 1 from crm_product_v where org_id = :org and id = :id)").param("org", orgId)
			.param("id", productId).query(Boolean.class).single();
	}

	/** Whether the organisation has set any goal. */
	public boolean any(UUID orgId) {
		return jdbc.sql("select exists (select 1 from goals_goal where org_id = :org)").param("org", orgId).query(Boolean.class).single();
	}

	public Optional<Goal> find(UUID orgId, UUID id) {
		return jdbc.sql(SELECT + " where g.org_id = :org and g.id = :id").param("org", orgId).param("id", id).query(Goals::map)
			.optional();
	}

	/** The goal with this scope, metric, activity types, product and period, if there is one. */
	public Optional<Goal> find(UUID orgId, Scope scope, GoalMetric metric, Set<ActivityType> types, @Nullable UUID product,
			Period period) {
		return jdbc.sql(SELECT + """
				 where g.org_id = :org and (g.user_id = :scope or g.team_id = :scope) and g.metric = :metric
				   and g.activity_types = :types and g.period_kind = :kind and g.period_start = :start
				   and g.product_id is not distinct from cast(:product as uuid)
				""")
			.param("org", orgId).param("scope", scope.id()).param("metric", metric.name()).param("types", typesKey(types))
			.param("product", product)
			.param("kind", period.kind().name()).param("start", period.start())
			.query(Goals::map).optional();
	}

	/** Goals of these people and teams for periods that start within {@code [from, to)}, of every length. */
	public List<Goal> of(UUID orgId, Collection<UUID> scopes, LocalDate from, LocalDate to) {
		return jdbc.sql(SELECT + """
				 where g.org_id = :org and (g.user_id = any(:scopes) or g.team_id = any(:scopes))
				   and g.period_start >= :from and g.period_start < :to
				 order by g.period_start, g.period_kind, g.team_id nulls last, scope_name, g.metric
				""")
			.param("org", orgId).param("scopes", scopes.toArray(UUID[]::new)).param("from", from).param("to", to)
			.query(Goals::map).list();
	}

	/** Every goal of the organisation, in the order they were created. */
	public List<Goal> all(UUID orgId) {
		return jdbc.sql(SELECT + " where g.org_id = :org order by g.id").param("org", orgId).query(Goals::map).list();
	}

	/** Every step of every goal's agreement, oldest first. */
	public List<Proposal> allProposals(UUID orgId) {
		return jdbc.sql("""
				select p.*, u.display_name from goals_proposal p
				  join people_user_v u on u.org_id = p.org_id and u.id = p.author_id
				 where p.org_id = :org order by p.created_at, p.id
				""")
			.param("org", orgId).query(Goals::proposal).list();
	}

	public void delete(UUID orgId, Collection<UUID> ids) {
		jdbc.sql("delete from goals_goal where org_id = :org and id = any(:ids)").param("org", orgId).param("ids", ids.toArray(UUID[]::new))
			.update();
	}

	public void insert(UUID orgId, UUID id, Scope scope, GoalMetric metric, Set<ActivityType> types, @Nullable UUID product,
			Period period, BigDecimal target, @Nullable BigDecimal agreed, GoalStatus status, boolean setByManager, String actor) {
		jdbc.sql("""
				insert into goals_goal (org_id, id, user_id, team_id, metric, activity_types, product_id, period_kind, period_start,
				       period_end, target, agreed_target, status, set_by_manager, updated_by)
				values (:org, :id, :user, :team, :metric, :types, :product, :kind, :start, :end, :target, :agreed, :status,
				       :setByManager, :actor)
				""").param("product", product)
			.param("org", orgId).param("id", id).param("user", scope.isTeam() ? null : scope.id())
			.param("team", scope.isTeam() ? scope.id() : null).param("metric", metric.name()).param("types", typesKey(types))
			.param("kind", period.kind().name()).param("start", period.start()).param("end", period.end()).param("target", target)
			.param("agreed", agreed).param("status", status.name()).param("setByManager", setByManager).param("actor", actor)
			.update();
	}

	/** Puts a new figure on the table (or agrees on one); false when someone else changed the goal first. */
	public boolean update(UUID orgId, UUID id, BigDecimal target, @Nullable BigDecimal agreed, GoalStatus status,
			boolean setByManager, String actor, int expectedVersion) {
		return jdbc.sql("""
				update goals_goal set target = :target, agreed_target = :agreed, status = :status, set_by_manager = :setByManager,
				       updated_at = now(), updated_by = :actor, version = version + 1
				 where org_id = :org and id = :id and version = :version
				""")
			.param("target", target).param("agreed", agreed).param("status", status.name()).param("setByManager", setByManager)
			.param("actor", actor).param("org", orgId).param("id", id).param("version", expectedVersion).update() == 1;
	}

	public void delete(UUID orgId, UUID id) {
		jdbc.sql("delete from goals_goal where org_id = :org and id = :id").param("org", orgId).param("id", id).update();
	}

	/** Adds a step to the goal's agreement; answers its id. */
	public UUID addProposal(UUID orgId, UUID goalId, UUID authorId, ProposalKind kind, BigDecimal target, @Nullable String note) {
		UUID id = Ids.next();
		jdbc.sql("""
				insert into goals_proposal (org_id, id, goal_id, author_id, kind, target, note)
				values (:org, :id, :goal, :author, :kind, :target, :note)
				""")
			.param("org", orgId).param("id", id).param("goal", goalId).param("author", authorId).param("kind", kind.name())
			.param("target", target).param("note", note).update();
		return id;
	}

	/** The goals of these people and teams that wait for an answer from either side, oldest period first. */
	public List<Goal> awaiting(UUID orgId, Collection<UUID> scopes) {
		return jdbc.sql(SELECT + """
				 where g.org_id = :org and (g.user_id = any(:scopes) or g.team_id = any(:scopes)) and g.status <> 'AGREED'
				 order by g.period_start, g.id
				""")
			.param("org", orgId).param("scopes", scopes.toArray(UUID[]::new)).query(Goals::map).list();
	}

	/** The last step of a goal's agreement, if any. */
	public Optional<Proposal> lastProposal(UUID orgId, UUID goalId) {
		return jdbc.sql("""
				select p.*, u.display_name from goals_proposal p
				  join people_user_v u on u.org_id = p.org_id and u.id = p.author_id
				 where p.org_id = :org and p.goal_id = :goal order by p.created_at desc, p.id desc limit 1
				""")
			.param("org", orgId).param("goal", goalId).query(Goals::proposal).optional();
	}

	public List<Proposal> proposals(UUID orgId, UUID goalId) {
		return jdbc.sql("""
				select p.*, u.display_name from goals_proposal p
				  join people_user_v u on u.org_id = p.org_id and u.id = p.author_id
				 where p.org_id = :org and p.goal_id = :goal order by p.created_at, p.id
				""")
			.param("org", orgId).param("goal", goalId)
			.query(Goals::proposal).list();
	}

	private static Proposal proposal(ResultSet rs, int row) throws SQLException {
		return new Proposal(rs.getObject("id", UUID.class), rs.getObject("goal_id", UUID.class), rs.getObject("author_id", UUID.class),
				rs.getString("display_name"), ProposalKind.valueOf(rs.getString("kind")), rs.getBigDecimal("target"), rs.getString("note"),
				rs.getTimestamp("created_at").toInstant());
	}

	/** How a set of activity types is stored: sorted names joined by commas, empty for all. */
	public static String typesKey(Set<ActivityType> types) {
		return types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static Goal map(ResultSet rs, int row) throws SQLException {
		UUID user = rs.getObject("user_id", UUID.class);
		Scope scope = user != null ? Scope.user(user) : Scope.team(rs.getObject("team_id", UUID.class));
		String types = rs.getString("activity_types");
		Set<ActivityType> activityTypes = types.isEmpty() ? Set.of()
				: Arrays.stream(types.split(",")).map(ActivityType::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(ActivityType.class)));
		Period period = new Period(Period.Kind.valueOf(rs.getString("period_kind")), rs.getObject("period_start", LocalDate.class),
				rs.getObject("period_end", LocalDate.class), rs.getInt("fiscal_year_start_month"));
		return new Goal(rs.getObject("id", UUID.class), scope, rs.getString("scope_name"), GoalMetric.valueOf(rs.getString("metric")),
				activityTypes, period, rs.getBigDecimal("target"), rs.getBigDecimal("agreed_target"),
				GoalStatus.valueOf(rs.getString("status")), rs.getBoolean("set_by_manager"), rs.getTimestamp("updated_at").toInstant(),
				rs.getString("updated_by"), rs.getInt("version"), rs.getObject("product_id", UUID.class), rs.getString("product_name"));
	}
}
