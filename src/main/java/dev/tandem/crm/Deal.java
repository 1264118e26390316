package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.people.Role;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Stage;
import org.jspecify.annotations.Nullable;

/**
 * A deal as the CRM shows it, with the names of what it refers to.
 */
public record Deal(UUID id, UUID accountId, String accountName, UUID ownerId, String ownerName, String title,
		@Nullable BigDecimal amount, @Nullable LocalDate closeDate, UUID pipelineId, UUID stageId, String stageName,
		DealStatus status, ForecastCategory forecastCategory, boolean categoryOverridden, @Nullable String nextStep,
		@Nullable LocalDate nextStepDate, DealSource source, @Nullable String lostReason, @Nullable LocalDate engagedOn,
		@Nullable Instant closedAt, Instant stageEnteredAt, @Nullable Instant lastActivityAt,
		@Nullable Instant lastReviewedAt, Instant createdAt, Instant updatedAt, @Nullable String updatedBy, int version) {

	/** Days without activity after which an open deal is flagged. */
	public static final int STALE_AFTER_DAYS = 14;

	public boolean isOpen() {
		return status == DealStatus.OPEN;
	}

	/**
	 * Whether someone of this role may delete the deal: anyone who works it while it is open; once won or lost it is
	 * part of the results, which only a manager, the head of sales or an admin may take out.
	 */
	public boolean deletableBy(Role role) {
		return isOpen() || role == Role.MANAGER || role == Role.EXECUTIVE || role == Role.ADMIN;
	}

	/**
	 * The data-hygiene flags of an open deal (DESIGN.md section 5): close date in the past, no activity
	 * for 14 days, no next step, no amount, not reviewed within the pipeline's cadence.
	 */
	public List<HygieneFlag> hygiene(LocalDate today, ZoneId zone, int reviewCadenceDays) {
		List<HygieneFlag> flags = new ArrayList<>();
		if (!isOpen()) {
			return flags;
		}
		if (closeDate != null && closeDate.isBefore(today)) {
			flags.add(HygieneFlag.CLOSE_DATE_PAST);
		}
		Instant lastTouch = lastActivityAt == null ? createdAt : lastActivityAt;
		if (ChronoUnit.DAYS.between(lastTouch.atZone(zone).toLocalDate(), today) >= STALE_AFTER_DAYS) {
			flags.add(HygieneFlag.NO_RECENT_ACTIVITY);
		}
		if (nextStep == null || nextStep.isBlank()) {
			flags.add(HygieneFlag.NO_NEXT_STEP);
		}
		if (amount == null) {
			flags.add(HygieneFlag.NO_AMOUNT);
		}
		Instant reviewed = lastReviewedAt == null ? createdAt : lastReviewedAt;
		if (ChronoUnit.DAYS.between(reviewed.atZone(zone).toLocalDate(), today) > reviewCadenceDays) {
			flags.add(HygieneFlag.REVIEW_OVERDUE);
		}
		return flags;
	}

	/** This deal as changed by {@code actor}, for a write that touches none of its fields (a tick on its checklist). */
	public Deal changedBy(String actor) {
		return new Deal(id, accountId, accountName, ownerId, ownerName, title, amount, closeDate, pipelineId, stageId, stageName,
				status, forecastCategory, categoryOverridden, nextStep, nextStepDate, source, lostReason, engagedOn, closedAt,
				stageEnteredAt, lastActivityAt, lastReviewedAt, createdAt, updatedAt, actor, version);
	}

	/** The status a deal has in a stage. */
	public static DealStatus statusIn(Stage stage) {
		return switch (stage.kind()) {
			case OPEN -> DealStatus.OPEN;
			case WON -> DealStatus.WON;
			case LOST -> DealStatus.LOST;
		};
	}
}
