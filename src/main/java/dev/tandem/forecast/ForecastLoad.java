package dev.tandem.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.tandem.forecast.persistence.ForecastHistory;
import dev.tandem.goals.Scope;
import dev.tandem.platform.BulkCopy;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ForecastCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes forecast submissions, adjustments and snapshots as they happened, for the demo organisation's history and
 * imports, and reads them all for a full export; the database's keys and checks refuse what does not fit. No events
 * are published per row.
 */
@Service
public class ForecastLoad {

	private final BulkCopy copy;
	private final ForecastHistory history;

	ForecastLoad(BulkCopy copy, ForecastHistory history) {
		this.copy = copy;
		this.history = history;
	}

	public record SubmissionRow(UUID id, Scope scope, Period period, int revision, BigDecimal commit,
			BigDecimal bestCase, BigDecimal won, BigDecimal pipeline, @Nullable String note, UUID submittedBy, Instant submittedAt) {
	}

	public record AdjustmentRow(UUID id, UUID submissionId, BigDecimal commit, BigDecimal bestCase, String reason, UUID adjustedBy,
			Instant adjustedAt) {
	}

	/** A snapshot: when it was taken, and for a weekly one the Monday of its week. */
	public record SnapshotRow(UUID id, Instant takenAt, @Nullable LocalDate week) {

		public boolean weekly() {
			return week != null;
		}
	}

	/** What a snapshot held of one submission: its figures then, and its adjustment then, if any. */
	public record SnapshotForecastRow(UUID snapshotId, UUID submissionId, BigDecimal commit, BigDecimal bestCase,
			@Nullable BigDecimal adjustedCommit, @Nullable BigDecimal adjustedBestCase) {
	}

	/** What a snapshot held of one open deal. */
	public record SnapshotDealRow(UUID snapshotId, UUID dealId, UUID ownerId, UUID stageId, ForecastCategory category,
			@Nullable BigDecimal amount, @Nullable LocalDate closeDate) {
	}

	/** An organisation's forecast history, as {@link #load(UUID, Batch)} takes it. */
	public record Batch(List<SubmissionRow> submissions, List<AdjustmentRow> adjustments, List<SnapshotRow> snapshots,
			List<SnapshotForecastRow> snapshotForecasts, List<SnapshotDealRow> snapshotDeals) {
	}

	/** Every submission, adjustment and snapshot of the organisation, each table in the order it was written. */
	@Transactional(readOnly = true)
	public Batch all(UUID orgId) {
		return new Batch(history.submissions(orgId), history.adjustments(orgId), history.snapshots(orgId), history.snapshotForecasts(orgId),
				history.snapshotDeals(orgId));
	}

	@Transactional
	public void load(UUID orgId, List<SubmissionRow> submissions, List<AdjustmentRow> adjustments) {
		load(orgId, new Batch(submissions, adjustments, List.of(), List.of(), List.of()));
	}

	@Transactional
	public void load(UUID orgId, Batch batch) {
		copy.copy("forecast_submission", List.of("org_id", "id", "user_id", "team_id", "period_kind", "period_start", "period_end",
				"revision", "commit_amount", "best_case_amount", "won_amount", "pipeline_amount", "note", "submitted_by", "submitted_at"),
				() -> batch.submissions().stream().map(s -> new Object[] { orgId, s.id(), s.scope().isTeam() ? null : s.scope().id(),
						s.scope().isTeam() ? s.scope().id() : null, s.period().kind().name(), s.period().start(), s.period().end(),
						s.revision(), s.commit(), s.bestCase(), s.won(), s.pipeline(), s.note(), s.submittedBy(), s.submittedAt() })
					.iterator());
		copy.copy("forecast_adjustment", List.of("org_id", "id", "submission_id", "commit_amount", "best_case_amount", "reason",
				"adjusted_by", "adjusted_at"), () -> batch.adjustments().stream().map(a -> new Object[] { orgId, a.id(), a.submissionId(),
						a.commit(), a.bestCase(), a.reason(), a.adjustedBy(), a.adjustedAt() }).iterator());
		copy.copy("forecast_snapshot", List.of("org_id", "id", "taken_at", "kind", "week"), () -> batch.snapshots().stream()
			.map(s -> new Object[] { orgId, s.id(), s.takenAt(), s.weekly() ? "WEEKLY" : "ON_DEMAND", s.week() }).iterator());
		copy.copy("forecast_snapshot_submission", List.of("org_id", "snapshot_id", "submission_id", "commit_amount", "best_case_amount",
				"adjusted_commit", "adjusted_best_case"), () -> batch.snapshotForecasts().stream().map(f -> new Object[] { orgId,
						f.snapshotId(), f.submissionId(), f.commit(), f.bestCase(), f.adjustedCommit(), f.adjustedBestCase() }).iterator());
		copy.copy("forecast_snapshot_deal", List.of("org_id", "snapshot_id", "deal_id", "owner_id", "stage_id", "category", "amount",
				"close_date"), () -> batch.snapshotDeals().stream().map(d -> new Object[] { orgId, d.snapshotId(), d.dealId(), d.ownerId(),
						d.stageId(), d.category().name(), d.amount(), d.closeDate() }).iterator());
	}

	/** Removes snapshots with what they held, adjustments and submissions, as undoing an import does. */
	@Transactional
	public void remove(UUID orgId, Collection<UUID> snapshots, Collection<UUID> adjustments, Collection<UUID> submissions) {
		history.remove(orgId, snapshots, adjustments, submissions);
	}
}
