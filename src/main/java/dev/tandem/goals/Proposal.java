package dev.tandem.goals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A step in the agreement of a goal: who, what target, with which note, when.
 */
public record Proposal(UUID id, UUID goalId, UUID authorId, String authorName, ProposalKind kind, BigDecimal target,
		@Nullable String note, Instant at) {
}
