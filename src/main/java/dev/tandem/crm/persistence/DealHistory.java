package dev.tandem.crm.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.DealHistoryEntry;
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

	public List<DealHistoryEntry> of(UUID orgId, UUID dealId) {
		return changes("h.deal_id = :deal", 1000).param("org", orgId).param("deal", dealId).query(DealHistory::map).list();
	}

	/** The changes of all deals of an account, newest first. */
	public List<DealHistoryEntry> ofAccount(UUID orgId, UUID accountId, java.util.Collection<UUID> owners, int limit) {
		return changes("d.account_id = :account and d.owner_id = any(:owners)", limit).param("org", orgId)
			.param("account", accountId).param("owners", owners.toArray(new UUID[0])).query(DealHistory::map).list();
	}

	private JdbcClient.StatementSpec changes(String where, int limit) {
		return jdbc.sql("""
				select h.changed_at, 'stage' as field, f.name as old_value, t.name as new_value, u.display_name as by_name,
				       d.id as deal_id, d.title as deal_title
				  from crm_deal_stage_history h
				  join crm_deal d on d.org_id = h.org_id and d.id = h.deal_id and d.deleted_at is null
				  left join playbook_stage_v f on f.org_id = h.org_id and f.id = h.from_stage_id
				  join playbook_stage_v t on t.org_id = h.org_id and t.id = h.to_stage_id
				  left join people_user_v u on u.org_id = h.org_id and u.id = h.changed_by
				 where h.org_id = :org and %1$s
				union all
				select h.changed_at, h.field, h.old_value, h.new_value, u.display_name, d.id, d.title
				  from crm_deal_field_history h
				  join crm_deal d on d.org_id = h.org_id and d.id = h.deal_id and d.deleted_at is null
				  left join people_user_v u on u.org_id = h.org_id and u.id = h.changed_by
				 where h.org_id = :org and %1$s
				 order by 1 desc
				 limit %2$d
				""".formatted(where, limit));
	}

	private static DealHistoryEntry map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new DealHistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, UUID.class), rs.getString(7));
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
}
