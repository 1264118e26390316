package dev.tandem.people.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewTeam;
import dev.tandem.people.Team;
import dev.tandem.people.TeamChanges;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.people.web.TeamForms.EndForm;
import dev.tandem.people.web.TeamForms.MemberForm;
import dev.tandem.people.web.TeamForms.TeamForm;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team tree, each team's page with its members and their history, and (for admins) forms to
 * add and change teams and memberships.
 */
@Controller
class TeamPages {

	private static final String TREE = "people/teams";
	private static final String DETAIL = "people/team";
	private static final String FORM = "people/team-form";

	private final TeamManagement teams;
	private final UserManagement users;
	private final Visibility visibility;
	private final OrgChart orgChart;
	private final FormErrors formErrors;

	TeamPages(TeamManagement teams, UserManagement users, Visibility visibility, OrgChart orgChart,
			FormErrors formErrors) {
		this.teams = teams;
		this.users = users;
		this.visibility = visibility;
		this.orgChart = orgChart;
		this.formErrors = formErrors;
	}

	@GetMapping("/teams")
	String tree(@AuthenticationPrincipal CurrentUser me, Model model) {
		OrgChart.Snapshot chart = orgChart.snapshot(me);
		model.addAttribute("roots", chart.roots(t -> !t.kind().isDepartment()));
		return TREE;
	}

	@GetMapping("/departments")
	String departments(@AuthenticationPrincipal CurrentUser me, Model model) {
		OrgChart.Snapshot chart = orgChart.snapshot(me);
		model.addAttribute("departments", chart.teams().stream()
			.filter(t -> t.kind().isDepartment())
			.map(t -> chart.node(t, x -> x.kind().isDepartment()))
			.toList());
		return "people/departments";
	}

	@GetMapping("/teams/new")
	String newTeam(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable TeamKind kind,
			@RequestParam(required = false) @Nullable UUID parentId, Model model) {
		return form(me, model, null, new TeamForm(null, "", kind == null ? TeamKind.SALES : kind, parentId, null), Map.of());
	}

	@PostMapping("/teams")
	String create(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("form") TeamForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(me, model, null, form, formErrors.of(binding));
		}
		return formErrors.submit(() -> {
			Team team = teams.create(me, new NewTeam(form.name(), form.kind(), form.parentId(), form.leaderId()));
			redirect.addFlashAttribute("flash", formErrors.message("teams.created", team.name()));
			return "redirect:/teams/" + team.id();
		}, errors -> form(me, model, null, form, errors));
	}

	@GetMapping("/teams/{id}")
	String detail(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, HttpServletRequest request, Model model) {
		Team team = teams.get(me, id);
		OrgChart.Snapshot chart = orgChart.snapshot(me);
		model.addAttribute("node", chart.node(team, t -> true));
		model.addAttribute("parent", team.parentId() == null ? null : teams.get(me, team.parentId()));
		model.addAttribute("history", teams.history(me, id));
		model.addAttribute("people", chart.people());
		model.addAttribute("candidates", users.all(me).stream().filter(u -> u.active()).toList());
		model.addAttribute("today", visibility.today(me.orgId()));
		model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
		return Htmx.view(request, DETAIL, "members");
	}

	@GetMapping("/teams/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		Team team = teams.get(me, id);
		return form(me, model, team,
				new TeamForm(team.version(), team.name(), team.kind(), team.parentId(), team.leaderId()), Map.of());
	}

	@PostMapping("/teams/{id}")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @ModelAttribute("form") TeamForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		Team team = teams.get(me, id);
		if (binding.hasErrors() || form.version() == null) {
			return form(me, model, team, form, formErrors.of(binding));
		}
		return formErrors.submit(() -> {
			teams.update(me, id, new TeamChanges(form.version(), form.name(), form.kind(), form.parentId(), form.leaderId()));
			redirect.addFlashAttribute("flash", formErrors.message("teams.saved"));
			return "redirect:/teams/" + id;
		}, errors -> form(me, model, team, form, errors), errors -> form(me, model, teams.get(me, id), form, errors));
	}

	@PostMapping("/teams/{id}/members")
	String addMember(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @ModelAttribute("member") MemberForm form, BindingResult binding, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>(formErrors.of(binding));
		if (errors.isEmpty()) {
			errors.putAll(formErrors.attempt(() -> teams.addMember(me, id, form.userId(), form.validFrom())));
		}
		return afterMemberChange(me, id, errors, request, model, redirect);
	}

	@PostMapping("/teams/{id}/members/{membershipId}/end")
	String endMembership(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID membershipId,
			@Valid @ModelAttribute("end") EndForm form, BindingResult binding, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>(formErrors.of(binding));
		if (errors.isEmpty()) {
			errors.putAll(formErrors.attempt(() -> teams.endMembership(me, id, membershipId, form.validTo())));
		}
		return afterMemberChange(me, id, errors, request, model, redirect);
	}

	/** htmx swaps the refreshed member list in place; without JavaScript the page reloads. */
	private String afterMemberChange(CurrentUser me, UUID id, Map<String, String> errors, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		if (Htmx.isHtmx(request)) {
			model.addAttribute("errors", errors);
			return detail(me, id, request, model);
		}
		redirect.addFlashAttribute("errors", errors);
		return "redirect:/teams/" + id;
	}

	private String form(CurrentUser me, Model model, @Nullable Team team, TeamForm form, Map<String, String> errors) {
		model.addAttribute("team", team);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", TeamKind.values());
		model.addAttribute("parents", teams.all(me).stream().filter(t -> team == null || !t.id().equals(team.id())).toList());
		model.addAttribute("leaders", users.all(me).stream().filter(u -> u.active()).toList());
		return FORM;
	}
}
