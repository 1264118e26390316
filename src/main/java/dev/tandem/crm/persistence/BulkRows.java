package dev.tandem.crm.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.crm.BulkLoadRows.AccountRow;
import dev.tandem.crm.BulkLoadRows.ActivityRow;
import dev.tandem.crm.BulkLoadRows.ContactRow;
import dev.tandem.crm.BulkLoadRows.CriterionRow;
import dev.tandem.crm.BulkLoadRows.DealRow;
import dev.tandem.crm.BulkLoadRows.FieldChangeRow;
import dev.tandem.crm.BulkLoadRows.LeadRow;
import dev.tandem.crm.BulkLoadRows.StageChangeRow;
import dev.tandem.crm.BulkLoadRows.StakeholderRow;
import dev.tandem.crm.Channel;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.crm.Direction;
import dev.tandem.crm.LeadStatus;
import dev.tandem.crm.StakeholderRole;
import dev.tandem.crm.Stance;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.ForecastCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whole tables of one organisation as bulk-load rows (for a full export), and the row-wise updates
 * and deletes that bulk changes and their undo need.
 */
@Repository
public class BulkRows {

	/** A row of a deal's history or buying group whose deal is not in the recycle bin. */
	private static final String LIVE_DEAL = """
			not exists (select 1 from crm_deal d where d.org_id = h.org_id and d.id = h.deal_id and d.deleted_at is not null)""";

	private final JdbcClient jdbc;

	BulkRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<AccountRow> accounts(UUID orgId) {
		return jdbc.sql("select * from crm_account where org_id = :org and deleted_at is null order by created_at, id").param("org", orgId)
			.query((rs, n) -> new AccountRow(id(rs, "id"), rs.getString("name"), rs.getString("sector"), rs.getString("size"),
					rs.getString("country"), rs.getString("website"), id(rs, "owner_id"), Deals.instant(rs, "created_at")))
			.list();
	}

	public List<ContactRow> contacts(UUID orgId) {
		return jdbc.sql("select * from crm_contact where org_id = :org and deleted_at is null order by created_at, id").param("org", orgId)
			.query((rs, n) -> new ContactRow(id(rs, "id"), id(rs, "account_id"), rs.getString("name"), rs.getString("title"),
					rs.getString("email"), rs.getString("phone"), rs.getString("social_url"), Deals.instant(rs, "created_at")))
			.list();
	}

	public List<DealRow> deals(UUID orgId) {
		return jdbc.sql("select * from crm_deal where org_id = :org and deleted_at is null order by created_at, id").param("org", orgId)
			.query(BulkRows::deal).list();
	}

	public List<dev.tandem.crm.BulkLoadRows.LineRow> lines(UUID orgId) {
		return jdbc.sql("""
				select l.* from crm_deal_line l join crm_deal d on d.org_id = l.org_id and d.id = l.deal_id
				 where l.org_id = :org and d.deleted_at is null order by d.created_at, d.id, l.position
				""").param("org", orgId)
			.query((rs, n) -> new dev.tandem.crm.BulkLoadRows.LineRow(id(rs, "id"), id(rs, "deal_id"), id(rs, "product_id"),
					rs.getInt("position"), rs.getBigDecimal("quantity").stripTrailingZeros(), rs.getBigDecimal("unit_price"),
					rs.getBigDecimal("discount_pct")))
			.list();
	}

	/** Deletes those of the products no deal line refers to; answers how many. */
	public int deleteUnusedProducts(UUID orgId, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				delete from crm_product p where p.org_id = :org and p.id = any(:ids)
				   and not exists (select 1 from crm_deal_line l where l.org_id = p.org_id and l.product_id = p.id)
				""").param("org", orgId).param("ids", ids.toArray(UUID[]::new)).update();
	}

	public List<StageChangeRow> stageChanges(UUID orgId) {
		return jdbc.sql("select * from crm_deal_stage_history h where org_id = :org and " + LIVE_DEAL + " order by deal_id, changed_at, id")
			.param("org", orgId)
			.query((rs, n) -> new StageChangeRow(id(rs, "deal_id"), rs.getObject("from_stage_id", UUID.class), id(rs, "to_stage_id"),
					Deals.instant(rs, "changed_at"), rs.getObject("changed_by", UUID.class)))
			.list();
	}

	public List<FieldChangeRow> fieldChanges(UUID orgId) {
		return jdbc.sql("select * from crm_deal_field_history h where org_id = :org and " + LIVE_DEAL + " order by deal_id, changed_at, id")
			.param("org", orgId)
			.query((rs, n) -> new FieldChangeRow(id(rs, "deal_id"), rs.getString("field"), rs.getString("old_value"),
					rs.getString("new_value"), Deals.instant(rs, "changed_at"), rs.getObject("changed_by", UUID.class)))
			.list();
	}

	/** The exit criteria ticked on each deal, by whom and when. */
	public List<CriterionRow> criteria(UUID orgId) {
		return jdbc.sql("select * from crm_deal_criterion h where org_id = :org and " + LIVE_DEAL + " order by deal_id, checked_at, criterion_id").param("org", orgId)
			.query((rs, n) -> new CriterionRow(id(rs, "deal_id"), id(rs, "criterion_id"), Deals.instant(rs, "checked_at"),
					rs.getObject("checked_by", UUID.class)))
			.list();
	}

	public List<StakeholderRow> stakeholders(UUID orgId) {
		return jdbc.sql("select * from crm_stakeholder h where org_id = :org and " + LIVE_DEAL + " order by created_at, id")
			.param("org", orgId)
			.query((rs, n) -> new StakeholderRow(id(rs, "id"), id(rs, "deal_id"), id(rs, "contact_id"),
					StakeholderRole.valueOf(rs.getString("role")), rs.getInt("influence"), Stance.valueOf(rs.getString("stance")),
					Deals.instant(rs, "created_at")))
			.list();
	}

	public List<ActivityRow> activities(UUID orgId) {
		return jdbc.sql("""
				select x.*,
				       array(select ac.contact_id from crm_activity_contact ac
				               join crm_contact c on c.org_id = ac.org_id and c.id = ac.contact_id and c.deleted_at is null
				              where ac.org_id = x.org_id and ac.activity_id = x.id order by ac.contact_id) as contact_ids,
				       array(select ap.user_id from crm_activity_participant ap where ap.org_id = x.org_id and ap.activity_id = x.id
				              order by ap.user_id) as participant_ids
				  from crm_activity x where x.org_id = :org and x.deleted_at is null order by x.created_at, x.id
				""").param("org", orgId).query(BulkRows::activity).list();
	}

	public List<LeadRow> leads(UUID orgId) {
		return jdbc.sql("select l.*, " + Leads.LIVE_LINKS
				+ " from crm_lead l where l.org_id = :org and l.deleted_at is null order by l.created_at, l.id").param("org", orgId)
			.query((rs, n) -> new LeadRow(id(rs, "id"), rs.getString("person_name"), rs.getString("company"), rs.getString("email"),
					rs.getString("phone"), DealSource.valueOf(rs.getString("source")), rs.getString("campaign"), rs.getInt("score"),
					LeadStatus.valueOf(rs.getString("status")), rs.getString("disqualified_reason"),
					rs.getObject("team_id", UUID.class), rs.getObject("owner_id", UUID.class), rs.getObject("live_account_id", UUID.class),
					rs.getObject("live_contact_id", UUID.class), rs.getObject("live_deal_id", UUID.class), Deals.instant(rs, "created_at"),
					Deals.instant(rs, "updated_at"), Deals.instant(rs, "qualified_at"), Deals.instant(rs, "converted_at")))
			.list();
	}

	public void updateAccount(UUID orgId, AccountRow a, String actor) {
		jdbc.sql("""
				update crm_account set name = :name, sector = :sector, size = :size, country = :country, website = :website,
				       owner_id = :owner, updated_at = now(), updated_by = :actor, version = version + 1
				 where org_id = :org and id = :id
				""")
			.param("name", a.name()).param("sector", a.sector()).param("size", a.size()).param("country", a.country())
			.param("website", a.website()).param("owner", a.ownerId()).param("actor", actor).param("org", orgId).param("id", a.id())
			.update();
	}

	public void updateContact(UUID orgId, ContactRow c, String actor) {
		jdbc.sql("""
				update crm_contact set account_id = :account, name = :name, title = :title, email = :email, phone = :phone,
				       social_url = :social, updated_at = now(), updated_by = :actor, version = version + 1
				 where org_id = :org and id = :id
				""")
			.param("account", c.accountId()).param("name", c.name()).param("title", c.title()).param("email", c.email())
			.param("phone", c.phone()).param("social", c.socialUrl()).param("actor", actor).param("org", orgId).param("id", c.id())
			.update();
	}

	public void updateDeal(UUID orgId, DealRow d, String actor) {
		jdbc.sql("""
				update crm_deal set account_id = :account, owner_id = :owner, title = :title, amount = :amount, close_date = :closeDate,
				       pipeline_id = :pipeline, stage_id = :stage, status = :status, forecast_category = :category,
				       next_step = :nextStep, source = :source, lost_reason = :lostReason, engaged_on = :engagedOn,
				       closed_at = :closedAt, stage_entered_at = :stageEnteredAt, updated_at = now(), updated_by = :actor,
				       version = version + 1
				 where org_id = :org and id = :id
				""")
			.param("account", d.accountId()).param("owner", d.ownerId()).param("title", d.title()).param("amount", d.amount())
			.param("closeDate", d.closeDate()).param("pipeline", d.pipelineId()).param("stage", d.stageId())
			.param("status", d.status().name()).param("category", d.forecastCategory().name()).param("nextStep", d.nextStep())
			.param("source", d.source().name()).param("lostReason", d.lostReason()).param("engagedOn", d.engagedOn())
			.param("closedAt", Deals.ts(d.closedAt())).param("stageEnteredAt", Deals.ts(d.stageEnteredAt())).param("actor", actor)
			.param("org", orgId).param("id", d.id()).update();
	}

	public void updateActivity(UUID orgId, ActivityRow a) {
		jdbc.sql("""
				update crm_activity set type = :type, channel = :channel, direction = :direction, subject = :subject, notes = :notes,
				       outcome = :outcome, duration_minutes = :duration, occurred_at = :occurredAt, due_at = :dueAt, done = :done,
				       deal_id = :deal, account_id = :account, owner_id = :owner, version = version + 1
				 where org_id = :org and id = :id
				""")
			.param("type", a.type().name()).param("channel", a.channel().name()).param("direction", a.direction().name())
			.param("subject", a.subject()).param("notes", a.notes()).param("outcome", a.outcome()).param("duration", a.durationMinutes())
			.param("occurredAt", Deals.ts(a.occurredAt())).param("dueAt", Deals.ts(a.dueAt())).param("done", a.done())
			.param("deal", a.dealId()).param("account", a.accountId()).param("owner", a.ownerId()).param("org", orgId)
			.param("id", a.id()).update();
	}

	public void updateLead(UUID orgId, LeadRow l, String actor) {
		jdbc.sql("""
				update crm_lead set person_name = :person, company = :company, email = :email, phone = :phone, source = :source,
				       campaign = :campaign, score = :score, status = :status, disqualified_reason = :reason, owner_id = :owner,
				       qualified_at = :qualifiedAt, converted_at = :convertedAt,
				       updated_at = now(), updated_by = :actor, version = version + 1
				 where org_id = :org and id = :id
				""")
			.param("qualifiedAt", l.qualifiedAt() == null ? null : java.sql.Timestamp.from(l.qualifiedAt()))
			.param("convertedAt", l.convertedAt() == null ? null : java.sql.Timestamp.from(l.convertedAt()))
			.param("person", l.personName()).param("company", l.company()).param("email", l.email()).param("phone", l.phone())
			.param("source", l.source().name()).param("campaign", l.campaign()).param("score", l.score())
			.param("status", l.status().name()).param("reason", l.disqualifiedReason()).param("owner", l.ownerId())
			.param("actor", actor).param("org", orgId).param("id", l.id()).update();
	}

	/**
	 * Of the given ids of accounts, contacts, deals, activities and leads, those that exist, each with whether it is
	 * in the recycle bin; an id that is not there (never was, or purged from the bin) is left out.
	 */
	public Map<UUID, Boolean> binned(UUID orgId, Collection<UUID> ids) {
		Map<UUID, Boolean> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql(Arrays.stream(Table.values()).filter(t -> t.binnable)
			.map(t -> "select id, deleted_at is not null as binned from " + t.sqlName + " where org_id = :org and id = any(:ids)")
			.collect(Collectors.joining(" union all ")))
			.param("org", orgId).param("ids", ids.toArray(new UUID[0]))
			.query(rs -> {
				found.put(rs.getObject("id", UUID.class), rs.getBoolean("binned"));
			});
		return found;
	}

	/** Whose records these are: the owners of the rows of a table with owners (accounts, deals, activities, leads). */
	public Set<UUID> owners(UUID orgId, Table table, Collection<UUID> ids) {
		if (ids.isEmpty() || !table.binnable || table == Table.CONTACTS) {
			return Set.of();
		}
		return new java.util.LinkedHashSet<>(jdbc.sql("select distinct owner_id from " + table.sqlName
				+ " where org_id = :org and id = any(:ids) and owner_id is not null")
			.param("org", orgId).param("ids", ids.toArray(new UUID[0])).query(UUID.class).list());
	}

	/** Deletes rows by id from one of the CRM tables that bulk loads write; answers how many went. */
	public int delete(UUID orgId, Table table, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		UUID[] array = ids.toArray(new UUID[0]);
		if (table == Table.ACTIVITIES) {
			jdbc.sql("delete from crm_activity_contact where org_id = :org and activity_id = any(:ids)").param("org", orgId)
				.param("ids", array).update();
			jdbc.sql("delete from crm_activity_participant where org_id = :org and activity_id = any(:ids)").param("org", orgId)
				.param("ids", array).update();
		}
		if (table == Table.CONTACTS) {
			jdbc.sql("delete from crm_activity_contact where org_id = :org and contact_id = any(:ids)").param("org", orgId)
				.param("ids", array).update();
		}
		return jdbc.sql("delete from " + table.sqlName + " where org_id = :org and id = any(:ids)").param("org", orgId)
			.param("ids", array).update();
	}

	/** The tables {@link #delete} may delete from; the names are fixed here, never taken from input. */
	public enum Table {
		STAGE_CHANGES("crm_deal_stage_history", false), FIELD_CHANGES("crm_deal_field_history", false),
		STAKEHOLDERS("crm_stakeholder", false), ACTIVITIES("crm_activity", true), LEADS("crm_lead", true), DEALS("crm_deal", true),
		CONTACTS("crm_contact", true), ACCOUNTS("crm_account", true);

		private final String sqlName;
		private final boolean binnable;

		Table(String sqlName, boolean binnable) {
			this.sqlName = sqlName;
			this.binnable = binnable;
		}
	}

	private static DealRow deal(ResultSet rs, int n) throws SQLException {
		return new DealRow(id(rs, "id"), id(rs, "account_id"), id(rs, "owner_id"), rs.getString("title"), rs.getBigDecimal("amount"),
				rs.getObject("close_date", java.time.LocalDate.class), id(rs, "pipeline_id"), id(rs, "stage_id"),
				DealStatus.valueOf(rs.getString("status")), ForecastCategory.valueOf(rs.getString("forecast_category")),
				rs.getBoolean("category_overridden"), rs.getString("next_step"), rs.getObject("next_step_date", java.time.LocalDate.class),
				DealSource.valueOf(rs.getString("source")), rs.getString("lost_reason"),
				rs.getObject("engaged_on", java.time.LocalDate.class), Deals.instant(rs, "closed_at"),
				Deals.instant(rs, "stage_entered_at"), Deals.instant(rs, "last_activity_at"), Deals.instant(rs, "last_reviewed_at"),
				Deals.instant(rs, "created_at"), Deals.instant(rs, "updated_at"));
	}

	private static ActivityRow activity(ResultSet rs, int n) throws SQLException {
		Integer duration = (Integer) rs.getObject("duration_minutes");
		return new ActivityRow(id(rs, "id"), ActivityType.valueOf(rs.getString("type")), Channel.valueOf(rs.getString("channel")),
				Direction.valueOf(rs.getString("direction")), rs.getString("subject"), rs.getString("notes"), rs.getString("outcome"),
				duration, Deals.instant(rs, "occurred_at"), Deals.instant(rs, "due_at"), rs.getBoolean("done"),
				rs.getObject("deal_id", UUID.class), rs.getObject("account_id", UUID.class), id(rs, "owner_id"), id(rs, "logged_by"),
				rs.getBoolean("joint"), uuids(rs, "contact_ids"), uuids(rs, "participant_ids"), Deals.instant(rs, "created_at"));
	}

	private static UUID id(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	private static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
		java.sql.Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
	}
}
