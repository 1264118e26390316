package dev.tandem.coaching.plan.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.CoachingSection;
import dev.tandem.coaching.plan.GrowthPlan;
import dev.tandem.coaching.plan.GrowthPlanManagement;
import dev.tandem.coaching.plan.GrowthStatus;
import dev.tandem.coaching.plan.NewGrowthPlan;
import dev.tandem.coaching.plan.SupportKind;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The growth plans pages: the plans of me and the people in my line, a new plan (after a review when a review id is
 * given), and a plan with its goals, milestones, support and check-ins, each changed in place with htmx.
 */
@Controller
class GrowthPlanPages {

	private final GrowthPlanManagement plans;
	private final UserManagement users;
	private final FormErrors formErrors;

	GrowthPlanPages(GrowthPlanManagement plans, UserManagement users, FormErrors formErrors) {
		this.plans = plans;
		this.users = users;
		this.formErrors = formErrors;
	}

	@Bean
	static CoachingSection growthPlansSection() {
		return new CoachingSection("growth-plan.section", "/coaching/growth-plans", 50);
	}

	@GetMapping("/coaching/growth-plans")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("plans", plans.plans(me));
		model.addAttribute("today", plans.today(me));
		model.addAttribute("mayPlan", !planFor(me).isEmpty());
		return "coaching/plan/growth-plans";
	}

	@GetMapping("/coaching/growth-plans/new")
	String newPlan(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID personId,
			@RequestParam(required = false) @Nullable UUID reviewId, Model model) {
		LocalDate today = plans.today(me);
		GrowthForm form = new GrowthForm(personId, reviewId, reviewId == null ? null : formErrors.message("growth-plan.after-review"),
				today, today.plusDays(GrowthPlan.DEFAULT_DAYS - 1), null, SupportKind.MANAGER, null, null, null);
		return form(me, form, Map.of(), model);
	}

	@PostMapping("/coaching/growth-plans")
	String create(@AuthenticationPrincipal CurrentUser me, GrowthForm form, Model model) {
		try {
			GrowthPlan plan = plans.create(me, form.toPlan(), null);
			return "redirect:/coaching/growth-plans/" + plan.id();
		}
		catch (InvalidInputException ex) {
			return form(me, form, formErrors.of(ex), model);
		}
	}

	private String form(CurrentUser me, GrowthForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("people", planFor(me));
		model.addAttribute("colleagues", colleagues(me));
		model.addAttribute("departments", plans.departments(me));
		model.addAttribute("supports", SupportKind.values());
		return "coaching/plan/growth-plan-new";
	}

	@GetMapping("/coaching/growth-plans/{id}")
	String plan(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		return page(me, plans.get(me, id), Map.of(), model);
	}

	private String page(CurrentUser me, GrowthPlan plan, Map<String, String> errors, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("today", plans.today(me));
		model.addAttribute("manages", plans.mayPlanFor(me, plan.personId()));
		model.addAttribute("statuses", GrowthStatus.values());
		model.addAttribute("supports", SupportKind.values());
		model.addAttribute("colleagues", colleagues(me));
		model.addAttribute("departments", plans.departments(me));
		model.addAttribute("errors", errors);
		return "coaching/plan/growth-plan";
	}

	@PostMapping("/coaching/growth-plans/{id}/check-ins")
	String checkIn(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate on,
			@RequestParam(required = false) @Nullable String note, HttpServletRequest request, Model model) {
		return answer(me, id, formErrors.attempt(() -> plans.checkIn(me, id, on, note)), request, model);
	}

	@PostMapping("/coaching/growth-plans/{id}/goals")
	String addGoal(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, GoalForm goal, HttpServletRequest request,
			Model model) {
		return answer(me, id, formErrors.attempt(() -> plans.addGoal(me, id, goal.toGoal())), request, model);
	}

	@PostMapping("/coaching/growth-plans/{id}/goals/{growthGoalId}/milestones")
	String addMilestone(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable("growthGoalId") UUID goalId,
			@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable LocalDate dueOn,
			HttpServletRequest request, Model model) {
		return answer(me, id, formErrors.attempt(() -> plans.addMilestone(me, id, goalId, new NewGrowthPlan.NewMilestone(title, dueOn))),
				request, model);
	}

	@PostMapping("/coaching/growth-plans/{id}/goals/{growthGoalId}/status")
	String status(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable("growthGoalId") UUID goalId,
			@RequestParam(required = false) @Nullable GrowthStatus status, @RequestParam int version, HttpServletRequest request,
			Model model) {
		return answer(me, id, formErrors.attempt(() -> plans.setStatus(me, id, goalId, status, version)), request, model);
	}

	@PostMapping("/coaching/growth-plans/{id}/milestones/{growthMilestoneId}/done")
	String done(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable("growthMilestoneId") UUID milestoneId,
			@RequestParam(defaultValue = "true") boolean done, HttpServletRequest request, Model model) {
		return answer(me, id, formErrors.attempt(() -> plans.setMilestoneDone(me, id, milestoneId, done)), request, model);
	}

	/** The plan's body for htmx, the whole page otherwise; after a refusal with its messages. */
	private String answer(CurrentUser me, UUID id, Map<String, String> errors, HttpServletRequest request, Model model) {
		page(me, plans.get(me, id), errors, model);
		if (Htmx.isHtmx(request)) {
			return "coaching/plan/growth-plan :: body";
		}
		return errors.isEmpty() ? "redirect:/coaching/growth-plans/" + id : "coaching/plan/growth-plan";
	}

	private List<User> planFor(CurrentUser me) {
		List<User> result = new ArrayList<>(users.all(me).stream().filter(u -> u.active() && plans.mayPlanFor(me, u.id())).toList());
		result.sort(Comparator.comparing(User::displayName));
		return result;
	}

	/** The people a goal can name as the peer who supports it: the viewer's directory, without partners' departments. */
	private List<User> colleagues(CurrentUser me) {
		List<User> result = new ArrayList<>(users.all(me).stream().filter(User::active).toList());
		result.sort(Comparator.comparing(User::displayName));
		return result;
	}

	/** A new plan with its first goal, from the form. */
	record GrowthForm(@Nullable UUID personId, @Nullable UUID reviewId, @Nullable String title, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn, @Nullable String goalTitle, @Nullable SupportKind support, @Nullable UUID supportPersonId,
			@Nullable UUID supportTeamId, @Nullable LocalDate goalDueOn) {

		NewGrowthPlan toPlan() {
			List<NewGrowthPlan.NewGrowthGoal> goals = goalTitle == null || goalTitle.isBlank() ? List.of()
					: List.of(new NewGrowthPlan.NewGrowthGoal(goalTitle, support, supportPersonId, supportTeamId, goalDueOn, List.of()));
			return new NewGrowthPlan(personId, reviewId, title, startsOn, endsOn, goals);
		}
	}

	/** A goal added on the plan's page. */
	record GoalForm(@Nullable String title, @Nullable SupportKind support, @Nullable UUID supportPersonId, @Nullable UUID supportTeamId,
			@Nullable LocalDate dueOn) {

		NewGrowthPlan.NewGrowthGoal toGoal() {
			return new NewGrowthPlan.NewGrowthGoal(title, support, support == SupportKind.PEER ? supportPersonId : null,
					support == SupportKind.DEPARTMENT ? supportTeamId : null, dueOn, List.of());
		}
	}
}
