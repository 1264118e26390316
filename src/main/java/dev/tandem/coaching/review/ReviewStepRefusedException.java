package dev.tandem.coaching.review;

import dev.tandem.platform.InvalidInputException;

/**
 * A step asked of a review that waits for another step (an assessment before the self-assessment, a second
 * acknowledgement): refused, nothing written. The API answers 409 naming the field {@code step}; the pages show it as a
 * form error.
 */
public class ReviewStepRefusedException extends InvalidInputException {

	public ReviewStepRefusedException(ReviewStatus waitingFor) {
		super(java.util.List.of(new dev.tandem.platform.FieldProblem("step", "review.error.step." + waitingFor.name())));
	}
}
