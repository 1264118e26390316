package dev.tandem.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.BulkLoadRows.ActivityRow;
import dev.tandem.crm.BulkLoadRows.DealRow;
import dev.tandem.crm.BulkLoadRows.FieldChangeRow;
import dev.tandem.crm.BulkLoadRows.LineRow;
import dev.tandem.crm.BulkLoadRows.StageChangeRow;
import dev.tandem.crm.BulkLoadRows.StakeholderRow;
import dev.tandem.crm.Channel;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.crm.Direction;
import dev.tandem.crm.NewActivity;
import dev.tandem.crm.StakeholderRole;
import dev.tandem.exchange.ImportSettings.WithoutAccount;
import dev.tandem.crm.Stance;
import dev.tandem.platform.Ids;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import org.jspecify.annotations.Nullable;

import static dev.tandem.exchange.CrmPlanning.blank;
import static dev.tandem.exchange.CrmPlanning.enumOf;
import static dev.tandem.exchange.CrmPlanning.names;
import static dev.tandem.exchange.CrmPlanning.or;
import static dev.tandem.exchange.PlanContext.CREATED;
import static dev.tandem.exchange.PlanContext.SKIPPED;
import static dev.tandem.exchange.PlanContext.key;

/**
 * Reads deals with their past, buying groups and activities. A deal closed in the source keeps its
 * won or lost status and dates; its stage history is the source's own where the file has it (Tandem's
 * export), otherwise the deal enters its known stage when it was created (or engaged, when the file gives only
 * that) and its closed stage when it closed, so funnels, cycle times and win rates count imported history as it
 * happened.
 */
final class DealPlanning {

	private final PlanContext ctx;
	private final CrmPlanning crm;
	/** Deals whose history rows the import carries itself (by the source's deal id). */
	final Set<String> dealsWithHistory = new HashSet<>();
	private final Map<UUID, Instant> lastActivity = new HashMap<>();
	private final Set<UUID> createdDeals = new HashSet<>();

	DealPlanning(PlanContext ctx, CrmPlanning crm) {
		this.ctx = ctx;
		this.crm = crm;
	}

	/**
	 * The title of a deal whose file has no title column, as exports of a pipeline often lack one: the account and
	 * the product (else the source's id, else the close date), such as "Acme – GTX Pro".
	 */
	private static String derivedTitle(Row row, String ext) {
		String account = row.get("account");
		String what = !row.get("product").isEmpty() ? row.get("product") : !ext.isEmpty() ? ext : row.get("closeDate");
		return account.isEmpty() ? what : what.isEmpty() ? account : account + " – " + what;
	}

	/** Whether this import creates the deal, so the rows that belong to a deal (history, buying group, ticks) are its own. */
	boolean created(UUID dealId) {
		return createdDeals.contains(dealId);
	}

	void deal(Row row) {
		String ext = row.get("id");
		String title = row.has("title") ? row.get("title") : derivedTitle(row, ext);
		crm.required(row, "title", title);
		UUID owner = row.get("owner").isEmpty() ? null : ctx.owner(row.get("owner"));
		crm.required(row, "owner", row.get("owner"));
		Pipeline pipeline = pipeline(row);
		Stage stage = row.get("stage").isEmpty() || pipeline == null ? null : ctx.stage(pipeline, row.get("stage"));
		crm.required(row, "stage", row.get("stage"));
		DealStatus status = row.get("status").isEmpty() ? null
				: enumOf(DealStatus.class, ctx.word("status", row.get("status"), names(DealStatus.values())));
		BigDecimal amount = ctx.amount(row, "amount");
		LocalDate closeDate = ctx.date(row, "closeDate");
		Instant createdAt = ctx.instant(row, "createdAt");
		Instant wonAt = ctx.instant(row, "wonAt");
		Instant lostAt = ctx.instant(row, "lostAt");
		Instant closedAtGiven = ctx.instant(row, "closedAt");
		LocalDate engagedOn = ctx.date(row, "engagedOn");
		DealSource source = row.get("source").isEmpty() ? DealSource.INBOUND
				: enumOf(DealSource.class, ctx.word("source", row.get("source"), names(DealSource.values())));
		UUID productId = row.get("product").isEmpty() ? null : ctx.product(row.get("product"));
		BigDecimal quantity = ctx.amount(row, "quantity");
		if (quantity != null && quantity.signum() == 0) {
			ctx.problem(row, "quantity", "exchange.rule.positive");
		}
		if (row.failed) {
			return;
		}
		// Account and duplicates are checked even while a value still waits for its mapping, so the dry run lists every problem.
		boolean withoutAccount = row.get("account").isEmpty() && row.get("accountId").isEmpty();
		String placeholder = withoutAccount ? ctx.settings.placeholderAccount() : null;
		// Tandem's own export holds deals an earlier import made without an account: they come back as they were.
		boolean noneWanted = withoutAccount
				&& (ctx.settings.withoutAccount() == WithoutAccount.NONE || ctx.settings.kind() == EntityKind.ORGANISATION);
		UUID accountId = placeholder != null ? crm.accountNamed(row, placeholder, owner == null ? ctx.admin.id() : owner)
				: noneWanted ? null : crm.accountOf(row, owner == null ? ctx.admin.id() : owner, true);
		if (row.failed || (accountId == null && !noneWanted)
				|| crm.seenBefore(row, ext.isEmpty() ? "title" : "id", ext.isEmpty() ? accountId + "|" + key(title) : "id:" + ext)) {
			return;
		}
		if (owner == null || stage == null || pipeline == null || source == null || (!row.get("status").isEmpty() && status == null)
				|| (!row.get("product").isEmpty() && productId == null)) {
			return;
		}
		if (status == null) {
			status = dev.tandem.crm.Deal.statusIn(stage);
		}
		// The stage the deal was in while open, and the one it is in now.
		Stage openStage = stage.isOpen() ? stage : pipeline.firstStage();
		Stage current = switch (status) {
			case OPEN -> stage;
			case WON -> stage.kind() == StageKind.WON ? stage : closedStage(pipeline, StageKind.WON);
			case LOST -> stage.kind() == StageKind.LOST ? stage : closedStage(pipeline, StageKind.LOST);
		};
		if (status == DealStatus.OPEN && !stage.isOpen()) {
			ctx.problem(row, "status", "exchange.rule.status-stage", stage.name());
			return;
		}
		Instant closedAt = null;
		if (status != DealStatus.OPEN) {
			closedAt = closedAtGiven != null ? closedAtGiven : status == DealStatus.WON && wonAt != null ? wonAt
					: status == DealStatus.LOST && lostAt != null ? lostAt
					: closeDate != null ? closeDate.atStartOfDay(ctx.zone).toInstant() : null;
			if (closedAt == null) {
				ctx.problem(row, "closeDate", "exchange.rule.close-date-needed");
				return;
			}
			if (closeDate == null) {
				closeDate = closedAt.atZone(ctx.zone).toLocalDate();
			}
		}
		// A file without a created date often has an engage date (the day the deal began); a closed deal with neither began
		// at the latest when it closed, never at the import's own moment.
		Instant created = createdAt != null ? createdAt : engagedOn != null ? engagedOn.atStartOfDay(ctx.zone).toInstant()
				: closedAt != null ? closedAt : ctx.now;
		Instant entered = closedAt != null && closedAt.isBefore(created) ? closedAt : created;
		ForecastCategory category = forecastCategory(row, current);
		Instant stageEnteredAt = ctx.instant(row, "stageEnteredAt");
		if (stageEnteredAt == null) {
			stageEnteredAt = closedAt != null ? closedAt : entered;
		}
		UUID existing = ext.isEmpty() ? ctx.known.dealsByKey.get(accountId + "|" + key(title)) : ctx.external(row, "id", EntityKind.DEALS, ext).orElse(null);
		Instant enteredAt = stageEnteredAt;
		DealStatus dealStatus = status;
		Instant closed = closedAt;
		LocalDate closeOn = closeDate;
		UUID id = ctx.upsert(EntityKind.DEALS, ext, existing, existing == null ? null : ctx.known.deals.get(existing), before -> {
			boolean moved = !before.stageId().equals(current.id());
			Instant movedAt = closed != null ? closed : ctx.now;
			ctx.writes.updates.deals.add(new DealRow(existing, accountId == null ? before.accountId() : accountId, owner, title, amount == null ? before.amount() : amount,
					closeOn == null ? before.closeDate() : closeOn, pipeline.id(), current.id(), dealStatus, category, false,
					or(row.get("nextStep"), before.nextStep()), before.nextStepDate(), source,
					or(row.get("lostReason"), before.lostReason()), engagedOn == null ? before.engagedOn() : engagedOn,
					closed, moved ? movedAt : before.stageEnteredAt(), before.lastActivityAt(), before.lastReviewedAt(),
					before.createdAt(), ctx.now));
			if (moved) {
				ctx.writes.updates.stageChanges.add(new StageChangeRow(existing, before.stageId(), current.id(), movedAt, ctx.admin.id()));
			}
		}, newId -> {
			DealRow deal = new DealRow(newId, accountId, owner, title, amount, closeOn, pipeline.id(), current.id(), dealStatus, category,
					"true".equalsIgnoreCase(row.get("forecastOverridden")), blank(row.get("nextStep")), ctx.date(row, "nextStepDate"),
					source, blank(row.get("lostReason")), engagedOn, closed, enteredAt, ctx.instant(row, "lastActivityAt"),
					ctx.instant(row, "lastReviewedAt"), created, created);
			ctx.writes.creates.deals.add(deal);
			ctx.known.addDeal(deal);
			createdDeals.add(newId);
			// The row's product is the deal's one line, priced so its units make the row's amount; the amount stays the row's.
			if (productId != null && amount != null) {
				BigDecimal units = quantity == null ? BigDecimal.ONE : quantity;
				ctx.writes.lines.add(new LineRow(Ids.next(), newId, productId, 1, units,
						amount.divide(units, 2, java.math.RoundingMode.HALF_UP), BigDecimal.ZERO));
			}
		});
		if (id == null) {
			return;
		}
		if (!ext.isEmpty() && dealsWithHistory.contains(ext)) {
			return;
		}
		ctx.writes.creates.stageChanges.add(new StageChangeRow(id, null, openStage.id(), entered, null));
		if (current.isClosed()) {
			ctx.writes.creates.stageChanges.add(new StageChangeRow(id, openStage.id(), current.id(), closedAt, null));
		}
	}

	private @Nullable Pipeline pipeline(Row row) {
		String name = row.get("pipeline");
		if (name.isEmpty()) {
			return ctx.known.defaultPipeline;
		}
		Pipeline pipeline = ctx.known.pipelines.stream().filter(p -> key(p.name()).equals(key(name))).findFirst().orElse(null);
		if (pipeline == null) {
			ctx.problem(row, "pipeline", "exchange.rule.reference");
		}
		return pipeline;
	}

	private static Stage closedStage(Pipeline pipeline, StageKind kind) {
		return pipeline.stages().stream().filter(s -> s.kind() == kind).findFirst()
			.orElseThrow(() -> new IllegalStateException("Pipeline " + pipeline.name() + " has no " + kind + " stage"));
	}

	private ForecastCategory forecastCategory(Row row, Stage stage) {
		String given = row.get("forecastCategory");
		if (!given.isEmpty() && names(ForecastCategory.values()).contains(given)) {
			return ForecastCategory.valueOf(given);
		}
		return switch (stage.kind()) {
			case WON -> ForecastCategory.CLOSED;
			case LOST -> ForecastCategory.OMITTED;
			case OPEN -> stage.forecastCategory();
		};
	}

	/** One row of a deal's history: a stage move or a change of amount, close date, owner or forecast category. */
	void history(Row row) {
		UUID dealId = crm.reference(row, "dealId", EntityKind.DEALS);
		String field = row.get("field");
		Instant at = ctx.instant(row, "changedAt");
		crm.required(row, "changedAt", row.get("changedAt"));
		UUID by = row.get("changedBy").isEmpty() ? null : ctx.owner(row.get("changedBy"));
		if (row.failed || dealId == null || at == null || (!row.get("changedBy").isEmpty() && by == null)) {
			return;
		}
		if (!createdDeals.contains(dealId)) {
			ctx.count(EntityKind.DEAL_HISTORY, SKIPPED);
			return;
		}
		DealRow deal = ctx.known.deals.get(dealId);
		Pipeline pipeline = ctx.known.pipelines.stream().filter(p -> p.id().equals(deal.pipelineId())).findFirst().orElse(ctx.known.defaultPipeline);
		switch (field) {
			case "stage" -> {
				Stage from = row.get("oldValue").isEmpty() ? null : ctx.stage(pipeline, row.get("oldValue"));
				Stage to = row.get("newValue").isEmpty() ? null : ctx.stage(pipeline, row.get("newValue"));
				crm.required(row, "newValue", row.get("newValue"));
				if (to == null || (from == null && !row.get("oldValue").isEmpty())) {
					return;
				}
				ctx.writes.creates.stageChanges.add(new StageChangeRow(dealId, from == null ? null : from.id(), to.id(), at, by));
			}
			case "amount", "closeDate", "forecastCategory" -> ctx.writes.creates.fieldChanges
				.add(new FieldChangeRow(dealId, field, blank(row.get("oldValue")), blank(row.get("newValue")), at, by));
			case "owner" -> {
				UUID from = row.get("oldValue").isEmpty() ? null : ctx.owner(row.get("oldValue"));
				UUID to = row.get("newValue").isEmpty() ? null : ctx.owner(row.get("newValue"));
				if ((from == null && !row.get("oldValue").isEmpty()) || (to == null && !row.get("newValue").isEmpty())) {
					return;
				}
				ctx.writes.creates.fieldChanges.add(new FieldChangeRow(dealId, field, from == null ? null : from.toString(),
						to == null ? null : to.toString(), at, by));
			}
			default -> {
				ctx.problem(row, "field", "exchange.rule.history-field");
				return;
			}
		}
		ctx.count(EntityKind.DEAL_HISTORY, CREATED);
	}

	void stakeholder(Row row) {
		UUID dealId = crm.reference(row, "dealId", EntityKind.DEALS);
		UUID contactId = crm.reference(row, "contactId", EntityKind.CONTACTS);
		crm.required(row, "role", row.get("role"));
		StakeholderRole role = ctx.choice(row, "role", StakeholderRole.class, null);
		Stance stance = ctx.choice(row, "stance", Stance.class, Stance.NEUTRAL);
		Integer influence = row.get("influence").isEmpty() ? Integer.valueOf(3) : ValueParsers.integer(row.get("influence"));
		if (influence == null || influence < 1 || influence > 5) {
			ctx.problem(row, "influence", "exchange.rule.range", 1, 5);
		}
		Instant createdAt = ctx.instant(row, "createdAt");
		if (row.failed || dealId == null || contactId == null || role == null || stance == null || influence == null) {
			return;
		}
		if (!createdDeals.contains(dealId)) {
			ctx.count(EntityKind.STAKEHOLDERS, SKIPPED);
			return;
		}
		ctx.writes.creates.stakeholders.add(new StakeholderRow(Ids.next(), dealId, contactId, role, influence, stance,
				createdAt == null ? ctx.now : createdAt));
		ctx.count(EntityKind.STAKEHOLDERS, CREATED);
	}

	void activity(Row row) {
		String ext = row.get("id");
		ActivityType type = row.get("type").isEmpty() ? null
				: enumOf(ActivityType.class, ctx.word("type", row.get("type"), names(ActivityType.values())));
		crm.required(row, "type", row.get("type"));
		String subject = row.get("subject");
		crm.required(row, "subject", subject);
		UUID owner = row.get("owner").isEmpty() ? null : ctx.owner(row.get("owner"));
		crm.required(row, "owner", row.get("owner"));
		UUID loggedBy = row.get("loggedBy").isEmpty() ? owner : ctx.owner(row.get("loggedBy"));
		Instant occurredAt = ctx.instant(row, "occurredAt");
		Instant dueAt = ctx.instant(row, "dueAt");
		Boolean done = row.get("done").isEmpty() ? null : ValueParsers.yesNo(row.get("done"));
		if (!row.get("done").isEmpty() && done == null) {
			ctx.problem(row, "done", "exchange.rule.yes-no");
		}
		Integer duration = duration(row);
		Channel channel = type == null ? null : ctx.choice(row, "channel", Channel.class, NewActivity.defaultChannel(type));
		Direction direction = ctx.choice(row, "direction", Direction.class, Direction.OUTBOUND);
		if (occurredAt == null && dueAt == null && !row.failed) {
			ctx.problem(row, "occurredAt", "exchange.rule.when");
		}
		UUID dealId = dealOf(row);
		if (row.failed || type == null || owner == null || loggedBy == null || channel == null || direction == null) {
			return;
		}
		UUID accountId = row.get("accountId").isEmpty() && row.get("account").isEmpty()
				? (dealId == null ? null : ctx.known.deals.get(dealId).accountId()) : crm.accountOf(row, owner, false);
		List<UUID> contacts = ids(row, "contactIds", EntityKind.CONTACTS);
		List<UUID> participants = participants(row);
		Instant createdAt = ctx.instant(row, "createdAt");
		if (row.failed) {
			return;
		}
		boolean isDone = done != null ? done : occurredAt != null || type != ActivityType.TASK;
		Instant happened = occurredAt != null ? occurredAt : isDone ? dueAt : null;
		if (!ext.isEmpty() && crm.seenBefore(row, "id", "id:" + ext)) {
			return;
		}
		UUID existing = ext.isEmpty() ? null : ctx.external(row, "id", EntityKind.ACTIVITIES, ext).orElse(null);
		Instant created = createdAt != null ? createdAt : happened != null ? happened : dueAt;
		ctx.upsert(EntityKind.ACTIVITIES, ext, existing, ctx.known.row(existing, ActivityRow.class),
				before -> ctx.writes.updates.activities.add(new ActivityRow(existing, type, channel, direction, subject,
						or(row.get("notes"), before.notes()), or(row.get("outcome"), before.outcome()),
						duration == null ? before.durationMinutes() : duration, happened, dueAt, isDone, dealId, accountId, owner,
						before.loggedBy(), before.joint(), before.contactIds(), before.participantIds(), before.createdAt())),
				id -> {
					ctx.writes.creates.activities.add(new ActivityRow(id, type, channel, direction, subject, blank(row.get("notes")),
							blank(row.get("outcome")), duration, happened, dueAt, isDone, dealId, accountId, owner, loggedBy,
							"true".equalsIgnoreCase(row.get("joint")), contacts, participants, created == null ? ctx.now : created));
					if (dealId != null && happened != null && isDone) {
						lastActivity.merge(dealId, happened, (a, b) -> a.isAfter(b) ? a : b);
					}
				});
	}

	/** The deal an activity is about: by the source's deal id, else by title (within the account when one is named). */
	private @Nullable UUID dealOf(Row row) {
		if (!row.get("dealId").isEmpty()) {
			return crm.reference(row, "dealId", EntityKind.DEALS);
		}
		String title = row.get("deal");
		if (title.isEmpty()) {
			return null;
		}
		List<UUID> candidates = ctx.known.dealsByTitle.getOrDefault(key(title), List.of());
		if (candidates.size() > 1 && !row.get("account").isEmpty()) {
			UUID account = ctx.known.accountsByName.get(key(row.get("account")));
			candidates = candidates.stream().filter(d -> java.util.Objects.equals(ctx.known.deals.get(d).accountId(), account)).toList();
		}
		if (candidates.size() != 1) {
			ctx.problem(row, "deal", candidates.isEmpty() ? "exchange.rule.reference" : "exchange.rule.ambiguous");
			return null;
		}
		return candidates.get(0);
	}

	private @Nullable Integer duration(Row row) {
		String text = row.get("duration");
		if (text.isEmpty()) {
			return null;
		}
		Integer minutes = text.matches("\\d{1,2}:\\d{2}(:\\d{2})?")
				? Integer.parseInt(text.split(":")[0]) * 60 + Integer.parseInt(text.split(":")[1]) : ValueParsers.integer(text);
		if (minutes == null || minutes < 0 || minutes > 1440) {
			ctx.problem(row, "duration", "exchange.rule.range", 0, 1440);
			return null;
		}
		return minutes;
	}

	private List<UUID> ids(Row row, String field, EntityKind kind) {
		List<UUID> ids = new ArrayList<>();
		for (String ext : row.get(field).split(";")) {
			if (!ext.isBlank()) {
				ctx.external(row, field, kind, ext.trim()).ifPresentOrElse(ids::add, () -> ctx.problem(row, field, "exchange.rule.reference"));
			}
		}
		return ids;
	}

	private List<UUID> participants(Row row) {
		List<UUID> ids = new ArrayList<>();
		for (String who : row.get("participants").split(";")) {
			if (!who.isBlank()) {
				UUID id = ctx.owner(who.trim());
				if (id == null) {
					row.failed = true;
				}
				else {
					ids.add(id);
				}
			}
		}
		return ids;
	}

	/** Deals created by the import get the time of their latest imported activity, unless the file gave it. */
	void finish() {
		List<DealRow> deals = ctx.writes.creates.deals;
		for (int i = 0; i < deals.size(); i++) {
			DealRow d = deals.get(i);
			Instant last = lastActivity.get(d.id());
			if (last != null && d.lastActivityAt() == null) {
				deals.set(i, new DealRow(d.id(), d.accountId(), d.ownerId(), d.title(), d.amount(), d.closeDate(), d.pipelineId(),
						d.stageId(), d.status(), d.forecastCategory(), d.categoryOverridden(), d.nextStep(), d.nextStepDate(), d.source(),
						d.lostReason(), d.engagedOn(), d.closedAt(), d.stageEnteredAt(), last, d.lastReviewedAt(), d.createdAt(),
						d.updatedAt()));
			}
		}
	}
}
