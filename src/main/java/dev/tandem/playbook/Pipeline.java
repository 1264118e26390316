package dev.tandem.playbook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A pipeline (e.g. new business, renewals) with its stages in order and its review cadence.
 */
public record Pipeline(UUID id, String name, boolean isDefault, int reviewCadenceDays, int version, List<Stage> stages) {

	public Optional<Stage> stage(UUID stageId) {
		return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
	}

	/** The first open stage, where new deals start. */
	public Stage firstStage() {
		return stages.stream().filter(Stage::isOpen).findFirst()
			.orElseThrow(() -> new IllegalStateException("Pipeline " + name + " has no open stage"));
	}

	public List<Stage> openStages() {
		return stages.stream().filter(Stage::isOpen).toList();
	}
}
