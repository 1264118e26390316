package dev.tandem.coaching.mentoring;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One month of a person's tenure: days {@code from} to {@code to} (exclusive) after their first day in a sales team,
 * {@code complete} once it is over; activities done (notes left out), the amount of the deals they created, and the
 * attainment of their won-revenue goal of the calendar month in which this tenure month ends ({@code null} without
 * such a goal).
 */
public record RampMonth(int month, LocalDate from, LocalDate to, boolean complete, long activities, BigDecimal pipelineCreated,
		@Nullable Double attainment) {
}
