package dev.tandem.coaching.mentoring;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A rater's answer: a score per competency (every one, 1 to the assessment's scale) and an optional comment per competency. */
public record NewAnswer(@Nullable Map<Competency, Integer> scores, @Nullable Map<Competency, String> comments) {
}
