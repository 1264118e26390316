package dev.tandem.crm;

import java.util.Set;
import java.util.UUID;

/**
 * Something of a deal other than its stage or owner changed: {@code fields} names what, as the API spells it
 * ({@code amount}, {@code closeDate}, {@code nextStep}, ..., {@code criteria} for ticked exit criteria,
 * {@code reviewed} for a review). A stage move is {@link DealStageChanged}, an owner change {@link DealOwnerChanged}.
 */
public record DealChanged(UUID orgId, UUID dealId, UUID ownerId, DealStatus status, Set<String> fields) {
}
