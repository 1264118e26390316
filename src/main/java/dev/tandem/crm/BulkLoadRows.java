package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.ForecastCategory;
import org.jspecify.annotations.Nullable;

/**
 * The rows a {@link BulkLoad} writes and its snapshot reads back, one record per table. They live apart from
 * {@code BulkLoad} so the persistence layer that reads and writes them does not depend on the service that calls it.
 */
public final class BulkLoadRows {

	private BulkLoadRows() {
	}

	public record AccountRow(UUID id, String name, @Nullable String sector, @Nullable String size, @Nullable String country,
			@Nullable String website, UUID ownerId, Instant createdAt) {
	}

	public record ContactRow(UUID id, UUID accountId, String name, @Nullable String title, @Nullable String email,
			@Nullable String phone, @Nullable String socialUrl, Instant createdAt) {
	}

	/** A deal as it stands now; its past goes in as {@link StageChangeRow} and {@link FieldChangeRow}. */
	public record DealRow(UUID id, @Nullable UUID accountId, UUID ownerId, String title, @Nullable BigDecimal amount,
			@Nullable LocalDate closeDate, UUID pipelineId, UUID stageId, DealStatus status, ForecastCategory forecastCategory,
			boolean categoryOverridden, @Nullable String nextStep, @Nullable LocalDate nextStepDate, DealSource source,
			@Nullable String lostReason, @Nullable LocalDate engagedOn, @Nullable Instant closedAt, Instant stageEnteredAt,
			@Nullable Instant lastActivityAt, @Nullable Instant lastReviewedAt, Instant createdAt, Instant updatedAt) {
	}

	public record StageChangeRow(UUID dealId, @Nullable UUID fromStageId, UUID toStageId, Instant at, @Nullable UUID by) {
	}

	/** A change of {@code amount}, {@code closeDate}, {@code owner} or {@code forecastCategory}. */
	public record FieldChangeRow(UUID dealId, String field, @Nullable String oldValue, @Nullable String newValue, Instant at,
			@Nullable UUID by) {
	}

	public record CriterionRow(UUID dealId, UUID criterionId, Instant at, @Nullable UUID by) {
	}

	public record StakeholderRow(UUID id, UUID dealId, UUID contactId, StakeholderRole role, int influence, Stance stance,
			Instant createdAt) {
	}

	public record ActivityRow(UUID id, ActivityType type, Channel channel, Direction direction, String subject,
			@Nullable String notes, @Nullable String outcome, @Nullable Integer durationMinutes, @Nullable Instant occurredAt,
			@Nullable Instant dueAt, boolean done, @Nullable UUID dealId, @Nullable UUID accountId, UUID ownerId, UUID loggedBy,
			boolean joint, List<UUID> contactIds, List<UUID> participantIds, Instant createdAt) {
	}

	public record LeadRow(UUID id, String personName, String company, @Nullable String email, @Nullable String phone,
			DealSource source, @Nullable String campaign, int score, LeadStatus status, @Nullable String disqualifiedReason,
			@Nullable UUID teamId, @Nullable UUID ownerId, @Nullable UUID accountId, @Nullable UUID contactId,
			@Nullable UUID dealId, Instant createdAt, Instant updatedAt, @Nullable Instant qualifiedAt,
			@Nullable Instant convertedAt) {
	}

	/** A product an import adds to the catalogue, with its prices per currency (none for a name a deals file brought). */
	public record ProductRow(UUID id, String name, @Nullable String code, boolean active, java.util.Map<String, BigDecimal> prices,
			Instant createdAt) {
	}

	/** A line item of a deal, as an import creates it or an export writes it: it goes with its deal when the deal is deleted. */
	public record LineRow(UUID id, UUID dealId, UUID productId, int position, BigDecimal quantity, BigDecimal unitPrice,
			BigDecimal discountPercent) {
	}

	/** One entry of a lead's routing log, typically a {@link RoundRobin.Turn} played at {@code at}. */
	public record AssignmentRow(UUID leadId, @Nullable UUID teamId, UUID assignedTo, String rule,
			List<LeadAssignment.Candidate> candidates, String reason, Instant at, @Nullable UUID by) {
	}

	/** A rep's routing weight and round-robin position in a team after the load. */
	public record RoutingStateRow(UUID teamId, UUID userId, BigDecimal weight, BigDecimal position) {
	}
}
