package dev.tandem.people.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tandem.people.UserManagement;
import dev.tandem.platform.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where an invited user, or one whose password an admin reset, chooses their password.
 */
@Controller
class SetPasswordPages {

	private static final String PAGE = "people/set-password";

	private final UserManagement users;
	private final FormErrors formErrors;

	SetPasswordPages(UserManagement users, FormErrors formErrors) {
		this.users = users;
		this.formErrors = formErrors;
	}

	@GetMapping("/set-password")
	String form(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("user", users.userOfLink(token).orElse(null));
		model.addAttribute("errors", Map.of());
		return PAGE;
	}

	@PostMapping("/set-password")
	String set(@Valid @ModelAttribute("form") SetPasswordForm form, BindingResult binding, Model model) {
		Map<String, String> errors = new LinkedHashMap<>(formErrors.of(binding));
		if (errors.isEmpty() && !form.newPassword().equals(form.confirmPassword())) {
			errors.put("confirmPassword", formErrors.message("validation.password.confirm"));
		}
		if (errors.isEmpty()) {
			errors.putAll(formErrors.attempt(() -> users.setPasswordWithLink(form.token(), form.newPassword())));
			if (errors.isEmpty()) {
				return "redirect:/login?password-set";
			}
		}
		model.addAttribute("token", form.token());
		model.addAttribute("user", users.userOfLink(form.token() == null ? "" : form.token()).orElse(null));
		model.addAttribute("errors", errors);
		return PAGE;
	}

	record SetPasswordForm(@NotBlank @Nullable String token,
			@NotBlank @Nullable String newPassword,
			@NotBlank @Nullable String confirmPassword) {
	}
}
