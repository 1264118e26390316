package dev.tandem.coaching.mentoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A manager-readiness assessment of a candidate, rated on a scale of 1 to {@code scale} (5 or 10); {@code OPEN} while
 * raters answer, {@code CONCLUDED} once one of the candidate's line wrote the summary and the areas to develop.
 */
public record ReadinessAssessment(UUID orgId, UUID id, UUID candidateId, String candidateName, UUID startedBy, String startedByName,
		int scale, Status status, @Nullable ReadinessSummary summary, List<Competency> developmentAreas, @Nullable String summaryNote,
		Instant startedAt, @Nullable Instant concludedAt, int version, Instant updatedAt, @Nullable String updatedBy) {

	public enum Status {
		OPEN, CONCLUDED
	}

	public boolean isOpen() {
		return status == Status.OPEN;
	}
}
