package dev.tandem.coaching.mentoring;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The summary of an assessment: where the candidate stands, the competencies to develop and a note; {@code version} as read. */
public record Conclusion(@Nullable ReadinessSummary summary, @Nullable List<Competency> developmentAreas, @Nullable String note,
		@Nullable Integer version) {
}
