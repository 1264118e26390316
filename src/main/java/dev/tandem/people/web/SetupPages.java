package dev.tandem.people.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tandem.people.InstallationSetup;
import dev.tandem.people.NewOrganisation;
import dev.tandem.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The first run's page: while the installation has no organisation, whoever opens it names the organisation and
 * becomes its first admin. Once one exists the page is gone and leads to the sign-in.
 */
@Controller
class SetupPages {

	private static final String PAGE = "people/setup";

	private final InstallationSetup setup;
	private final FormErrors formErrors;

	SetupPages(InstallationSetup setup, FormErrors formErrors) {
		this.setup = setup;
		this.formErrors = formErrors;
	}

	@GetMapping("/setup")
	String form(Model model) {
		if (!setup.isOpen()) {
			return "redirect:/login";
		}
		// The language the page is read in is the organisation's likely default.
		String language = "nl".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage()) ? "nl" : "en";
		model.addAttribute("form", new SetupForm("", "EUR", "Europe/Amsterdam", 1, language, "", "", ""));
		return page(model, Map.of());
	}

	@PostMapping("/setup")
	String setUp(@Valid @ModelAttribute("form") SetupForm form, BindingResult binding, Model model) {
		if (!setup.isOpen()) {
			return "redirect:/login";
		}
		Map<String, String> errors = new LinkedHashMap<>(formErrors.of(binding));
		if (errors.isEmpty()) {
			try {
				errors.putAll(formErrors.attempt(() -> setup.setUp(form.organisation(), form.email(), form.adminName(), form.password())));
			}
			catch (InstallationSetup.SetupClosedException ex) {
				return "redirect:/login?setup-taken";
			}
			if (errors.isEmpty()) {
				return "redirect:/login?set-up";
			}
		}
		return page(model, errors);
	}

	private static String page(Model model, Map<String, String> errors) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		model.addAttribute("months", java.util.Arrays.stream(java.time.Month.values())
			.map(m -> new MonthChoice(m.getValue(), m.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale))).toList());
		model.addAttribute("errors", errors);
		return PAGE;
	}

	record MonthChoice(int value, String label) {
	}

	record SetupForm(@NotBlank @Size(max = 200) @Nullable String name, @NotBlank @Nullable String currency,
			@NotBlank @Nullable String timeZone, @NotNull @Nullable Integer fiscalYearStartMonth, @NotBlank @Nullable String locale,
			@NotBlank @Size(max = 200) @Nullable String adminName, @NotBlank @Size(max = 320) @Nullable String email,
			@NotBlank @Nullable String password) {

		NewOrganisation organisation() {
			return new NewOrganisation(name, timeZone, currency == null ? "" : currency.trim().toUpperCase(java.util.Locale.ROOT),
					locale, fiscalYearStartMonth);
		}
	}
}
