package dev.tandem.coaching.mentoring;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A rater's answer: a score per competency (every one, 1 to the assessment's scale) and an optional comment per competency. */
public record NewAnswer(@Schema(implementation = Scores.class) @Nullable Map<Competency, Integer> scores,
		@Schema(implementation = Comments.class) @Nullable Map<Competency, String> comments) {

	/** What {@code scores} holds, for the API document: a whole number per competency, from 1 to the scale (5 or 10). */
	record Scores(@JsonProperty("HELICOPTER_VIEW") @Schema(minimum = "1", maximum = "10") int helicopterView,
			@JsonProperty("COLLABORATION") @Schema(minimum = "1", maximum = "10") int collaboration,
			@JsonProperty("LETTING_OTHERS_SCORE") @Schema(minimum = "1", maximum = "10") int lettingOthersScore,
			@JsonProperty("GIVING_ROOM") @Schema(minimum = "1", maximum = "10") int givingRoom,
			@JsonProperty("CLEAR_EXPECTATIONS") @Schema(minimum = "1", maximum = "10") int clearExpectations,
			@JsonProperty("OWNING_RESULTS") @Schema(minimum = "1", maximum = "10") int owningResults) {
	}

	/** What {@code comments} holds, for the API document: an optional comment per competency. */
	record Comments(@JsonProperty("HELICOPTER_VIEW") @Nullable String helicopterView, @JsonProperty("COLLABORATION") @Nullable String collaboration,
			@JsonProperty("LETTING_OTHERS_SCORE") @Nullable String lettingOthersScore, @JsonProperty("GIVING_ROOM") @Nullable String givingRoom,
			@JsonProperty("CLEAR_EXPECTATIONS") @Nullable String clearExpectations, @JsonProperty("OWNING_RESULTS") @Nullable String owningResults) {
	}
}
