package dev.tandem.crm.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.crm.DeletionRefusedException;
import dev.tandem.crm.GateRefusedException;
import dev.tandem.crm.IdempotencyConflictException;
import dev.tandem.crm.RestoreRefusedException;
import dev.tandem.crm.RuleRefusedException;
import dev.tandem.playbook.Missing;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The CRM's own API errors, as RFC 9457 problems: a refused stage gate answers 422 with the list of
 * what is missing, a reused idempotency key with another body 422 too; a deletion a rule forbids 403
 * and a restore that has to wait 409, each naming the rule.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CrmApiErrors {

	private final MessageSource messages;
	private final MissingText missingText;

	CrmApiErrors(MessageSource messages, MissingText missingText) {
		this.messages = messages;
		this.missingText = missingText;
	}

	@ExceptionHandler(GateRefusedException.class)
	ProblemDetail gateRefused(GateRefusedException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				messages.getMessage("problem.gate.detail", new Object[] { ex.missing().size() }, locale));
		problem.setTitle(messages.getMessage("problem.gate", null, locale));
		problem.setType(URI.create("about:blank"));
		problem.setProperty("missing", ex.missing().stream().map(m -> describe(m, locale)).toList());
		return problem;
	}

	@ExceptionHandler(IdempotencyConflictException.class)
	ProblemDetail idempotencyConflict(IdempotencyConflictException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				messages.getMessage("problem.idempotency.detail", new Object[] { ex.key() }, locale));
		problem.setTitle(messages.getMessage("problem.idempotency", null, locale));
		problem.setType(URI.create("about:blank"));
		problem.setProperty("errors", List.of(Map.of("field", "Idempotency-Key",
				"message", messages.getMessage("problem.idempotency.detail", new Object[] { ex.key() }, locale))));
		return problem;
	}

	@ExceptionHandler(DeletionRefusedException.class)
	ProblemDetail deletionRefused(DeletionRefusedException ex) {
		return refused(HttpStatus.FORBIDDEN, "problem.delete-refused", ex);
	}

	@ExceptionHandler(RestoreRefusedException.class)
	ProblemDetail restoreRefused(RestoreRefusedException ex) {
		return refused(HttpStatus.CONFLICT, "problem.restore-refused", ex);
	}

	/** A rule said no: the detail names it in the caller's language, {@code rule} is its key for clients. */
	private ProblemDetail refused(HttpStatus status, String title, RuleRefusedException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		problem.setTitle(messages.getMessage(title, null, locale));
		problem.setType(URI.create("about:blank"));
		problem.setProperty("rule", ex.messageKey());
		return problem;
	}

	private Map<String, Object> describe(Missing missing, Locale locale) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("kind", missing.kind());
		item.put("stageId", missing.stageId());
		item.put("stageName", missing.stageName());
		item.put("activityType", missing.activityType());
		item.put("required", missing.required());
		item.put("actual", missing.actual());
		item.put("criterionId", missing.criterionId());
		item.put("label", missing.label());
		item.put("satisfiedByRole", missing.role());
		item.put("message", missingText.of(missing, locale));
		return item;
	}
}
