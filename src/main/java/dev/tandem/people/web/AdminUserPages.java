package dev.tandem.people.web;

import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.InvitationLink;
import dev.tandem.people.PasswordMail.Purpose;
import dev.tandem.people.NewUser;
import dev.tandem.people.Role;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserChanges;
import dev.tandem.people.UserManagement;
import dev.tandem.people.persistence.Users.UserFilter;
import dev.tandem.people.web.UserForms.EditUserForm;
import dev.tandem.people.web.UserForms.NewUserForm;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's user pages: the directory with filters, adding (with a password or an invitation
 * link), changing role, language, teams and status, and password resets.
 */
@Controller
@RequestMapping("/admin/users")
class AdminUserPages {

	private static final String LIST = "people/users";
	private static final String FORM = "people/user-form";

	private final UserManagement users;
	private final TeamManagement teams;
	private final OrgChart orgChart;
	private final FormErrors formErrors;
	private final LinkNotice linkNotice;

	AdminUserPages(UserManagement users, TeamManagement teams, OrgChart orgChart,
			FormErrors formErrors, LinkNotice linkNotice) {
		this.linkNotice = linkNotice;
		this.users = users;
		this.teams = teams;
		this.orgChart = orgChart;
		this.formErrors = formErrors;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id", "orgId");
	}

	@GetMapping
	String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Role role, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request, Model model) {
		Boolean active = "active".equals(status) ? Boolean.TRUE : "inactive".equals(status) ? Boolean.FALSE : null;
		var filter = new UserFilter(role, active, q == null || q.isBlank() ? null : q.trim(), null);
		model.addAttribute("page", users.list(me, filter, ListRequest.of(100, cursor)));
		model.addAttribute("chart", orgChart.snapshot(me));
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("status", status);
		model.addAttribute("roles", Role.values());
		model.addAttribute("invitations", users.pendingInvitations(me));
		model.addAttribute("mailEnabled", linkNotice.mailEnabled());
		return Htmx.view(request, LIST, "rows");
	}

	@GetMapping("/new")
	String newUser(@AuthenticationPrincipal CurrentUser me, Model model) {
		return newForm(me, model, NewUserForm.empty(me.locale()), Map.of());
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("form") NewUserForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new java.util.LinkedHashMap<>(formErrors.of(binding));
		String password = form.password() == null || form.password().isBlank() ? null : form.password();
		if (!errors.isEmpty()) {
			return newForm(me, model, form, errors);
		}
		return formErrors.submit(() -> {
			var created = users.create(me, new NewUser(form.email(), form.displayName(), form.role(), form.locale(), password,
					form.teams()));
			redirect.addFlashAttribute("flash", formErrors.message("users.created", created.user().displayName()));
			if (created.invitationSecret() != null) {
				linkNotice.hand(redirect, created.user(), Purpose.INVITATION, created.invitationSecret(),
						created.invitationExpires(), true);
			}
			return "redirect:/admin/users/" + created.user().id();
		}, failed -> newForm(me, model, form, failed));
	}

	@GetMapping("/{id}")
	String edit(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		User user = users.get(me, id);
		var form = new EditUserForm(user.version(), user.displayName(), user.role(), user.locale(), user.active(),
				orgChart.snapshot(me).teamsOf(id).stream().map(t -> t.id()).toList(), user.email());
		return editForm(me, model, user, form, Map.of());
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @ModelAttribute("form") EditUserForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		User user = users.get(me, id);
		if (binding.hasErrors()) {
			return editForm(me, model, user, form, formErrors.of(binding));
		}
		return formErrors.submit(() -> {
			users.update(me, id, new UserChanges(form.version(), form.displayName(), form.role(), form.locale(),
					Boolean.TRUE.equals(form.active()), form.teams(), form.email() == null || form.email().isBlank() ? null : form.email()));
			redirect.addFlashAttribute("flash", formErrors.message("users.saved"));
			return "redirect:/admin/users/" + id;
		}, errors -> editForm(me, model, user, form, errors), errors -> editForm(me, model, users.get(me, id), form, errors));
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		User user = users.get(me, id);
		InvitationLink link = users.resetLink(me, id);
		linkNotice.hand(redirect, user, Purpose.RESET, link.secret(), link.expiresAt(), true);
		return "redirect:/admin/users/" + id;
	}

	private String newForm(CurrentUser me, Model model, NewUserForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", Role.values());
		model.addAttribute("allTeams", teams.all(me));
		return FORM;
	}

	private String editForm(CurrentUser me, Model model, User user, EditUserForm form, Map<String, String> errors) {
		model.addAttribute("user", user);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", Role.values());
		model.addAttribute("allTeams", teams.all(me));
		model.addAttribute("history", teams.membershipsOf(me, user.id()));
		model.addAttribute("teamNames", teams.all(me).stream().collect(
				java.util.stream.Collectors.toMap(t -> t.id(), t -> t.name())));
		return FORM;
	}
}
