package dev.tandem.platform.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Turns validation results into the {@code field -> message} map that form templates show next to
 * each field, in the user's language; and runs the writes of the HTML pages, so that a refused write
 * ({@link InvalidInputException}, {@link ConcurrentEditException}) becomes those messages instead of
 * an error page. The API answers the same exceptions as problem JSON ({@link ApiErrorHandler}).
 */
@Component
public class FormErrors {

	/** The field a stale version's message is shown on unless the page names another: the form's banner. */
	public static final String FORM = "form";

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

	/** A stale version as one message on {@code field}: who changed the record, or "?" when that is not known. */
	public Map<String, String> of(ConcurrentEditException ex, String field) {
		return Map.of(field, message("problem.conflict.detail", ex.changedBy() == null ? "?" : ex.changedBy()));
	}

	public String message(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** Runs a write; the messages it was refused with, none when it went through. A stale version is told on {@link #FORM}. */
	public Map<String, String> attempt(Runnable write) {
		return attempt(FORM, write);
	}

	/** Runs a write; the messages it was refused with, none when it went through. A stale version is told on {@code conflictField}. */
	public Map<String, String> attempt(String conflictField, Runnable write) {
		try {
			write.run();
			return Map.of();
		}
		catch (InvalidInputException ex) {
			return of(ex);
		}
		catch (ConcurrentEditException ex) {
			return of(ex, conflictField);
		}
	}

	/**
	 * Runs a write whose page answers with a redirect: a refusal travels to the next page as the flash
	 * attribute {@code errors}. Whether the write went through.
	 */
	public boolean flash(RedirectAttributes redirect, Runnable write) {
		return flash(redirect, FORM, write);
	}

	/** As {@link #flash(RedirectAttributes, Runnable)}, a stale version told on {@code conflictField}. */
	public boolean flash(RedirectAttributes redirect, String conflictField, Runnable write) {
		Map<String, String> errors = attempt(conflictField, write);
		if (!errors.isEmpty()) {
			redirect.addFlashAttribute("errors", errors);
		}
		return errors.isEmpty();
	}

	/**
	 * Runs a form's write, which answers the view to go on to; when refused, the form's answer for the
	 * messages instead (typically the form again, with what the user typed). A stale version is told on
	 * {@link #FORM}.
	 */
	public String submit(Supplier<String> write, Function<Map<String, String>, String> form) {
		return submit(write, form, form);
	}

	/** As {@link #submit(Supplier, Function)}, with its own answer to a stale version (e.g. the form on the record as it is now). */
	public String submit(Supplier<String> write, Function<Map<String, String>, String> invalid,
			Function<Map<String, String>, String> conflict) {
		try {
			return write.get();
		}
		catch (InvalidInputException ex) {
			return invalid.apply(of(ex));
		}
		catch (ConcurrentEditException ex) {
			return conflict.apply(of(ex, FORM));
		}
	}

	/** The answer of {@link #submit} for a form that goes back by redirect: the messages as the flash attribute {@code errors}. */
	public static Function<Map<String, String>, String> back(RedirectAttributes redirect, String view) {
		return errors -> {
			redirect.addFlashAttribute("errors", errors);
			return view;
		};
	}
}
