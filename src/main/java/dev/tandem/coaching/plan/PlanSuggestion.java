package dev.tandem.coaching.plan;

import java.util.UUID;

import dev.tandem.insight.CoachingFocus;
import org.jspecify.annotations.Nullable;

/** A rep the viewer manages without an open coaching plan, with insight's coaching focus and the stage it names. */
public record PlanSuggestion(CoachingFocus focus, @Nullable UUID stageId) {

	public UUID personId() {
		return focus.userId();
	}
}
