package dev.tandem.people.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.ApiTokenManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's personal API tokens: create (the secret is shown this once, in the answer to the form, and never stored)
 * with an optional expiry, list with their last use, revoke.
 */
@Controller
class ApiTokenPages {

	private static final String PAGE = "people/tokens";

	/** The expiries offered, in days; none means until revoked. */
	static final List<Integer> EXPIRY_DAYS = List.of(7, 30, 90, 365);

	private final ApiTokenManagement tokens;
	private final FormErrors formErrors;
	private final Clock clock;

	ApiTokenPages(ApiTokenManagement tokens, FormErrors formErrors, Clock clock) {
		this.tokens = tokens;
		this.formErrors = formErrors;
		this.clock = clock;
	}

	@GetMapping("/profile/tokens")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		return page(me, model, Map.of());
	}

	@PostMapping("/profile/tokens")
	String create(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("form") TokenForm form,
			BindingResult binding, Model model) {
		if (binding.hasErrors()) {
			return page(me, model, formErrors.of(binding));
		}
		return formErrors.submit(() -> {
			Instant expiresAt = form.expiresInDays() == null ? null : clock.instant().plus(Duration.ofDays(form.expiresInDays()));
			var created = tokens.create(me, form.name(), expiresAt);
			// Shown in this answer, not through a redirect: a flash attribute would keep the secret in the session
			// table until the next request.
			model.addAttribute("newToken", created.token());
			return page(me, model, Map.of());
		}, errors -> page(me, model, errors));
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(me, id);
		redirect.addFlashAttribute("flash", formErrors.message("tokens.revoked"));
		return "redirect:/profile/tokens";
	}

	private String page(CurrentUser me, Model model, Map<String, String> errors) {
		model.addAttribute("tokens", tokens.list(me));
		model.addAttribute("now", clock.instant());
		model.addAttribute("expiryDays", EXPIRY_DAYS);
		model.addAttribute("errors", errors);
		return PAGE;
	}

	record TokenForm(@NotBlank @Size(max = 100) @Nullable String name, @Nullable Integer expiresInDays) {
	}
}
