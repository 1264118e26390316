package dev.tandem.goals.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.ProductManagement;
import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.GoalProgress;
import dev.tandem.goals.NewGoal;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Team;
import dev.tandem.people.TeamAccess;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.PeriodPicker;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The goals page: your own goals and where they stand, the goals of a team and its members side by side,
 * and every step of agreeing them.
 */
@Controller
class GoalPages {

	private final GoalManagement goals;
	private final TeamManagement teams;
	private final UserManagement users;
	private final Visibility visibility;
	private final FormErrors formErrors;
	private final ProductManagement products;

	GoalPages(GoalManagement goals, TeamManagement teams, UserManagement users, Visibility visibility, FormErrors formErrors,
			ProductManagement products) {
		this.products = products;
		this.goals = goals;
		this.teams = teams;
		this.users = users;
		this.visibility = visibility;
		this.formErrors = formErrors;
	}

	@GetMapping("/goals")
	String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable UUID team, Model model) {
		Period selected = goals.period(me, period, Period.Kind.MONTH);
		List<Team> choices = teamChoices(me);
		Team chosen = team == null ? (choices.isEmpty() ? null : choices.get(0))
				: choices.stream().filter(t -> t.id().equals(team)).findFirst().orElse(null);
		model.addAttribute("picker", PeriodPicker.of(selected, visibility.today(me.orgId()), LocaleContextHolder.getLocale()));
		model.addAttribute("base", chosen == null ? "/goals" : "/goals?team=" + chosen.id());
		List<GoalProgress> mine = goals.progress(me, goals.goals(me, List.of(Scope.user(me.id())), selected));
		Map<UUID, String> notes = new LinkedHashMap<>();
		mine.stream().filter(g -> !g.goal().isAgreed()).forEach(g -> goals.lastProposal(me, g.goal().id())
			.filter(p -> p.note() != null).ifPresent(p -> notes.put(g.goal().id(), p.note())));
		model.addAttribute("mine", mine);
		model.addAttribute("notes", notes);
		model.addAttribute("teams", choices);
		model.addAttribute("team", chosen);
		model.addAttribute("metrics", GoalMetric.values());
		model.addAttribute("products", products.list(me, false));
		model.addAttribute("types", EnumSet.complementOf(EnumSet.of(ActivityType.NOTE)));
		if (chosen != null) {
			team(me, chosen, selected, model);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "goals/goals";
	}

	private void team(CurrentUser me, Team team, Period period, Model model) {
		List<GoalProgress> teamGoals = goals.progress(me, goals.goals(me, List.of(Scope.team(team.id())), period));
		boolean manages = goals.managesTeam(me, team.id());
		List<User> members = new ArrayList<>();
		Map<UUID, User> byId = new LinkedHashMap<>();
		users.all(me).forEach(u -> byId.put(u.id(), u));
		for (UUID id : teams.membersOn(me, team.id(), visibility.today(me.orgId()))) {
			if (byId.containsKey(id) && (manages || id.equals(me.id()))) {
				members.add(byId.get(id));
			}
		}
		members.sort(java.util.Comparator.comparing(User::displayName));
		List<GoalProgress> memberGoals = goals.progress(me, goals.goals(me, members.stream().map(u -> Scope.user(u.id())).toList(), period));
		Set<String> columns = new java.util.LinkedHashSet<>();
		teamGoals.forEach(g -> columns.add(key(g.goal())));
		memberGoals.forEach(g -> columns.add(key(g.goal())));
		Map<String, GoalProgress> cells = new LinkedHashMap<>();
		memberGoals.forEach(g -> cells.put(g.goal().scope().id() + "|" + key(g.goal()), g));
		Map<UUID, BigDecimal> totals = new LinkedHashMap<>();
		teamGoals.forEach(g -> totals.put(g.goal().id(), goals.membersTotal(me, g.goal())));
		model.addAttribute("teamGoals", teamGoals);
		model.addAttribute("totals", totals);
		model.addAttribute("members", members);
		model.addAttribute("columns", List.copyOf(columns));
		model.addAttribute("cells", cells);
		model.addAttribute("manages", manages);
		model.addAttribute("leads", me.id().equals(team.leaderId()));
		model.addAttribute("nextLabel", PeriodPicker.inSentence(period.next(), LocaleContextHolder.getLocale()));
	}

	/** A column of the team grid: a metric, with its activity types when it counts activities, its product for units. */
	static String key(Goal goal) {
		return goal.metric().name() + (goal.activityTypes().isEmpty() ? "" : ":" + goal.activityTypes().stream().map(Enum::name).sorted()
			.reduce((a, b) -> a + "," + b).orElse("")) + (goal.productId() == null ? "" : ":" + goal.productId());
	}

	@GetMapping("/goals/{id}")
	String goal(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		Goal goal = goals.get(me, id);
		model.addAttribute("g", goals.progress(me, List.of(goal)).get(0));
		model.addAttribute("history", goals.proposals(me, id));
		model.addAttribute("mayAnswer", goals.mayAnswer(me, goal));
		model.addAttribute("owner", goals.isOwnerSide(me, goal));
		model.addAttribute("manager", goals.isManagerSide(me, goal));
		model.addAttribute("periodLabel", PeriodPicker.label(goal.period(), LocaleContextHolder.getLocale()));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "goals/goal";
	}

	@PostMapping("/goals")
	String propose(@AuthenticationPrincipal CurrentUser me, GoalForm form, RedirectAttributes redirect) {
		Period period = goals.period(me, form.period(), Period.Kind.MONTH);
		boolean saved = formErrors.flash(redirect, "version", () -> {
			Scope scope = form.scope(me);
			NewGoal goal = new NewGoal(scope, form.metric(), form.metric() == GoalMetric.ACTIVITIES ? form.types() : Set.of(), period,
					form.target(), form.note(), form.metric() == GoalMetric.UNITS_SOLD ? form.productId() : null);
			Goal written = form.direct() ? goals.set(me, goal) : goals.propose(me, goal);
			redirect.addFlashAttribute("saved", written.id());
		});
		if (!saved) {
			redirect.addFlashAttribute("form", form);
		}
		return "redirect:/goals?period=" + period.key() + (form.team() == null ? "" : "&team=" + form.team());
	}

	@PostMapping("/goals/{id}/accept")
	String accept(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		formErrors.flash(redirect, "version", () -> goals.accept(me, id, version));
		return back(back, id);
	}

	@PostMapping("/goals/{id}/counter")
	String counter(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(required = false) @Nullable BigDecimal target, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		formErrors.flash(redirect, "version", () -> goals.counter(me, id, version, target, note));
		return back(back, id);
	}

	@PostMapping("/goals/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		Goal goal = goals.get(me, id);
		return formErrors.submit(() -> {
			goals.delete(me, id);
			return "redirect:/goals?period=" + goal.period().key();
		}, FormErrors.back(redirect, "redirect:/goals/" + id));
	}

	@PostMapping("/goals/copy")
	String copy(@AuthenticationPrincipal CurrentUser me, @RequestParam UUID team, @RequestParam String period,
			RedirectAttributes redirect) {
		Period from = goals.period(me, period, Period.Kind.MONTH);
		int copied = goals.copyToNext(me, teams.get(me, team).id(), from);
		redirect.addFlashAttribute("copied", copied);
		return "redirect:/goals?team=" + team + "&period=" + from.next().key();
	}

	private static String back(@Nullable String back, UUID id) {
		return back != null && back.startsWith("/goals") && !back.startsWith("//") ? "redirect:" + back : "redirect:/goals/" + id;
	}

	/** The sales teams the viewer leads (and those below), or belongs to. */
	private List<Team> teamChoices(CurrentUser me) {
		List<Team> sales = teams.all(me).stream().filter(t -> t.kind() == TeamKind.SALES).toList();
		List<Team> choices = new ArrayList<>();
		for (Team team : sales) {
			if (visibility.teamAccess(me, team.id()) != TeamAccess.NONE) {
				choices.add(team);
			}
		}
		choices.sort(java.util.Comparator.comparing((Team t) -> me.id().equals(t.leaderId()) ? 0 : 1)
			.thenComparing(t -> teams.ancestors(me, t.id()).size()).thenComparing(Team::name));
		return choices;
	}

	/** A goal put on the table from the page. */
	record GoalForm(@Nullable UUID user, @Nullable UUID team, @Nullable String subject, GoalMetric metric,
			@Nullable Set<ActivityType> activityTypes, @Nullable String period, @Nullable BigDecimal target, @Nullable String note,
			boolean direct, @Nullable UUID productId) {

		Scope scope(CurrentUser me) {
			if ("team".equals(subject) && team != null) {
				return Scope.team(team);
			}
			return Scope.user(user != null ? user : me.id());
		}

		Set<ActivityType> types() {
			return activityTypes == null ? Set.of() : activityTypes;
		}
	}
}
