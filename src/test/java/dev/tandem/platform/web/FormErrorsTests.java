package dev.tandem.platform.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pages' writes through {@link FormErrors}: a refused write becomes the field messages in the user's
 * language (a stale version one message on the field the page names, saying who changed it), a write
 * that goes through leaves no messages, and anything else is not swallowed.
 */
class FormErrorsTests {

	private final FormErrors formErrors = new FormErrors(messages());

	@BeforeEach
	void dutch() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aWriteThatGoesThroughLeavesNoMessagesAndNoFlash() {
		var redirect = new RedirectAttributesModelMap();
		int[] runs = {0};
		assertThat(formErrors.flash(redirect, () -> runs[0]++)).isTrue();
		assertThat(runs[0]).isEqualTo(1);
		assertThat(redirect.getFlashAttributes()).isEmpty();
		assertThat(formErrors.attempt(() -> { })).isEmpty();
	}

	@Test
	void invalidInputBecomesTheFirstMessageOfEachField() {
		var ex = new InvalidInputException(List.of(new FieldProblem("name", "too.long", 80), new FieldProblem("name", "blank"),
				new FieldProblem("email", "blank")));
		assertThat(formErrors.attempt(() -> {
			throw ex;
		})).containsExactly(Map.entry("name", "Hoogstens 80 tekens."), Map.entry("email", "Vul dit in."));
	}

	@Test
	void aStaleVersionIsOneMessageOnTheNamedFieldSayingWhoChangedIt() {
		assertThat(formErrors.attempt("version", () -> {
			throw new ConcurrentEditException("goal", "Anna", Instant.EPOCH);
		})).containsExactly(Map.entry("version", "Anna heeft dit gewijzigd."));
		var redirect = new RedirectAttributesModelMap();
		assertThat(formErrors.flash(redirect, () -> {
			throw new ConcurrentEditException("lead", null, null);
		})).isFalse();
		assertThat(Map.copyOf(redirect.getFlashAttributes())).isEqualTo(Map.of("errors", Map.of("form", "? heeft dit gewijzigd.")));
	}

	@Test
	void submitAnswersTheWritesViewOrTheFormWithItsMessages() {
		assertThat(formErrors.submit(() -> "redirect:/done", errors -> "form " + errors)).isEqualTo("redirect:/done");
		assertThat(formErrors.submit(() -> {
			throw InvalidInputException.of("email", "blank");
		}, errors -> "form " + errors, errors -> "fresh form " + errors)).isEqualTo("form {email=Vul dit in.}");
		assertThat(formErrors.submit(() -> {
			throw new ConcurrentEditException("team", "Bram", null);
		}, errors -> "form " + errors, errors -> "fresh form " + errors)).isEqualTo("fresh form {form=Bram heeft dit gewijzigd.}");
		var redirect = new RedirectAttributesModelMap();
		assertThat(formErrors.submit(() -> {
			throw InvalidInputException.of("file", "blank");
		}, FormErrors.back(redirect, "redirect:/imports"))).isEqualTo("redirect:/imports");
		assertThat(Map.copyOf(redirect.getFlashAttributes())).isEqualTo(Map.of("errors", Map.of("file", "Vul dit in.")));
	}

	@Test
	void otherFailuresAreNotTurnedIntoMessages() {
		assertThatThrownBy(() -> formErrors.attempt(() -> {
			throw new IllegalStateException("broken");
		})).isInstanceOf(IllegalStateException.class);
	}

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		Locale nl = Locale.forLanguageTag("nl");
		messages.addMessage("too.long", nl, "Hoogstens {0} tekens.");
		messages.addMessage("blank", nl, "Vul dit in.");
		messages.addMessage("problem.conflict.detail", nl, "{0} heeft dit gewijzigd.");
		return messages;
	}
}
