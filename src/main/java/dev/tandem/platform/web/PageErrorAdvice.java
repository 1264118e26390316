package dev.tandem.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.ValueProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the pages: a malformed id in the path is a missing page (404), a malformed or refused query
 * value a 400 that says which value and what is allowed. Both are sent to the container's error page, so
 * they render in the normal layout with its navigation ({@code error.html}). The API's errors are
 * {@link ApiErrorHandler}'s, which is asked first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

	/** The request attribute the error page shows as what went wrong, in the user's language. */
	static final String DETAIL = "errorDetail";

	private final MessageSource messages;

	PageErrorAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void malformedValue(MethodArgumentTypeMismatchException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		badRequest(List.of(ValueProblems.malformed(ex.getName(), ex.getValue(), ex.getRequiredType())), request, response);
	}

	/** A form whose values do not fit their fields (an amount that is no number): a 400 naming each field. */
	@ExceptionHandler(org.springframework.validation.BindException.class)
	void malformedForm(org.springframework.validation.BindException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		badRequest(ex.getFieldErrors().stream().map(e -> ValueProblems.malformed(e.getField(), e.getRejectedValue(),
				ex.getBindingResult().getFieldType(e.getField()))).toList(), request, response);
	}

	/** A query value the page needs and was not sent: a 400 naming it, like a malformed one. */
	@ExceptionHandler(MissingServletRequestParameterException.class)
	void missingValue(MissingServletRequestParameterException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		badRequest(List.of(new FieldProblem(ex.getParameterName(), "jakarta.validation.constraints.NotNull.message")), request, response);
	}

	@ExceptionHandler(InvalidInputException.class)
	void invalidInput(InvalidInputException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		badRequest(ex.problems(), request, response);
	}

	private void badRequest(List<FieldProblem> problems, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		request.setAttribute(DETAIL, problems.stream()
			.map(p -> p.field() + ": " + messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), LocaleContextHolder.getLocale()))
			.collect(Collectors.joining("; ")));
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}
}
