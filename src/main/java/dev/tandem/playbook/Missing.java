package dev.tandem.playbook;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One thing a deal misses to enter a stage: an activity (with how many are required and done), an
 * exit criterion (with the buying-group role that satisfies it, if it is one the facts decide), buying-group coverage,
 * a decision maker, or a field that closing requires.
 */
public record Missing(Kind kind, UUID stageId, String stageName, @Nullable ActivityType activityType, int required,
		int actual, @Nullable UUID criterionId, @Nullable String label, @Nullable BuyingRole role) {

	public enum Kind {
		ACTIVITY, CRITERION, STAKEHOLDERS, DECISION_MAKER, FIELD
	}

	static Missing activity(Stage stage, ActivityType type, int required, int actual) {
		return new Missing(Kind.ACTIVITY, stage.id(), stage.name(), type, required, actual, null, null, null);
	}

	/** Whether the rep can meet this by ticking it (a criterion the facts do not decide). */
	public boolean tickable() {
		return kind == Kind.CRITERION && role == null;
	}

	static Missing criterion(Stage stage, ExitCriterion criterion) {
		return new Missing(Kind.CRITERION, stage.id(), stage.name(), null, 1, 0, criterion.id(), criterion.label(),
				criterion.satisfiedByRole());
	}

	static Missing stakeholders(Stage stage, int required, int actual) {
		return new Missing(Kind.STAKEHOLDERS, stage.id(), stage.name(), null, required, actual, null, null, null);
	}

	static Missing decisionMaker(Stage stage) {
		return new Missing(Kind.DECISION_MAKER, stage.id(), stage.name(), null, 1, 0, null, null, null);
	}

	static Missing field(Stage stage, String field) {
		return new Missing(Kind.FIELD, stage.id(), stage.name(), null, 1, 0, null, field, null);
	}
}
