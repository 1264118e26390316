package dev.tandem.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.goals.Scope;
import dev.tandem.platform.BulkCopy;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes forecast submissions and adjustments as they happened, for the demo organisation's history; the
 * database's keys and checks refuse what does not fit. No events are published per row.
 */
@Service
public class ForecastLoad {

	private final BulkCopy copy;

	ForecastLoad(BulkCopy copy) {
		this.copy = copy;
	}

	public record SubmissionRow(UUID id, Scope scope, Period period, int revision, BigDecimal commit, BigDecimal bestCase,
			BigDecimal won, BigDecimal pipeline, @Nullable String note, UUID submittedBy, Instant submittedAt) {
	}

	public record AdjustmentRow(UUID id, UUID submissionId, BigDecimal commit, BigDecimal bestCase, String reason, UUID adjustedBy,
			Instant adjustedAt) {
	}

	@Transactional
	public void load(UUID orgId, List<SubmissionRow> submissions, List<AdjustmentRow> adjustments) {
		copy.copy("forecast_submission", List.of("org_id", "id", "user_id", "team_id", "period_kind", "period_start", "period_end",
				"revision", "commit_amount", "best_case_amount", "won_amount", "pipeline_amount", "note", "submitted_by", "submitted_at"),
				() -> submissions.stream().map(s -> new Object[] { orgId, s.id(), s.scope().isTeam() ? null : s.scope().id(),
						s.scope().isTeam() ? s.scope().id() : null, s.period().kind().name(), s.period().start(), s.period().end(),
						s.revision(), s.commit(), s.bestCase(), s.won(), s.pipeline(), s.note(), s.submittedBy(), s.submittedAt() })
					.iterator());
		copy.copy("forecast_adjustment", List.of("org_id", "id", "submission_id", "commit_amount", "best_case_amount", "reason",
				"adjusted_by", "adjusted_at"), () -> adjustments.stream().map(a -> new Object[] { orgId, a.id(), a.submissionId(),
						a.commit(), a.bestCase(), a.reason(), a.adjustedBy(), a.adjustedAt() }).iterator());
	}
}
