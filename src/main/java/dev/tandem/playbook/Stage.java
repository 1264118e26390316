package dev.tandem.playbook;

import java.util.List;
import java.util.UUID;

/**
 * A stage of a pipeline with its entry requirements and guidance.
 */
public record Stage(UUID id, UUID pipelineId, String name, int position, StageKind kind, int winProbability,
		ForecastCategory forecastCategory, GateMode gateMode, String guidance, int minStakeholders,
		boolean requiresDecisionMaker, List<RequiredActivity> requiredActivities, List<ExitCriterion> exitCriteria,
		int version) {

	public boolean isOpen() {
		return kind == StageKind.OPEN;
	}

	public boolean isClosed() {
		return kind != StageKind.OPEN;
	}
}
