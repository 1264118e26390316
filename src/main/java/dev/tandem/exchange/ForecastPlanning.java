package dev.tandem.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.forecast.ForecastLoad;
import dev.tandem.goals.Scope;
import dev.tandem.platform.Ids;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.Stage;
import org.jspecify.annotations.Nullable;

import static dev.tandem.exchange.CrmPlanning.blank;
import static dev.tandem.exchange.PlanContext.CREATED;
import static dev.tandem.exchange.PlanContext.SKIPPED;
import static dev.tandem.exchange.PlanContext.key;

/**
 * Reads the forecast history: every revision submitted for a person or a team, the managers' adjustments, and the
 * snapshots with what they held (the submissions then, and the open deals then), from which accuracy is measured. A
 * submission the organisation has already (the same person or team, period and revision, or one an earlier import
 * brought) and a snapshot an earlier import brought are left as they are; what belongs to them is read only for those
 * the import creates. A weekly snapshot of a week the organisation has one of already comes in as taken on demand, so
 * nothing it held is lost.
 */
final class ForecastPlanning {

	private final PlanContext ctx;
	private final CrmPlanning crm;
	private final Map<String, UUID> submissionsByKey = new HashMap<>();
	private final Map<String, Integer> lastRevision = new HashMap<>();
	private final Set<LocalDate> weeksTaken = new HashSet<>();
	private final Set<UUID> createdSubmissions = new HashSet<>();
	private final Set<UUID> createdSnapshots = new HashSet<>();
	private final Set<String> held = new HashSet<>();

	ForecastPlanning(PlanContext ctx, CrmPlanning crm, ForecastLoad.Batch existing) {
		this.ctx = ctx;
		this.crm = crm;
		existing.submissions().forEach(s -> {
			submissionsByKey.put(revisionKey(s.scope(), s.period(), s.revision()), s.id());
			lastRevision.merge(revisionKey(s.scope(), s.period(), 0), s.revision(), Math::max);
		});
		existing.snapshots().stream().filter(ForecastLoad.SnapshotRow::weekly).forEach(s -> weeksTaken.add(s.week()));
	}

	void submission(Row row) {
		String ext = row.get("id");
		Scope scope = ctx.scope(row);
		Period period = ctx.period(row);
		Integer given = ctx.integer(row, "revision", 1, 100_000, null);
		BigDecimal commit = amount(row, "commit", true);
		BigDecimal bestCase = amount(row, "bestCase", true);
		bestCaseNotBelow(row, "bestCase", commit, bestCase);
		BigDecimal won = amount(row, "won", false);
		BigDecimal pipeline = amount(row, "openPipeline", false);
		crm.required(row, "submittedBy", row.get("submittedBy"));
		UUID by = row.get("submittedBy").isEmpty() ? null : ctx.owner(row.get("submittedBy"));
		crm.required(row, "submittedAt", row.get("submittedAt"));
		Instant at = ctx.instant(row, "submittedAt");
		if (row.failed || scope == null || period == null || commit == null || bestCase == null || by == null || at == null
				|| (!row.get("revision").isEmpty() && given == null)) {
			return;
		}
		int revision = given != null ? given : lastRevision.getOrDefault(revisionKey(scope, period, 0), 0) + 1;
		String key = revisionKey(scope, period, revision);
		if (crm.there(row, EntityKind.FORECASTS, "revision", ext, key, submissionsByKey.get(key))) {
			return;
		}
		UUID id = Ids.next();
		ctx.writes.forecasts.submissions.add(new ForecastLoad.SubmissionRow(id, scope, period, revision, commit, bestCase,
				won == null ? BigDecimal.ZERO.setScale(2) : won, pipeline == null ? BigDecimal.ZERO.setScale(2) : pipeline,
				blank(row.get("note")), by, at));
		submissionsByKey.put(key, id);
		lastRevision.merge(revisionKey(scope, period, 0), revision, Math::max);
		createdSubmissions.add(id);
		ctx.link(EntityKind.FORECASTS, ext, id, true);
		ctx.count(EntityKind.FORECASTS, CREATED);
	}

	/** A manager's adjustment of a submission this import creates: other figures and why. */
	void adjustment(Row row) {
		UUID submission = submissionOf(row, "submissionId");
		BigDecimal commit = amount(row, "commit", true);
		BigDecimal bestCase = amount(row, "bestCase", true);
		bestCaseNotBelow(row, "bestCase", commit, bestCase);
		crm.required(row, "reason", row.get("reason"));
		crm.required(row, "adjustedBy", row.get("adjustedBy"));
		UUID by = row.get("adjustedBy").isEmpty() ? null : ctx.owner(row.get("adjustedBy"));
		crm.required(row, "adjustedAt", row.get("adjustedAt"));
		Instant at = ctx.instant(row, "adjustedAt");
		if (row.failed || submission == null || commit == null || bestCase == null || by == null || at == null) {
			return;
		}
		if (!createdSubmissions.contains(submission)) {
			ctx.count(EntityKind.FORECAST_ADJUSTMENTS, SKIPPED);
			return;
		}
		ctx.writes.forecasts.adjustments.add(new ForecastLoad.AdjustmentRow(Ids.next(), submission, commit, bestCase, row.get("reason"), by, at));
		ctx.count(EntityKind.FORECAST_ADJUSTMENTS, CREATED);
	}

	void snapshot(Row row) {
		String ext = row.get("id");
		crm.required(row, "id", ext);
		crm.required(row, "takenAt", row.get("takenAt"));
		Instant at = ctx.instant(row, "takenAt");
		String kind = row.get("kind").toUpperCase(java.util.Locale.ROOT);
		if (!kind.isEmpty() && !kind.equals("WEEKLY") && !kind.equals("ON_DEMAND")) {
			ctx.problem(row, "kind", "exchange.rule.one-of", "WEEKLY, ON_DEMAND");
		}
		if (row.failed || at == null || crm.seenBefore(row, "id", "snapshot-id:" + ext)) {
			return;
		}
		UUID existing = ctx.external(row, "id", EntityKind.SNAPSHOTS, ext).orElse(null);
		if (existing != null) {
			ctx.count(EntityKind.SNAPSHOTS, SKIPPED);
			return;
		}
		LocalDate week = at.atZone(ctx.zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		boolean weekly = kind.equals("WEEKLY") && weeksTaken.add(week);
		UUID id = Ids.next();
		ctx.writes.forecasts.snapshots.add(new ForecastLoad.SnapshotRow(id, at, weekly ? week : null));
		createdSnapshots.add(id);
		ctx.link(EntityKind.SNAPSHOTS, ext, id, true);
		ctx.count(EntityKind.SNAPSHOTS, CREATED);
	}

	/** What a snapshot held of a submission: the figures then, and the adjustment then if there was one. */
	void snapshotForecast(Row row) {
		UUID snapshot = snapshotOf(row);
		UUID submission = submissionOf(row, "submissionId");
		BigDecimal commit = amount(row, "commit", true);
		BigDecimal bestCase = amount(row, "bestCase", true);
		BigDecimal adjustedCommit = amount(row, "adjustedCommit", false);
		BigDecimal adjustedBestCase = amount(row, "adjustedBestCase", false);
		if ((adjustedCommit == null) != (adjustedBestCase == null) && !row.failed) {
			ctx.problem(row, adjustedCommit == null ? "adjustedCommit" : "adjustedBestCase", "exchange.rule.required");
		}
		if (row.failed || snapshot == null || submission == null || commit == null || bestCase == null || skipped(row, snapshot,
				EntityKind.SNAPSHOT_FORECASTS, "submissionId", submission)) {
			return;
		}
		ctx.writes.forecasts.snapshotForecasts.add(new ForecastLoad.SnapshotForecastRow(snapshot, submission, commit, bestCase, adjustedCommit,
				adjustedBestCase));
		ctx.count(EntityKind.SNAPSHOT_FORECASTS, CREATED);
	}

	/** What a snapshot held of an open deal: owner, stage (in the deal's pipeline), category, amount and close date then. */
	void snapshotDeal(Row row) {
		UUID snapshot = snapshotOf(row);
		UUID deal = crm.reference(row, "dealId", EntityKind.DEALS);
		crm.required(row, "dealId", row.get("dealId"));
		crm.required(row, "owner", row.get("owner"));
		UUID owner = row.get("owner").isEmpty() ? null : ctx.owner(row.get("owner"));
		crm.required(row, "forecastCategory", row.get("forecastCategory"));
		ForecastCategory category = ctx.choice(row, "forecastCategory", ForecastCategory.class, null);
		BigDecimal amount = amount(row, "amount", false);
		LocalDate closeDate = ctx.date(row, "closeDate");
		Stage stage = deal == null ? null : stageOf(row, ctx.known.deals.get(deal).pipelineId());
		if (row.failed || snapshot == null || deal == null || owner == null || category == null || stage == null
				|| skipped(row, snapshot, EntityKind.SNAPSHOT_DEALS, "dealId", deal)) {
			return;
		}
		ctx.writes.forecasts.snapshotDeals.add(new ForecastLoad.SnapshotDealRow(snapshot, deal, owner, stage.id(), category, amount, closeDate));
		ctx.count(EntityKind.SNAPSHOT_DEALS, CREATED);
	}

	private @Nullable Stage stageOf(Row row, UUID pipelineId) {
		String name = row.get("stage");
		if (name.isEmpty()) {
			ctx.problem(row, "stage", "exchange.rule.required");
			return null;
		}
		Stage stage = ctx.known.pipelines.stream().filter(p -> p.id().equals(pipelineId)).map(Pipeline::stages).flatMap(java.util.List::stream)
			.filter(s -> key(s.name()).equals(key(name))).findFirst().orElse(null);
		if (stage == null) {
			ctx.problem(row, "stage", "exchange.rule.reference");
		}
		return stage;
	}

	/** Whether a row of a snapshot's contents is left out: its snapshot is not one this import creates, or it stands twice. */
	private boolean skipped(Row row, UUID snapshot, EntityKind kind, String field, UUID record) {
		if (!createdSnapshots.contains(snapshot)) {
			ctx.count(kind, SKIPPED);
			return true;
		}
		if (!held.add(kind + "|" + snapshot + "|" + record)) {
			ctx.problem(row, field, "exchange.rule.duplicate-in-file");
			return true;
		}
		return false;
	}

	private @Nullable UUID snapshotOf(Row row) {
		crm.required(row, "snapshotId", row.get("snapshotId"));
		return crm.reference(row, "snapshotId", EntityKind.SNAPSHOTS);
	}

	private @Nullable UUID submissionOf(Row row, String field) {
		crm.required(row, field, row.get(field));
		return crm.reference(row, field, EntityKind.FORECASTS);
	}

	private @Nullable BigDecimal amount(Row row, String field, boolean required) {
		BigDecimal amount = required ? ctx.requiredAmount(row, field, false) : ctx.amount(row, field);
		return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
	}

	private void bestCaseNotBelow(Row row, String field, @Nullable BigDecimal commit, @Nullable BigDecimal bestCase) {
		if (commit != null && bestCase != null && bestCase.compareTo(commit) < 0) {
			ctx.problem(row, field, "exchange.rule.best-case-below-commit");
		}
	}

	private static String revisionKey(Scope scope, Period period, int revision) {
		return scope.key() + "|" + period.kind() + "|" + period.start() + "|" + revision;
	}
}
