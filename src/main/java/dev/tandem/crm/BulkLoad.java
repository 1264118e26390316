package dev.tandem.crm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.BulkLoadRows.AccountRow;
import dev.tandem.crm.BulkLoadRows.ActivityRow;
import dev.tandem.crm.BulkLoadRows.AssignmentRow;
import dev.tandem.crm.BulkLoadRows.ContactRow;
import dev.tandem.crm.BulkLoadRows.CriterionRow;
import dev.tandem.crm.BulkLoadRows.DealRow;
import dev.tandem.crm.BulkLoadRows.FieldChangeRow;
import dev.tandem.crm.BulkLoadRows.LeadRow;
import dev.tandem.crm.BulkLoadRows.RoutingStateRow;
import dev.tandem.crm.BulkLoadRows.StageChangeRow;
import dev.tandem.crm.BulkLoadRows.StakeholderRow;
import dev.tandem.crm.persistence.BinEntries;
import dev.tandem.crm.persistence.BulkRows;
import dev.tandem.crm.persistence.BulkRows.Table;
import dev.tandem.crm.persistence.Routing;
import dev.tandem.platform.BulkCopy;
import dev.tandem.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes CRM records together with their past, as they happened: deals with every stage they passed
 * and when, activities at their own times, leads with their routing log. This is how history enters
 * Tandem (the demo organisation's two years, imports from another CRM), so the analytics built on
 * history are right from the first day.
 * <p>
 * Rows go in with {@code COPY} in the caller's transaction: all or nothing. The rows are taken as
 * given; the database's keys and checks (every foreign key includes the organisation) refuse a row
 * that points at another organisation's record or breaks a rule, which rolls the whole load back.
 * No events are published per row: a load is not a stream of new work.
 */
@Service
public class BulkLoad {

	private final BulkCopy copy;
	private final BulkRows rows;
	private final BinEntries bin;
	private final ApplicationEventPublisher events;

	BulkLoad(BulkCopy copy, BulkRows rows, BinEntries bin, ApplicationEventPublisher events) {
		this.copy = copy;
		this.rows = rows;
		this.bin = bin;
		this.events = events;
	}

	/** Writes everything in the batch for one organisation; answers how many rows went into each table. */
	@Transactional
	public Counts load(UUID orgId, Batch batch) {
		long accounts = copy.copy("crm_account",
				List.of("org_id", "id", "name", "sector", "size", "country", "website", "owner_id", "created_at", "updated_at", "updated_by"),
				() -> batch.accounts().stream().map(a -> new Object[] { orgId, a.id(), a.name(), a.sector(), a.size(), a.country(),
						a.website(), a.ownerId(), a.createdAt(), a.createdAt(), batch.actor() }).iterator());
		long contacts = copy.copy("crm_contact",
				List.of("org_id", "id", "account_id", "name", "title", "email", "phone", "social_url", "created_at", "updated_at",
						"updated_by"),
				() -> batch.contacts().stream().map(c -> new Object[] { orgId, c.id(), c.accountId(), c.name(), c.title(), c.email(),
						c.phone(), c.socialUrl(), c.createdAt(), c.createdAt(), batch.actor() }).iterator());
		long deals = copy.copy("crm_deal",
				List.of("org_id", "id", "account_id", "owner_id", "title", "amount", "close_date", "pipeline_id", "stage_id", "status",
						"forecast_category", "category_overridden", "next_step", "next_step_date", "source", "lost_reason", "engaged_on",
						"closed_at", "stage_entered_at", "last_activity_at", "last_reviewed_at", "created_at", "updated_at", "updated_by"),
				() -> batch.deals().stream().map(d -> new Object[] { orgId, d.id(), d.accountId(), d.ownerId(), d.title(), d.amount(),
						d.closeDate(), d.pipelineId(), d.stageId(), d.status().name(), d.forecastCategory().name(),
						d.categoryOverridden(), d.nextStep(), d.nextStepDate(), d.source().name(), d.lostReason(), d.engagedOn(),
						d.closedAt(), d.stageEnteredAt(), d.lastActivityAt(), d.lastReviewedAt(), d.createdAt(), d.updatedAt(),
						batch.actor() }).iterator());
		long stageChanges = copy.copy("crm_deal_stage_history",
				List.of("org_id", "id", "deal_id", "from_stage_id", "to_stage_id", "changed_at", "changed_by"),
				() -> batch.stageChanges().stream().map(s -> new Object[] { orgId, Ids.next(), s.dealId(), s.fromStageId(),
						s.toStageId(), s.at(), s.by() }).iterator());
		long fieldChanges = copy.copy("crm_deal_field_history",
				List.of("org_id", "id", "deal_id", "field", "old_value", "new_value", "changed_at", "changed_by"),
				() -> batch.fieldChanges().stream().map(f -> new Object[] { orgId, Ids.next(), f.dealId(), f.field(), f.oldValue(),
						f.newValue(), f.at(), f.by() }).iterator());
		copy.copy("crm_deal_criterion", List.of("org_id", "deal_id", "criterion_id", "checked_at", "checked_by"),
				() -> batch.criteria().stream().map(c -> new Object[] { orgId, c.dealId(), c.criterionId(), c.at(), c.by() })
					.iterator());
		long stakeholders = copy.copy("crm_stakeholder",
				List.of("org_id", "id", "deal_id", "contact_id", "role", "influence", "stance", "created_at"),
				() -> batch.stakeholders().stream().map(s -> new Object[] { orgId, s.id(), s.dealId(), s.contactId(), s.role().name(),
						s.influence(), s.stance().name(), s.createdAt() }).iterator());
		long activities = copy.copy("crm_activity",
				List.of("org_id", "id", "type", "channel", "direction", "subject", "notes", "outcome", "duration_minutes", "occurred_at",
						"due_at", "done", "deal_id", "account_id", "owner_id", "logged_by", "joint", "created_at"),
				() -> batch.activities().stream().map(a -> new Object[] { orgId, a.id(), a.type().name(), a.channel().name(),
						a.direction().name(), a.subject(), a.notes(), a.outcome(), a.durationMinutes(), a.occurredAt(), a.dueAt(), a.done(),
						a.dealId(), a.accountId(), a.ownerId(), a.loggedBy(), a.joint(), a.createdAt() }).iterator());
		copy.copy("crm_activity_contact", List.of("org_id", "activity_id", "contact_id"),
				() -> batch.activities().stream().flatMap(a -> a.contactIds().stream().map(c -> new Object[] { orgId, a.id(), c }))
					.iterator());
		copy.copy("crm_activity_participant", List.of("org_id", "activity_id", "user_id"),
				() -> batch.activities().stream()
					.flatMap(a -> a.participantIds().stream().map(u -> new Object[] { orgId, a.id(), u }))
					.iterator());
		long leads = copy.copy("crm_lead",
				List.of("org_id", "id", "person_name", "company", "email", "phone", "source", "campaign", "score", "status",
						"disqualified_reason", "team_id", "owner_id", "account_id", "contact_id", "deal_id", "created_at", "updated_at",
						"updated_by", "qualified_at", "converted_at"),
				() -> batch.leads().stream().map(l -> new Object[] { orgId, l.id(), l.personName(), l.company(), l.email(), l.phone(),
						l.source().name(), l.campaign(), l.score(), l.status().name(), l.disqualifiedReason(), l.teamId(), l.ownerId(),
						l.accountId(), l.contactId(), l.dealId(), l.createdAt(), l.updatedAt(), batch.actor(), l.qualifiedAt(),
						l.convertedAt() }).iterator());
		copy.copy("crm_lead_assignment",
				List.of("org_id", "id", "lead_id", "team_id", "assigned_to", "rule", "candidates", "reason", "assigned_at", "assigned_by"),
				() -> batch.assignments().stream().map(a -> new Object[] { orgId, Ids.next(), a.leadId(), a.teamId(), a.assignedTo(),
						a.rule(), Routing.candidatesJson(a.candidates()), a.reason(), a.at(), a.by() }).iterator());
		copy.copy("crm_routing_weight", List.of("org_id", "team_id", "user_id", "weight", "current_weight"),
				() -> batch.routing().stream().map(r -> new Object[] { orgId, r.teamId(), r.userId(), r.weight(), r.position() })
					.iterator());
		publish(orgId, CrmRecordsLoaded.Change.CREATED, batch);
		return new Counts(accounts, contacts, deals, stageChanges, fieldChanges, stakeholders, activities, leads);
	}

	/**
	 * Adds products to the catalogue with their prices, and line items to deals, after {@link #load} wrote the deals; the
	 * lines go with their deals when those are removed.
	 */
	@Transactional
	public void loadLines(UUID orgId, String actor, List<BulkLoadRows.ProductRow> products, List<BulkLoadRows.LineRow> lines) {
		copy.copy("crm_product", List.of("org_id", "id", "name", "code", "active", "created_at", "updated_at", "updated_by"),
				() -> products.stream().map(p -> new Object[] { orgId, p.id(), p.name(), p.code(), p.active(), p.createdAt(), p.createdAt(),
						actor }).iterator());
		copy.copy("crm_product_price", List.of("org_id", "product_id", "currency", "unit_price"),
				() -> products.stream().flatMap(p -> p.prices().entrySet().stream()
					.map(e -> new Object[] { orgId, p.id(), e.getKey(), e.getValue() })).iterator());
		copy.copy("crm_deal_line",
				List.of("org_id", "id", "deal_id", "product_id", "position", "quantity", "unit_price", "discount_pct"),
				() -> lines.stream().map(l -> new Object[] { orgId, l.id(), l.dealId(), l.productId(), l.position(), l.quantity(),
						l.unitPrice(), l.discountPercent() }).iterator());
	}

	/** The line items of the organisation's deals outside the recycle bin, by deal and position: what a full export writes out. */
	@Transactional(readOnly = true)
	public List<BulkLoadRows.LineRow> lines(UUID orgId) {
		return rows.lines(orgId);
	}

	/**
	 * Takes products an import added off the catalogue again, as undoing it does: those no deal line sells are deleted,
	 * the others (sold since on a deal of someone's own) are kept. Answers how many were deleted.
	 */
	@Transactional
	public int removeProducts(UUID orgId, Collection<UUID> productIds) {
		return rows.deleteUnusedProducts(orgId, productIds);
	}

	/** One event for the whole batch: what it holds and whose records they are. */
	private void publish(UUID orgId, CrmRecordsLoaded.Change change, Batch batch) {
		Set<UUID> owners = new LinkedHashSet<>();
		batch.accounts().forEach(a -> owners.add(a.ownerId()));
		batch.deals().forEach(d -> owners.add(d.ownerId()));
		batch.activities().forEach(a -> owners.add(a.ownerId()));
		batch.leads().stream().map(LeadRow::ownerId).filter(Objects::nonNull).forEach(owners::add);
		CrmRecordsLoaded loaded = new CrmRecordsLoaded(orgId, change, batch.accounts().stream().map(AccountRow::id).toList(),
				batch.contacts().stream().map(ContactRow::id).toList(), batch.deals().stream().map(DealRow::id).toList(),
				batch.activities().stream().map(ActivityRow::id).toList(), batch.leads().stream().map(LeadRow::id).toList(), owners);
		if (loaded.size() > 0) {
			events.publishEvent(loaded);
		}
	}

	/**
	 * The organisation's accounts, contacts, deals with their stage and field history, ticked exit criteria and
	 * buying groups, activities and leads, as the rows a load takes: what a full export writes out. Lead routing
	 * logs and what is in the recycle bin are not part of it.
	 */
	@Transactional(readOnly = true)
	public Batch snapshot(UUID orgId) {
		return new Batch("", rows.accounts(orgId), rows.contacts(orgId), rows.deals(orgId), rows.stageChanges(orgId),
				rows.fieldChanges(orgId), rows.criteria(orgId), rows.stakeholders(orgId), rows.activities(orgId), rows.leads(orgId),
				List.of(), List.of());
	}

	/**
	 * The organisation's accounts, contacts, deals and leads (and activities, when asked) without the deals' history
	 * and buying groups: what an import matches its rows against, read in a fraction of a full snapshot's time.
	 */
	@Transactional(readOnly = true)
	public Batch records(UUID orgId, boolean withActivities) {
		return new Batch("", rows.accounts(orgId), rows.contacts(orgId), rows.deals(orgId), List.of(), List.of(), List.of(), List.of(),
				withActivities ? rows.activities(orgId) : List.of(), rows.leads(orgId), List.of(), List.of());
	}

	/**
	 * Of the given ids of accounts, contacts, deals, activities and leads, those that exist, each with whether it is
	 * in the recycle bin: what an import needs to know of the records an earlier import linked to its source's ids.
	 * An id that is not there (purged from the bin, or undone) is left out.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Boolean> binned(UUID orgId, Collection<UUID> ids) {
		return rows.binned(orgId, ids);
	}

	/**
	 * Sets existing records (by id) to the values of the batch's accounts, contacts, deals, activities
	 * and leads, and adds the batch's stage and field changes as new history rows. Answers the ids of
	 * the history rows it added, so the change can be undone exactly.
	 */
	@Transactional
	public List<UUID> update(UUID orgId, Batch batch) {
		batch.accounts().forEach(a -> rows.updateAccount(orgId, a, batch.actor()));
		batch.contacts().forEach(c -> rows.updateContact(orgId, c, batch.actor()));
		batch.deals().forEach(d -> rows.updateDeal(orgId, d, batch.actor()));
		batch.activities().forEach(a -> rows.updateActivity(orgId, a));
		batch.leads().forEach(l -> rows.updateLead(orgId, l, batch.actor()));
		List<UUID> added = new ArrayList<>();
		List<Object[]> stageRows = new ArrayList<>();
		for (StageChangeRow s : batch.stageChanges()) {
			UUID id = Ids.next();
			added.add(id);
			stageRows.add(new Object[] { orgId, id, s.dealId(), s.fromStageId(), s.toStageId(), s.at(), s.by() });
		}
		copy.copy("crm_deal_stage_history", List.of("org_id", "id", "deal_id", "from_stage_id", "to_stage_id", "changed_at", "changed_by"),
				stageRows);
		List<Object[]> fieldRows = new ArrayList<>();
		for (FieldChangeRow f : batch.fieldChanges()) {
			UUID id = Ids.next();
			added.add(id);
			fieldRows.add(new Object[] { orgId, id, f.dealId(), f.field(), f.oldValue(), f.newValue(), f.at(), f.by() });
		}
		copy.copy("crm_deal_field_history",
				List.of("org_id", "id", "deal_id", "field", "old_value", "new_value", "changed_at", "changed_by"), fieldRows);
		publish(orgId, CrmRecordsLoaded.Change.UPDATED, batch);
		return added;
	}

	/**
	 * Deletes records by id, those that depend on others first; deleting a deal takes its history,
	 * buying group and activities with it, in the recycle bin or not. A record that something outside the
	 * removal still refers to makes the database refuse, which rolls the whole removal back.
	 */
	@Transactional
	public void remove(UUID orgId, Removal removal) {
		Set<UUID> owners = new LinkedHashSet<>();
		owners.addAll(rows.owners(orgId, Table.ACCOUNTS, removal.accounts()));
		owners.addAll(rows.owners(orgId, Table.DEALS, removal.deals()));
		owners.addAll(rows.owners(orgId, Table.ACTIVITIES, removal.activities()));
		owners.addAll(rows.owners(orgId, Table.LEADS, removal.leads()));
		rows.delete(orgId, Table.STAGE_CHANGES, removal.historyRows());
		rows.delete(orgId, Table.FIELD_CHANGES, removal.historyRows());
		rows.delete(orgId, Table.ACTIVITIES, removal.activities());
		rows.delete(orgId, Table.LEADS, removal.leads());
		rows.delete(orgId, Table.STAKEHOLDERS, removal.stakeholders());
		rows.delete(orgId, Table.DEALS, removal.deals());
		rows.delete(orgId, Table.CONTACTS, removal.contacts());
		rows.delete(orgId, Table.ACCOUNTS, removal.accounts());
		bin.forgetEmpty(orgId);
		CrmRecordsLoaded removed = new CrmRecordsLoaded(orgId, CrmRecordsLoaded.Change.REMOVED, List.copyOf(removal.accounts()),
				List.copyOf(removal.contacts()), List.copyOf(removal.deals()), List.copyOf(removal.activities()),
				List.copyOf(removal.leads()), owners);
		if (removed.size() > 0) {
			events.publishEvent(removed);
		}
	}

	/** The ids of what {@link #remove} deletes; {@code historyRows} are stage and field change rows. */
	public record Removal(Collection<UUID> accounts, Collection<UUID> contacts, Collection<UUID> deals,
			Collection<UUID> historyRows, Collection<UUID> stakeholders, Collection<UUID> activities, Collection<UUID> leads) {
	}

	/** Everything one load writes; {@code actor} is recorded as who last changed the records. */
	public record Batch(String actor, List<AccountRow> accounts, List<ContactRow> contacts, List<DealRow> deals,
			List<StageChangeRow> stageChanges, List<FieldChangeRow> fieldChanges, List<CriterionRow> criteria,
			List<StakeholderRow> stakeholders, List<ActivityRow> activities, List<LeadRow> leads,
			List<AssignmentRow> assignments, List<RoutingStateRow> routing) {
	}

	/** Rows written per table. */
	public record Counts(long accounts, long contacts, long deals, long stageChanges, long fieldChanges, long stakeholders,
			long activities, long leads) {
	}

	/** The reason a routed lead's log gives: the rep's turn came up. */
	public static String turnReason() {
		return LeadManagement.REASON_TURN;
	}
}
