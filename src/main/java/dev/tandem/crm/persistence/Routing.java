package dev.tandem.crm.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.LeadAssignment;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lead routing state per team (each rep's weight and round-robin position) and the routing log.
 */
@Repository
public class Routing {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	Routing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises routing per team until the transaction ends, so two leads never take the same turn. */
	public void lockTeam(UUID orgId, UUID teamId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", orgId + "/" + teamId)
			.query((rs, n) -> 1).list();
	}

	public Map<UUID, State> states(UUID orgId, UUID teamId) {
		Map<UUID, State> states = new HashMap<>();
		jdbc.sql("select user_id, weight, current_weight from crm_routing_weight where org_id = :org and team_id = :team")
			.param("org", orgId).param("team", teamId)
			.query((rs, n) -> new State(rs.getObject("user_id", UUID.class), rs.getBigDecimal("weight"), rs.getBigDecimal("current_weight")))
			.list().forEach(s -> states.put(s.userId(), s));
		return states;
	}

	public void saveState(UUID orgId, UUID teamId, UUID userId, BigDecimal weight, BigDecimal current) {
		jdbc.sql("""
				insert into crm_routing_weight (org_id, team_id, user_id, weight, current_weight) values (:org, :team, :user, :weight, :current)
				on conflict (org_id, team_id, user_id) do update set current_weight = excluded.current_weight
				""")
			.param("org", orgId).param("team", teamId).param("user", userId).param("weight", weight).param("current", current).update();
	}

	public void setWeight(UUID orgId, UUID teamId, UUID userId, BigDecimal weight) {
		jdbc.sql("""
				insert into crm_routing_weight (org_id, team_id, user_id, weight) values (:org, :team, :user, :weight)
				on conflict (org_id, team_id, user_id) do update set weight = excluded.weight
				""")
			.param("org", orgId).param("team", teamId).param("user", userId).param("weight", weight).update();
	}

	public Map<UUID, Integer> routedCounts(UUID orgId, UUID teamId) {
		Map<UUID, Integer> counts = new HashMap<>();
		jdbc.sql("""
				select a.assigned_to, count(*) as n from crm_lead_assignment a
				 where a.org_id = :org and a.team_id = :team and a.rule <> 'MANUAL'
				   and not exists (select 1 from crm_lead l where l.org_id = a.org_id and l.id = a.lead_id and l.deleted_at is not null)
				 group by a.assigned_to
				""")
			.param("org", orgId).param("team", teamId)
			.query((rs, n) -> Map.entry(rs.getObject("assigned_to", UUID.class), rs.getInt("n")))
			.list().forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	public void log(UUID orgId, UUID id, UUID leadId, @Nullable UUID teamId, UUID assignedTo, String rule,
			List<LeadAssignment.Candidate> candidates, String reason, Instant at, @Nullable UUID by) {
		jdbc.sql("""
				insert into crm_lead_assignment (org_id, id, lead_id, team_id, assigned_to, rule, candidates, reason, assigned_at, assigned_by)
				values (:org, :id, :lead, :team, :to, :rule, cast(:candidates as jsonb), :reason, :at, :by)
				""")
			.param("org", orgId).param("id", id).param("lead", leadId).param("team", teamId).param("to", assignedTo)
			.param("rule", rule).param("candidates", candidatesJson(candidates)).param("reason", reason)
			.param("at", Timestamp.from(at)).param("by", by).update();
	}

	public List<LeadAssignment> logOf(UUID orgId, UUID leadId) {
		return jdbc.sql("""
				select a.*, u.display_name as assigned_to_name from crm_lead_assignment a
				  join people_user_v u on u.org_id = a.org_id and u.id = a.assigned_to
				 where a.org_id = :org and a.lead_id = :lead order by a.assigned_at, a.id
				""")
			.param("org", orgId).param("lead", leadId)
			.query((rs, n) -> new LeadAssignment(rs.getObject("id", UUID.class), rs.getObject("lead_id", UUID.class),
					rs.getObject("team_id", UUID.class), rs.getObject("assigned_to", UUID.class), rs.getString("assigned_to_name"),
					rs.getString("rule"), JSON.readValue(rs.getString("candidates"), new TypeReference<List<LeadAssignment.Candidate>>() { }),
					rs.getString("reason"), rs.getTimestamp("assigned_at").toInstant(), rs.getObject("assigned_by", UUID.class)))
			.list();
	}

	/** The candidates of a turn as the log stores them. */
	public static String candidatesJson(List<LeadAssignment.Candidate> candidates) {
		return JSON.writeValueAsString(candidates);
	}

	/** A rep's routing weight and round-robin position in a team. */
	public record State(UUID userId, BigDecimal weight, BigDecimal current) {
	}
}
