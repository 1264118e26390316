package dev.tandem.insight;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stage-by-stage conversion and time in stage of a scope over a window, for the scope and each person in it.
 */
public record Funnel(List<Stage> stages, Map<UUID, Map<UUID, StageFigures>> byPerson) {

	/** An open stage of the pipeline with the scope's figures. */
	public record Stage(UUID id, String name, StageFigures figures) {
	}

	public StageFigures of(UUID personId, UUID stageId) {
		return byPerson.getOrDefault(personId, Map.of()).getOrDefault(stageId, StageFigures.NONE);
	}
}
