package dev.tandem.crm.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened to deals over time: every stage change and every change of amount, close date, owner
 * and forecast category is a row, never an overwrite. Also the exit criteria a deal has ticked.
 */
@Repository
public class DealHistory {

	private final JdbcClient jdbc;

	DealHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void stageChanged(UUID orgId, UUID dealId, @Nullable UUID from, UUID to, Instant at, @Nullable UUID by) {
		jdbc.sql("""
				insert into crm_deal_stage_history (org_id, id, deal_id, from_stage_id, to_stage_id, changed_at, changed_by)
				values (:org, :id, :deal, :from, :to, :at, :by)
				""")
			.param("org", orgId).param("id", Ids.next()).param("deal", dealId).param("from", from).param("to", to)
			.param("at", Timestamp.from(at)).param("by", by).update();
	}

	public void fieldChanged(UUID orgId, UUID dealId, String field, @Nullable String oldValue, @Nullable String newValue,
			Instant at, @Nullable UUID by) {
		jdbc.sql("""
				insert into crm_deal_field_history (org_id, id, deal_id, field, old_value, new_value, changed_at, changed_by)
				values (:org, :id, :deal, :field, :old, :new, :at, :by)
				""")
			.param("org", orgId).param("id", Ids.next()).param("deal", dealId).param("field", field).param("old", oldValue)
			.param("new", newValue).param("at", Timestamp.from(at)).param("by", by).update();
	}

	public List<Change> of(UUID orgId, UUID dealId) {
		return jdbc.sql("""
				select h.changed_at, 'stage' as field, f.name as old_value, t.name as new_value, u.display_name as by_name
				  from crm_deal_stage_history h
				  left join playbook_stage f on f.org_id = h.org_id and f.id = h.from_stage_id
				  join playbook_stage t on t.org_id = h.org_id and t.id = h.to_stage_id
				  left join people_user u on u.org_id = h.org_id and u.id = h.changed_by
				 where h.org_id = :org and h.deal_id = :deal
				union all
				select h.changed_at, h.field, h.old_value, h.new_value, u.display_name
				  from crm_deal_field_history h
				  left join people_user u on u.org_id = h.org_id and u.id = h.changed_by
				 where h.org_id = :org and h.deal_id = :deal
				 order by 1 desc
				""")
			.param("org", orgId).param("deal", dealId)
			.query((rs, n) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	public Set<UUID> checkedCriteria(UUID orgId, UUID dealId) {
		return Set.copyOf(jdbc.sql("select criterion_id from crm_deal_criterion where org_id = :org and deal_id = :deal")
			.param("org", orgId).param("deal", dealId).query(UUID.class).list());
	}

	public void check(UUID orgId, UUID dealId, UUID criterionId, UUID by) {
		jdbc.sql("""
				insert into crm_deal_criterion (org_id, deal_id, criterion_id, checked_by) values (:org, :deal, :criterion, :by)
				on conflict do nothing
				""")
			.param("org", orgId).param("deal", dealId).param("criterion", criterionId).param("by", by).update();
	}

	public void uncheck(UUID orgId, UUID dealId, UUID criterionId) {
		jdbc.sql("delete from crm_deal_criterion where org_id = :org and deal_id = :deal and criterion_id = :criterion")
			.param("org", orgId).param("deal", dealId).param("criterion", criterionId).update();
	}

	/** One line of a deal's history: a stage move or a field change, with who made it. */
	public record Change(Instant at, String field, @Nullable String oldValue, @Nullable String newValue, @Nullable String by) {
	}
}
