package dev.tandem.coaching.mentoring;

import org.jspecify.annotations.Nullable;

/** What a rater sees: whom they rate, on which scale, and their own answer once given ({@code null} before). */
public record AnswerForm(ReadinessAssessment assessment, Invitation invitation, RatingAggregate.@Nullable Answer answer) {
}
