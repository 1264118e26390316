package dev.tandem.coaching.mentoring;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A newcomer's ramp: their tenure months since {@code started}, their first meeting and first won deal, against the
 * cohort curve of the {@code cohortSize} people who started in sales before them (between {@code cohortFrom} and
 * {@code cohortTo}).
 */
public record Ramp(java.util.UUID personId, String name, LocalDate started, List<RampMonth> months, @Nullable LocalDate firstMeeting,
		@Nullable LocalDate firstWon, List<CohortMonth> cohort, int cohortSize, @Nullable LocalDate cohortFrom,
		@Nullable LocalDate cohortTo) {
}
