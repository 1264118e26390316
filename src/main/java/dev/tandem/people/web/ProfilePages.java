package dev.tandem.people.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import dev.tandem.people.ApiTokenManagement;
import dev.tandem.people.CalendarFeedManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.people.security.SignedInUser;
import dev.tandem.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every user's own profile: name, language, password, their sessions and API tokens.
 */
@Controller
class ProfilePages {

	private static final String PAGE = "people/profile";

	private final UserManagement users;
	private final TeamManagement teams;
	private final OrgChart orgChart;
	private final SignedInUser signedIn;
	private final FormErrors formErrors;
	private final ApiTokenManagement tokens;
	private final Clock clock;
	private final CalendarFeedManagement calendarFeeds;
	private final String publicUrl;

	ProfilePages(UserManagement users, TeamManagement teams, OrgChart orgChart, SignedInUser signedIn,
			FormErrors formErrors, ApiTokenManagement tokens, Clock clock, CalendarFeedManagement calendarFeeds,
			@org.springframework.beans.factory.annotation.Value("${tandem.public-url:}") String publicUrl) {
		this.calendarFeeds = calendarFeeds;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.users = users;
		this.tokens = tokens;
		this.clock = clock;
		this.teams = teams;
		this.orgChart = orgChart;
		this.signedIn = signedIn;
		this.formErrors = formErrors;
	}

	@GetMapping("/profile")
	String profile(@AuthenticationPrincipal CurrentUser me, Model model) {
		return page(me, model, new ProfileForm(me.displayName(), me.locale()), Map.of());
	}

	@PostMapping("/profile")
	String update(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("form") ProfileForm form,
			BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return page(me, model, form, formErrors.of(binding));
		}
		return formErrors.submit(() -> {
			signedIn.replace(users.changeProfile(me, form.displayName(), form.locale()), request, response);
			redirect.addFlashAttribute("flash", formErrors.message("profile.saved"));
			return "redirect:/profile";
		}, errors -> page(me, model, form, errors));
	}

	@PostMapping("/profile/password")
	String changePassword(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("password") PasswordForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		var errors = new java.util.LinkedHashMap<>(formErrors.of(binding));
		if (errors.isEmpty() && !form.newPassword().equals(form.confirmPassword())) {
			errors.put("confirmPassword", formErrors.message("validation.password.confirm"));
		}
		if (errors.isEmpty()) {
			errors.putAll(formErrors.attempt(() -> users.changePassword(me, form.currentPassword(), form.newPassword())));
			if (errors.isEmpty()) {
				redirect.addFlashAttribute("flash", formErrors.message("profile.password-changed"));
				return "redirect:/profile";
			}
		}
		return page(me, model, new ProfileForm(me.displayName(), me.locale()), errors);
	}

	/** Ends every session of the user, this one included, on every node. */
	@PostMapping("/profile/sign-out-everywhere")
	String signOutEverywhere(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request) {
		signedIn.signOutEverywhere(me, request);
		return "redirect:/login?signed-out-everywhere";
	}

	/** A new calendar feed address, shown this once; the one made before stops working. */
	@PostMapping("/profile/calendar")
	String createCalendarFeed(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		String secret = calendarFeeds.create(me);
		String base = publicUrl.isEmpty() ? org.springframework.web.servlet.support.ServletUriComponentsBuilder
			.fromCurrentContextPath().toUriString() : publicUrl;
		redirect.addFlashAttribute("calendarUrl", base + "/calendar/" + secret + ".ics");
		return "redirect:/profile#calendar";
	}

	@PostMapping("/profile/calendar/revoke")
	String revokeCalendarFeed(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		if (calendarFeeds.createdAt(me).isPresent()) {
			calendarFeeds.revoke(me);
		}
		redirect.addFlashAttribute("flash", formErrors.message("calendar.revoked"));
		return "redirect:/profile#calendar";
	}

	private String page(CurrentUser me, Model model, ProfileForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("user", users.get(me, me.id()));
		model.addAttribute("myTeams", orgChart.snapshot(me).teamsOf(me.id()));
		model.addAttribute("history", teams.membershipsOf(me, me.id()));
		Instant now = clock.instant();
		model.addAttribute("tokens", tokens.list(me).stream().filter(t -> t.liveAt(now)).toList());
		model.addAttribute("calendarFeedSince", calendarFeeds.createdAt(me).orElse(null));
		model.addAttribute("teamNames", teams.all(me).stream().collect(
				java.util.stream.Collectors.toMap(t -> t.id(), t -> t.name())));
		return PAGE;
	}

	record ProfileForm(@NotBlank @Size(max = 100) @Nullable String displayName, @NotBlank @Nullable String locale) {
	}

	record PasswordForm(@NotBlank @Nullable String currentPassword,
			@NotBlank @Nullable String newPassword,
			@NotBlank @Nullable String confirmPassword) {
	}
}
