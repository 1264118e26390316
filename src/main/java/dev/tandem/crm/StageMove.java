package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A request to move a deal to a stage, based on {@code version}; closing fields may come along so a
 * deal can be won or lost in one step.
 */
public record StageMove(UUID stageId, int version, @Nullable BigDecimal amount, @Nullable LocalDate closeDate,
		@Nullable String lostReason) {

	public static StageMove to(UUID stageId, int version) {
		return new StageMove(stageId, version, null, null, null);
	}
}
