package dev.tandem.platform.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.tandem.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Turns validation results into the {@code field -> message} map that form templates show next to
 * each field, in the user's language.
 */
@Component
public class FormErrors {

	private final MessageSource messages;

	FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	public Map<String, String> of(BindingResult result) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> errors = new LinkedHashMap<>();
		result.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), messages.getMessage(e, locale)));
		result.getGlobalErrors().forEach(e -> errors.putIfAbsent("form", messages.getMessage(e, locale)));
		return errors;
	}

	public Map<String, String> of(InvalidInputException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems().forEach(p -> errors.putIfAbsent(p.field(),
				messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale)));
		return errors;
	}

	public String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
