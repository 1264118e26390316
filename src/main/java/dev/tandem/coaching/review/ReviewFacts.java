package dev.tandem.coaching.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The reviewee's CRM facts for the review period ({@code to} exclusive), by the definitions of DESIGN.md section 5 as
 * insight, goals and forecast measure them, frozen when the review is signed. {@code null} is "not measured" (no goal, no
 * closed deal, no forecast, a figure this installation does not keep), never zero. The hygiene score is of the open
 * deals on the day the facts were taken. {@code team} is there for a reviewee who leads a sales team.
 */
public record ReviewFacts(LocalDate from, LocalDate to, Instant takenAt, String currency, BigDecimal wonRevenue,
		@Nullable BigDecimal revenueTarget, @Nullable Double attainment, long wonDeals, long lostDeals, @Nullable Double winRate,
		Map<String, Long> activitiesByType, List<StageConversion> stages, @Nullable Double forecastAccuracy, @Nullable Double forecastBias,
		@Nullable Double hygieneScore, @Nullable TeamFacts team) {

	/** The activities by type in the playbook's order of types (the stored map keeps no order). */
	public List<Map.Entry<String, Long>> activities() {
		return activitiesByType.entrySet().stream()
			.sorted(java.util.Comparator.comparingInt(e -> dev.tandem.playbook.ActivityType.valueOf(e.getKey()).ordinal())).toList();
	}

	/** A stage's conversion for the reviewee beside their team's, of deals that entered it in the period. */
	public record StageConversion(String stage, long entered, @Nullable Double conversion, @Nullable Double teamConversion) {
	}

	/**
	 * A manager's team over the period: its won revenue against its goals, the 1:1s held of those planned, the takeover
	 * ratio and the median hours to a first answer on a help request; each {@code null} when not available.
	 */
	public record TeamFacts(String teamName, BigDecimal wonRevenue, @Nullable BigDecimal revenueTarget, @Nullable Double attainment,
			@Nullable Integer oneOnOnesPlanned, @Nullable Integer oneOnOnesHeld, @Nullable Double cadence, @Nullable Double takeoverRatio,
			@Nullable Long takeoverActivities, @Nullable Long jointActivities, @Nullable Double helpResponseHours) {
	}
}
