package dev.tandem.playbook;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The new state of a stage's editable fields, based on {@code version}. Exit criteria keep their id
 * when their label changes, so deals keep their ticks.
 */
public record StageChanges(int version, String name, int winProbability, ForecastCategory forecastCategory,
		GateMode gateMode, String guidance, int minStakeholders, boolean requiresDecisionMaker,
		List<RequiredActivity> requiredActivities, List<CriterionChange> exitCriteria) {

	/**
	 * An exit criterion as edited: a new one has no id yet; with {@code satisfiedByRole} the buying group satisfies
	 * it instead of a tick.
	 */
	public record CriterionChange(@Nullable UUID id, String label, @Nullable BuyingRole satisfiedByRole) {
	}
}
