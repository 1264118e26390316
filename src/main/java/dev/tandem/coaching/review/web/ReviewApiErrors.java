package dev.tandem.coaching.review.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.coaching.review.ReviewStepRefusedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A review step asked out of turn answers 409 with the step the review waits for, as {@code errors} naming {@code step}. */
@RestControllerAdvice(assignableTypes = ReviewApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewApiErrors {

	private final MessageSource messages;

	ReviewApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ReviewStepRefusedException.class)
	ProblemDetail stepRefused(ReviewStepRefusedException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		var problem = ex.problems().get(0);
		String message = messages.getMessage(problem.messageKey(), problem.arguments(), locale);
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
		detail.setTitle(messages.getMessage("review.error.step", null, locale));
		detail.setType(URI.create("about:blank"));
		detail.setProperty("errors", List.of(Map.of("field", problem.field(), "message", message)));
		return detail;
	}
}
