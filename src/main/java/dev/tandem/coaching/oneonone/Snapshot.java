package dev.tandem.coaching.oneonone;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rep's own numbers on a 1:1, by insight's and goals' definitions (DESIGN.md section 5): their goals of the month
 * with attainment and pace, what they did from the day after the last held 1:1 ({@code since}) up to and including
 * {@code until}, the hygiene of their open deals now, their coaching focus and their open help requests. Computed live
 * while the meeting is planned and stored as JSON when it is held. {@code openHelpRequests} is {@code null} only in
 * a snapshot stored before help requests were counted.
 */
public record Snapshot(Instant takenAt, String period, List<GoalLine> goals, LocalDate since, LocalDate until,
		Map<String, Long> activitiesByType, long activities, long wonDeals, long lostDeals, BigDecimal wonRevenue, int openDeals,
		long flaggedDeals, @Nullable Double hygieneScore, Map<String, Long> hygieneFlags, @Nullable Focus focus,
		@Nullable Integer openHelpRequests) {

	/** One goal of the rep: its metric, target, actual so far, attainment and pace ({@code null} while too early). */
	public record GoalLine(String metric, BigDecimal target, BigDecimal actual, double attainment, @Nullable Double pace) {
	}

	/** The coaching focus: the stage where the rep converts furthest below the team. */
	public record Focus(String stage, double conversion, double teamConversion, long deals) {
	}
}
