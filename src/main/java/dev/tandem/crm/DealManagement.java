package dev.tandem.crm;

import dev.tandem.platform.AuditAction;
import dev.tandem.platform.AuditLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.crm.persistence.Accounts;
import dev.tandem.crm.persistence.Activities;
import dev.tandem.crm.persistence.DealHistory;
import dev.tandem.crm.persistence.DealLines;
import dev.tandem.crm.persistence.Deals;
import dev.tandem.crm.persistence.Stakeholders;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.playbook.BuyingRole;
import dev.tandem.playbook.DealFacts;
import dev.tandem.playbook.ExitCriterion;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Gate;
import dev.tandem.playbook.GateResult;
import dev.tandem.playbook.Missing;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and moves deals. Every stage move passes the playbook's gate; every change of
 * stage, amount, close date, owner or forecast category is kept as history; every change publishes
 * its event once, in the same transaction.
 */
@Service
public class DealManagement {

	private final Deals deals;
	private final DealHistory history;
	private final Accounts accounts;
	private final Activities activities;
	private final Stakeholders stakeholders;
	private final PlaybookManagement playbook;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final Access access;
	private final Idempotency idempotency;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final AuditLog audit;
	private final RecycleBin bin;
	private final DealLines lines;
	private final CustomFieldManagement customFields;

	DealManagement(Deals deals, DealHistory history, Accounts accounts, Activities activities, Stakeholders stakeholders,
			PlaybookManagement playbook, OrganisationManagement organisations, Visibility visibility, Access access,
			Idempotency idempotency, ApplicationEventPublisher events, Clock clock, AuditLog audit,
			RecycleBin bin, DealLines lines, CustomFieldManagement customFields) {
		this.customFields = customFields;
		this.lines = lines;
		this.audit = audit;
		this.bin = bin;
		this.deals = deals;
		this.history = history;
		this.accounts = accounts;
		this.activities = activities;
		this.stakeholders = stakeholders;
		this.playbook = playbook;
		this.organisations = organisations;
		this.visibility = visibility;
		this.access = access;
		this.idempotency = idempotency;
		this.events = events;
		this.clock = clock;
	}

	public Deal get(CurrentUser viewer, UUID id) {
		Deal deal = deals.find(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("deal", id));
		access.requireVisible(viewer, deal.ownerId(), "deal", id);
		return deal;
	}

	public Listing<Deal> list(CurrentUser viewer, DealQuery query, ListRequest request) {
		Set<UUID> owners = access.owners(viewer);
		List<Deal> rows = deals.list(viewer.orgId(), owners, query, "id", request.after(), request.fetchSize(), 0);
		return Listing.of(rows, deals.count(viewer.orgId(), owners, query), request, Deal::id);
	}

	/** A page of a sorted list, for the UI: {@code page} counts from 0. */
	public Listing<Deal> page(CurrentUser viewer, DealQuery query, String sort, int page, int size) {
		Sorts.check(sort, Deals.SORTS.keySet());
		Set<UUID> owners = access.owners(viewer);
		List<Deal> rows = deals.list(viewer.orgId(), owners, query, sort, null, size, page * size);
		return new Listing<>(rows, deals.count(viewer.orgId(), owners, query), null);
	}

	public List<Deal> board(CurrentUser viewer, UUID pipelineId, @Nullable UUID ownerId) {
		playbook.pipeline(viewer.orgId(), pipelineId);
		return deals.openInPipeline(viewer.orgId(), access.owners(viewer), pipelineId, ownerId);
	}

	@Transactional
	public Deal create(CurrentUser user, NewDeal deal, @Nullable String idempotencyKey) {
		return create(user, deal, idempotencyKey, Map.of());
	}

	/** A new deal with values of its custom fields (see {@link CustomFieldManagement}), in one command. */
	@Transactional
	public Deal create(CurrentUser user, NewDeal deal, @Nullable String idempotencyKey,
			@Nullable Map<String, ? extends @Nullable Object> custom) {
		return idempotency.once(user, idempotencyKey, deal, "deal", id -> {
			Deal created = insert(user, id, deal);
			customFields.store(user, CustomFieldKind.DEAL, id, custom);
			return custom == null || custom.isEmpty() ? created : get(user, id);
		}, id -> get(user, id)).value();
	}

	private Deal insert(CurrentUser user, UUID id, NewDeal deal) {
		List<FieldProblem> problems = new ArrayList<>();
		if (deal.title() == null || deal.title().isBlank()) {
			problems.add(new FieldProblem("title", "jakarta.validation.constraints.NotBlank.message"));
		}
		if (deal.amount() != null && deal.amount().signum() < 0) {
			problems.add(new FieldProblem("amount", "validation.amount.negative"));
		}
		if (!accounts.visible(user.orgId(), deal.accountId(), access.owners(user))) {
			problems.add(new FieldProblem("accountId", "validation.account.unknown"));
		}
		UUID ownerId = deal.ownerId() == null ? user.id() : deal.ownerId();
		if (!access.mayAssignTo(user, ownerId)) {
			problems.add(new FieldProblem("ownerId", "validation.owner.not-yours"));
		}
		Pipeline pipeline = deal.pipelineId() == null ? playbook.defaultPipeline(user.orgId())
				: playbook.pipelines(user.orgId()).stream().filter(p -> p.id().equals(deal.pipelineId())).findFirst().orElse(null);
		Stage stage = null;
		if (pipeline == null) {
			problems.add(new FieldProblem("pipelineId", "validation.pipeline.unknown"));
		}
		else {
			stage = deal.stageId() == null ? pipeline.firstStage() : pipeline.stage(deal.stageId()).filter(Stage::isOpen).orElse(null);
			if (stage == null) {
				problems.add(new FieldProblem("stageId", "validation.stage.unknown"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		Deal created = new Deal(id, deal.accountId(), "", ownerId, "", deal.title().trim(), deal.amount(), deal.closeDate(),
				pipeline.id(), stage.id(), stage.name(), DealStatus.OPEN, stage.forecastCategory(), false, deal.nextStep(),
				deal.nextStepDate(), deal.source() == null ? DealSource.OUTBOUND : deal.source(), null, null, null, now, null, null,
				now, now, user.displayName(), 0, Map.of());
		deals.insert(user.orgId(), created);
		history.stageChanged(user.orgId(), id, null, stage.id(), now, user.id());
		events.publishEvent(new DealCreated(user.orgId(), id, ownerId, stage.id(), deal.amount(), created.source()));
		return get(user, id);
	}

	@Transactional
	public Deal update(CurrentUser user, UUID id, DealChanges changes) {
		return update(user, id, changes, Map.of());
	}

	/** Changes the deal and the custom values sent (null removes one), in one command. */
	@Transactional
	public Deal update(CurrentUser user, UUID id, DealChanges changes, @Nullable Map<String, ? extends @Nullable Object> custom) {
		Deal current = get(user, id);
		if (current.version() != changes.version()) {
			throw conflict(current);
		}
		List<FieldProblem> problems = new ArrayList<>();
		String title = changes.has("title") ? changes.title() : current.title();
		if (title == null || title.isBlank()) {
			problems.add(new FieldProblem("title", "jakarta.validation.constraints.NotBlank.message"));
		}
		BigDecimal amount = changes.has("amount") ? changes.amount() : current.amount();
		if (amount != null && amount.signum() < 0) {
			problems.add(new FieldProblem("amount", "validation.amount.negative"));
		}
		if (changes.has("amount") && !changes.has(DealLineManagement.LINES) && !Objects.equals(norm(amount), norm(current.amount()))
				&& lines.any(user.orgId(), id)) {
			problems.add(new FieldProblem("amount", "validation.deal.amount-follows-lines"));
		}
		UUID ownerId = changes.has("ownerId") && changes.ownerId() != null ? changes.ownerId() : current.ownerId();
		if (!ownerId.equals(current.ownerId()) && !access.mayAssignTo(user, ownerId)) {
			problems.add(new FieldProblem("ownerId", "validation.owner.not-yours"));
		}
		ForecastCategory category = current.forecastCategory();
		boolean overridden = current.categoryOverridden();
		if (changes.has("forecastCategory")) {
			if (!current.isOpen()) {
				problems.add(new FieldProblem("forecastCategory", "validation.deal.closed"));
			}
			else if (changes.forecastCategory() == null) {
				category = stageOf(user, current).forecastCategory();
				overridden = false;
			}
			else if (changes.forecastCategory() == ForecastCategory.CLOSED) {
				problems.add(new FieldProblem("forecastCategory", "validation.deal.category-closed"));
			}
			else {
				category = changes.forecastCategory();
				overridden = true;
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Deal changed = new Deal(id, current.accountId(), current.accountName(), ownerId, current.ownerName(), title.trim(), amount,
				changes.has("closeDate") ? changes.closeDate() : current.closeDate(), current.pipelineId(), current.stageId(),
				current.stageName(), current.status(), category, overridden,
				changes.has("nextStep") ? changes.nextStep() : current.nextStep(),
				changes.has("nextStepDate") ? changes.nextStepDate() : current.nextStepDate(),
				changes.has("source") && changes.source() != null ? changes.source() : current.source(),
				changes.has("lostReason") ? changes.lostReason() : current.lostReason(), current.engagedOn(), current.closedAt(),
				current.stageEnteredAt(), current.lastActivityAt(), current.lastReviewedAt(), current.createdAt(),
				current.updatedAt(), user.displayName(), current.version(), current.customFields());
		if (!deals.update(user.orgId(), changed, changes.version())) {
			throw conflict(get(user, id));
		}
		recordFieldChanges(user, current, changed);
		customFields.store(user, CustomFieldKind.DEAL, id, custom);
		audit.record(user.orgId(), user.id(), user.displayName(), AuditAction.DEAL_CHANGED, "deal", id,
				current.title() + ": " + String.join(", ", new java.util.TreeSet<>(changes.present())));
		if (!ownerId.equals(current.ownerId())) {
			events.publishEvent(new DealOwnerChanged(user.orgId(), id, current.ownerId(), ownerId, current.status(), changed.amount()));
		}
		java.util.Set<String> fields = new java.util.TreeSet<>(changes.present());
		fields.remove("ownerId");
		fields.remove("version");
		if (custom != null && !custom.isEmpty()) {
			fields.add("customFields");
		}
		if (!fields.isEmpty()) {
			events.publishEvent(new DealChanged(user.orgId(), id, ownerId, current.status(), fields));
		}
		return get(user, id);
	}

	/** Moves a deal through the gate; a blocking gate refuses with everything that is missing. */
	@Transactional
	public MoveResult move(CurrentUser user, UUID id, StageMove move) {
		Deal current = get(user, id);
		if (current.version() != move.version()) {
			throw conflict(current);
		}
		Pipeline pipeline = playbook.pipeline(user.orgId(), current.pipelineId());
		Stage from = pipeline.stage(current.stageId()).orElseThrow();
		Stage to = pipeline.stage(move.stageId())
			.orElseThrow(() -> InvalidInputException.of("stageId", "validation.stage.unknown"));
		BigDecimal amount = move.amount() != null ? move.amount() : current.amount();
		LocalDate closeDate = move.closeDate() != null ? move.closeDate() : current.closeDate();
		String lostReason = move.lostReason() != null && !move.lostReason().isBlank() ? move.lostReason().trim() : current.lostReason();
		if (to.id().equals(from.id())) {
			return new MoveResult(current, List.of());
		}
		GateResult gate = Gate.check(pipeline, from, to, facts(user.orgId(), id, amount, closeDate, lostReason));
		if (gate.blocked()) {
			throw new GateRefusedException(gate.missing());
		}
		Instant now = clock.instant();
		Deal.Moved moved = current.movedTo(user.orgId(), from, to, move.amount(), move.closeDate(), move.lostReason(), now, user.id(),
				user.displayName());
		if (!deals.update(user.orgId(), moved.deal(), move.version())) {
			throw conflict(get(user, id));
		}
		history.stageChanged(user.orgId(), id, from.id(), to.id(), now, user.id());
		recordFieldChanges(user, current, moved.deal());
		moved.events().forEach(events::publishEvent);
		return new MoveResult(get(user, id), gate.missing());
	}

	/** What the deal misses of its current stage's requirements and of the next stage's. */
	public List<Missing> missingFor(CurrentUser viewer, Deal deal, Stage stage) {
		return Gate.requirementsOf(stage, facts(viewer.orgId(), deal.id(), deal.amount(), deal.closeDate(), deal.lostReason()));
	}

	public DealFacts facts(CurrentUser viewer, Deal deal) {
		return facts(viewer.orgId(), deal.id(), deal.amount(), deal.closeDate(), deal.lostReason());
	}

	private DealFacts facts(UUID orgId, UUID dealId, @Nullable BigDecimal amount, @Nullable LocalDate closeDate,
			@Nullable String lostReason) {
		List<Stakeholder> group = stakeholders.ofDeal(orgId, dealId);
		Set<BuyingRole> roles = group.stream().map(s -> s.role().buyingRole())
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(BuyingRole.class)));
		return new DealFacts(activities.countsOfDeal(orgId, dealId), history.checkedCriteria(orgId, dealId), group.size(), roles,
				amount, closeDate, lostReason);
	}

	/**
	 * Ticks or unticks exit criteria of the deal's pipeline, based on {@code version}: a tick changes the deal, so a
	 * stale page gets the conflict like any other edit. A criterion the buying group satisfies cannot be ticked.
	 */
	@Transactional
	public Deal checkCriteria(CurrentUser user, UUID dealId, int version, Map<UUID, Boolean> checked) {
		Deal deal = get(user, dealId);
		if (deal.version() != version) {
			throw conflict(deal);
		}
		Map<UUID, ExitCriterion> criteria = playbook.pipeline(user.orgId(), deal.pipelineId()).stages().stream()
			.flatMap(s -> s.exitCriteria().stream()).collect(Collectors.toMap(ExitCriterion::id, c -> c));
		for (UUID id : checked.keySet()) {
			ExitCriterion criterion = criteria.get(id);
			if (criterion == null) {
				throw InvalidInputException.of("criterionId", "validation.criterion.unknown");
			}
			if (criterion.byFact()) {
				throw InvalidInputException.of("criterionId", "validation.criterion.by-fact", criterion.label());
			}
		}
		checked.forEach((id, on) -> {
			if (on) {
				history.check(user.orgId(), dealId, id, user.id());
			}
			else {
				history.uncheck(user.orgId(), dealId, id);
			}
		});
		if (!deals.update(user.orgId(), deal.changedBy(user.displayName()), version)) {
			throw conflict(get(user, dealId));
		}
		events.publishEvent(new DealChanged(user.orgId(), dealId, deal.ownerId(), deal.status(), java.util.Set.of("criteria")));
		return get(user, dealId);
	}

	/** Records that the deal was reviewed now, which resets its review-cadence clock. */
	@Transactional
	public Deal markReviewed(CurrentUser user, UUID dealId) {
		Deal deal = get(user, dealId);
		Deal reviewed = deal.reviewedAt(clock.instant(), user.displayName());
		if (!deals.update(user.orgId(), reviewed, deal.version())) {
			throw conflict(get(user, dealId));
		}
		events.publishEvent(new DealChanged(user.orgId(), dealId, deal.ownerId(), deal.status(), java.util.Set.of("reviewed")));
		return get(user, dealId);
	}

	public List<DealHistoryEntry> history(CurrentUser viewer, UUID dealId) {
		get(viewer, dealId);
		return history.of(viewer.orgId(), dealId);
	}

	/** The changes of every deal of an account the viewer may see, newest first. */
	public List<DealHistoryEntry> historyOfAccount(CurrentUser viewer, UUID accountId, int limit) {
		if (!accounts.visible(viewer.orgId(), accountId, access.owners(viewer))) {
			throw new RecordNotFoundException("account", accountId);
		}
		return history.ofAccount(viewer.orgId(), accountId, access.owners(viewer), limit);
	}

	public List<HygieneFlag> hygiene(CurrentUser viewer, Deal deal, Pipeline pipeline) {
		return deal.hygiene(visibility.today(viewer.orgId()), organisations.get(viewer.orgId()).timeZone(), pipeline.reviewCadenceDays());
	}

	// Buying group

	public List<Stakeholder> stakeholders(CurrentUser viewer, UUID dealId) {
		get(viewer, dealId);
		return stakeholders.ofDeal(viewer.orgId(), dealId);
	}

	@Transactional
	public Stakeholder addStakeholder(CurrentUser user, UUID dealId, NewStakeholder stakeholder) {
		Deal deal = get(user, dealId);
		Contact contact = accounts.findContact(user.orgId(), stakeholder.contactId())
			.filter(c -> c.accountId().equals(deal.accountId()))
			.orElseThrow(() -> InvalidInputException.of("contactId", "validation.contact.not-of-account"));
		if (stakeholders.exists(user.orgId(), dealId, contact.id())) {
			throw InvalidInputException.of("contactId", "validation.stakeholder.exists");
		}
		int influence = stakeholder.influence() == null ? 3 : stakeholder.influence();
		if (influence < 1 || influence > 5) {
			throw InvalidInputException.of("influence", "validation.range", 1, 5);
		}
		UUID id = dev.tandem.platform.Ids.next();
		stakeholders.insert(user.orgId(), id, dealId, contact.id(), stakeholder.role(), influence,
				stakeholder.stance() == null ? Stance.NEUTRAL : stakeholder.stance());
		return stakeholders.find(user.orgId(), id).orElseThrow();
	}

	@Transactional
	public Stakeholder updateStakeholder(CurrentUser user, UUID dealId, UUID id, StakeholderRole role, int influence,
			Stance stance, int version) {
		get(user, dealId);
		Stakeholder current = stakeholders.find(user.orgId(), id).filter(s -> s.dealId().equals(dealId))
			.orElseThrow(() -> new RecordNotFoundException("stakeholder", id));
		if (influence < 1 || influence > 5) {
			throw InvalidInputException.of("influence", "validation.range", 1, 5);
		}
		if (!stakeholders.update(user.orgId(), current.id(), role, influence, stance, version)) {
			throw new ConcurrentEditException("stakeholder", null, null);
		}
		return stakeholders.find(user.orgId(), id).orElseThrow();
	}

	@Transactional
	public void removeStakeholder(CurrentUser user, UUID dealId, UUID id) {
		get(user, dealId);
		stakeholders.find(user.orgId(), id).filter(s -> s.dealId().equals(dealId))
			.orElseThrow(() -> new RecordNotFoundException("stakeholder", id));
		stakeholders.delete(user.orgId(), id);
	}

	/**
	 * Moves a deal into the recycle bin with its activities; its history and buying group wait there with it. A won or
	 * lost deal counts in the results: a rep may not delete it, their manager or an admin may.
	 */
	@Transactional
	public void delete(CurrentUser user, UUID id) {
		Deal deal = get(user, id);
		if (!deal.deletableBy(user.role())) {
			throw new DeletionRefusedException("recycle.refused.closed-deal");
		}
		bin.put(user, BinKind.DEAL, id, deal.title(), deal.ownerId(), null);
	}

	private Stage stageOf(CurrentUser user, Deal deal) {
		return playbook.pipeline(user.orgId(), deal.pipelineId()).stage(deal.stageId()).orElseThrow();
	}

	private void recordFieldChanges(CurrentUser user, Deal before, Deal after) {
		Instant now = clock.instant();
		if (!Objects.equals(norm(before.amount()), norm(after.amount()))) {
			history.fieldChanged(user.orgId(), after.id(), "amount", str(norm(before.amount())), str(norm(after.amount())), now, user.id());
		}
		if (!Objects.equals(before.closeDate(), after.closeDate())) {
			history.fieldChanged(user.orgId(), after.id(), "closeDate", str(before.closeDate()), str(after.closeDate()), now, user.id());
		}
		if (!before.ownerId().equals(after.ownerId())) {
			history.fieldChanged(user.orgId(), after.id(), "owner", before.ownerId().toString(), after.ownerId().toString(), now, user.id());
		}
		if (before.forecastCategory() != after.forecastCategory()) {
			history.fieldChanged(user.orgId(), after.id(), "forecastCategory", before.forecastCategory().name(),
					after.forecastCategory().name(), now, user.id());
		}
	}

	private static @Nullable BigDecimal norm(@Nullable BigDecimal amount) {
		return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	private static @Nullable String str(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

	private static ConcurrentEditException conflict(Deal now) {
		return new ConcurrentEditException("deal", now.updatedBy(), now.updatedAt());
	}
}
