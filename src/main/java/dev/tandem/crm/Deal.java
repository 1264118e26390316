package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.Role;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import org.jspecify.annotations.Nullable;

/**
 * A deal as the CRM shows it, with the names of what it refers to.
 */
public record Deal(UUID id, @Nullable UUID accountId, @Nullable String accountName, UUID ownerId, String ownerName, String title,
		@Nullable BigDecimal amount, @Nullable LocalDate closeDate, UUID pipelineId, UUID stageId, String stageName,
		DealStatus status, ForecastCategory forecastCategory, boolean categoryOverridden, @Nullable String nextStep,
		@Nullable LocalDate nextStepDate, DealSource source, @Nullable String lostReason, @Nullable LocalDate engagedOn,
		@Nullable Instant closedAt, Instant stageEnteredAt, @Nullable Instant lastActivityAt,
		@Nullable Instant lastReviewedAt, Instant createdAt, Instant updatedAt, @Nullable String updatedBy, int version,
		Map<String, String> customFields) {

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
	 * The data-hygiene flags of an open deal (DESIGN.md section 5): close date in the past or none, no activity
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
		if (closeDate == null) {
			flags.add(HygieneFlag.NO_CLOSE_DATE);
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
				stageEnteredAt, lastActivityAt, lastReviewedAt, createdAt, updatedAt, actor, version, customFields);
	}

	/** The deal as reviewed at that moment, which resets its review-cadence clock. */
	public Deal reviewedAt(Instant at, String actor) {
		return new Deal(id, accountId, accountName, ownerId, ownerName, title, amount, closeDate, pipelineId, stageId, stageName,
				status, forecastCategory, categoryOverridden, nextStep, nextStepDate, source, lostReason, engagedOn, closedAt,
				stageEnteredAt, lastActivityAt, at, createdAt, updatedAt, actor, version, customFields);
	}

	/**
	 * The deal moved from the stage it is in ({@code from}) to {@code to} at {@code now}, with what the move brings
	 * along (null keeps the deal's own), and the events that say so. The rules of a move live here:
	 * <ul>
	 * <li>its status follows the stage's kind; won or lost, it is closed at {@code now}, and open again, not;</li>
	 * <li>its forecast category follows the stage (Won: closed, Lost: omitted), except that an open deal's own
	 * override stays while it moves between open stages; reopening takes the stage's;</li>
	 * <li>a lost reason is kept only when it moves to a lost stage;</li>
	 * <li>events: always {@link DealStageChanged}; {@link DealWon} or {@link DealLost} when it closes;
	 * {@link DealReopened} when a won or lost deal moves to an open stage.</li>
	 * </ul>
	 * The stage gate ({@code playbook.Gate}) decides before whether the move is allowed at all.
	 */
	public Moved movedTo(UUID orgId, Stage from, Stage to, @Nullable BigDecimal newAmount, @Nullable LocalDate newCloseDate,
			@Nullable String newLostReason, Instant now, UUID byId, String byName) {
		BigDecimal movedAmount = newAmount != null ? newAmount : amount;
		LocalDate movedCloseDate = newCloseDate != null ? newCloseDate : closeDate;
		String reason = newLostReason != null && !newLostReason.isBlank() ? newLostReason.trim() : lostReason;
		ForecastCategory category = switch (to.kind()) {
			case WON -> ForecastCategory.CLOSED;
			case LOST -> ForecastCategory.OMITTED;
			case OPEN -> categoryOverridden && isOpen() ? forecastCategory : to.forecastCategory();
		};
		boolean overridden = to.kind() == StageKind.OPEN && categoryOverridden && isOpen();
		Deal moved = new Deal(id, accountId, accountName, ownerId, ownerName, title, movedAmount, movedCloseDate, pipelineId, to.id(),
				to.name(), statusIn(to), category, overridden, nextStep, nextStepDate, source,
				to.kind() == StageKind.LOST ? reason : lostReason, engagedOn, to.isClosed() ? now : null, now, lastActivityAt,
				lastReviewedAt, createdAt, updatedAt, byName, version, customFields);
		List<Object> events = new ArrayList<>();
		events.add(new DealStageChanged(orgId, id, ownerId, from.id(), to.id(), now, byId));
		if (!isOpen() && to.kind() == StageKind.OPEN) {
			events.add(new DealReopened(orgId, id, ownerId, status, amount, closeDate));
		}
		if (to.kind() == StageKind.WON) {
			// The gate lets a deal into Won only with an amount and a close date, into Lost only with a reason and a date.
			events.add(new DealWon(orgId, id, ownerId, java.util.Objects.requireNonNull(movedAmount, "a won deal has an amount"),
					java.util.Objects.requireNonNull(movedCloseDate, "a won deal has a close date")));
		}
		if (to.kind() == StageKind.LOST) {
			events.add(new DealLost(orgId, id, ownerId, java.util.Objects.requireNonNull(reason, "a lost deal has a reason"),
					java.util.Objects.requireNonNull(movedCloseDate, "a lost deal has a close date")));
		}
		return new Moved(moved, List.copyOf(events));
	}

	/** A deal after a move, and the events it publishes. */
	public record Moved(Deal deal, List<Object> events) {
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
