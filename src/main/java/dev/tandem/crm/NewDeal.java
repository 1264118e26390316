package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A new deal; without pipeline and stage it starts in the first stage of the default pipeline,
 * without an owner it belongs to whoever creates it.
 */
public record NewDeal(UUID accountId, String title, @Nullable BigDecimal amount, @Nullable LocalDate closeDate,
		@Nullable UUID pipelineId, @Nullable UUID stageId, @Nullable UUID ownerId, @Nullable DealSource source,
		@Nullable String nextStep, @Nullable LocalDate nextStepDate) {
}
