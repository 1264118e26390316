package dev.tandem.coaching.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** What people write into a review, from a page or the API; checked by {@link ReviewManagement}. */
public final class ReviewInput {

	private ReviewInput() {
	}

	/** A section's score (1-10) with a comment; {@code section} is the section's position, from 1. */
	public record Score(@Schema(minimum = "1") @Nullable Integer section, @Schema(minimum = "1", maximum = "10") @Nullable Integer score,
			@Nullable String comment) {
	}

	/** A new cycle: a name, the period ({@code to} exclusive, both first days of a month), a template or by role, the people or a team. */
	public record NewCycle(@Nullable String name, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID templateId,
			@Nullable List<UUID> people, @Nullable UUID teamId) {
	}

	/** The reviewee's self-assessment. */
	public record SelfAssessment(@ArraySchema(minItems = 1) @Nullable List<Score> scores, @Nullable String comment, @Nullable Integer version) {
	}

	/** The manager's assessment, or its correction after sign-off ({@code reason} then required). */
	public record Assessment(@ArraySchema(minItems = 1) @Nullable List<Score> scores,
			@Schema(minimum = "1", maximum = "10") @Nullable Integer overall, @Nullable String comment,
			@Nullable String coachingTopics, @Nullable String reason, @Nullable Integer version) {
	}

	/** What a cycle made: the cycle, the reviews, and the people left out with why (no manager, already reviewed in it). */
	public record CycleCreated(ReviewCycle cycle, List<UUID> reviewIds, Map<String, String> skipped) {
	}
}
