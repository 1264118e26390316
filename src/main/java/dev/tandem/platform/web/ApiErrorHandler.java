package dev.tandem.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.platform.ValueProblems;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Turns every error of the JSON API into an RFC 9457 problem, in the caller's language, with an
 * {@code errors} array of {@code {field, message}} for invalid input. Asked before {@link PageErrorAdvice},
 * since a {@code @RestController} is a {@code @Controller} too.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiErrorHandler extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiErrorHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException ex) {
		return invalid(ex.problems().stream().map(this::describe).toList());
	}

	@ExceptionHandler(RecordNotFoundException.class)
	ProblemDetail notFound(RecordNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "problem.not-found");
	}

	/**
	 * A malformed id in the path names no record, so it is not found; a malformed query value is the
	 * caller's mistake and answers 400 with the parameter, the value and what is allowed.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail malformedValue(MethodArgumentTypeMismatchException ex) {
		if (ex.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return problem(HttpStatus.NOT_FOUND, "problem.not-found");
		}
		return invalid(List.of(describe(ValueProblems.malformed(ex.getName(), ex.getValue(), ex.getRequiredType()))));
	}

	@ExceptionHandler(ConcurrentEditException.class)
	ProblemDetail concurrentEdit(ConcurrentEditException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				text("problem.conflict.detail", ex.changedBy() == null ? "?" : ex.changedBy()));
		problem.setTitle(text("problem.conflict"));
		problem.setProperty("changedBy", ex.changedBy());
		problem.setProperty("changedAt", ex.changedAt());
		return problem;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "problem.forbidden");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
			.map(e -> Map.of("field", e.getField(), "message", messages.getMessage(e, LocaleContextHolder.getLocale())))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = fieldOf(ex);
		if (field != null && ex.getCause() instanceof InvalidFormatException format) {
			return ResponseEntity.badRequest()
				.body(invalid(List.of(describe(ValueProblems.malformed(field, format.getValue(), format.getTargetType())))));
		}
		if (field != null) {
			return ResponseEntity.badRequest()
				.body(invalid(List.of(Map.of("field", field, "message", text("validation.value.unreadable")))));
		}
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "problem.unreadable"));
	}

	/** The JSON path of the value that could not be read, e.g. {@code role} or {@code teamIds[0]}. */
	private static @Nullable String fieldOf(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (!(cause instanceof DatabindException databind) || databind.getPath().isEmpty()) {
			return null;
		}
		StringBuilder path = new StringBuilder();
		for (var ref : databind.getPath()) {
			if (ref.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private Map<String, String> describe(FieldProblem problem) {
		return Map.of("field", problem.field(), "message", text(problem.messageKey(), problem.arguments()));
	}

	private ProblemDetail invalid(List<Map<String, String>> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid");
		problem.setDetail(text("problem.invalid.detail", errors.size()));
		problem.setProperty("errors", errors);
		return problem;
	}

	private ProblemDetail problem(HttpStatus status, String key) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(text(key));
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
