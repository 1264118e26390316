package dev.tandem.coaching.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.CoachingSection;
import dev.tandem.coaching.plan.CoachingPlan;
import dev.tandem.coaching.plan.CoachingPlanManagement;
import dev.tandem.coaching.plan.NewCoachingPlan;
import dev.tandem.coaching.plan.PlanMetric;
import dev.tandem.coaching.plan.PlanSuggestion;
import dev.tandem.coaching.plan.PlanSuggestions;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.Htmx;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.PlaybookManagement;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coaching plans pages: the plans of me and my reps with the focus suggestions of reps without one, a new plan
 * (prefilled from a suggestion), and a plan with its check-ins (added in place with htmx) and before vs after.
 */
@Controller
class CoachingPlanPages {

	private final CoachingPlanManagement plans;
	private final PlanSuggestions suggestions;
	private final UserManagement users;
	private final Visibility visibility;
	private final PlaybookManagement playbook;
	private final FormErrors formErrors;

	CoachingPlanPages(CoachingPlanManagement plans, PlanSuggestions suggestions, UserManagement users, Visibility visibility,
			PlaybookManagement playbook, FormErrors formErrors) {
		this.plans = plans;
		this.suggestions = suggestions;
		this.users = users;
		this.visibility = visibility;
		this.playbook = playbook;
		this.formErrors = formErrors;
	}

	@Bean
	static CoachingSection coachingPlansSection() {
		return new CoachingSection("coaching-plan.section", "/coaching/plans", 30);
	}

	@GetMapping("/coaching/plans")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		List<CoachingPlan> list = plans.plans(me);
		model.addAttribute("plans", list);
		model.addAttribute("current", list.stream().filter(CoachingPlan::open)
			.collect(java.util.stream.Collectors.toMap(CoachingPlan::id, p -> java.util.Optional.ofNullable(plans.current(me, p)))));
		model.addAttribute("suggestions", suggestions.suggestions(me));
		model.addAttribute("mayPlan", !planFor(me).isEmpty());
		return "coaching/plan/plans";
	}

	@GetMapping("/coaching/plans/new")
	String newPlan(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID personId, Model model) {
		LocalDate today = visibility.today(me.orgId());
		PlanForm form = new PlanForm(personId, null, false, PlanMetric.STAGE_CONVERSION, null, null, null, today,
				today.plusMonths(3).minusDays(1));
		if (personId != null && plans.mayPlanFor(me, personId)) {
			PlanSuggestion suggestion = suggestions.suggestionFor(me, personId);
			if (suggestion != null) {
				var f = suggestion.focus();
				form = new PlanForm(personId, formErrors.message("coaching-plan.suggestion.focus", f.stage(), Math.round(f.gapPoints()),
						Math.round(f.conversion() * 100), Math.round(f.teamConversion() * 100)), true, PlanMetric.STAGE_CONVERSION,
						suggestion.stageId(), null, BigDecimal.valueOf(Math.round(f.teamConversion() * 100)), today,
						today.plusMonths(3).minusDays(1));
			}
		}
		return form(me, form, Map.of(), model);
	}

	@PostMapping("/coaching/plans")
	String create(@AuthenticationPrincipal CurrentUser me, PlanForm form, Model model) {
		try {
			CoachingPlan plan = plans.create(me, form.toPlan(), null);
			return "redirect:/coaching/plans/" + plan.id();
		}
		catch (InvalidInputException ex) {
			return form(me, form, formErrors.of(ex), model);
		}
	}

	private String form(CurrentUser me, PlanForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("people", planFor(me));
		model.addAttribute("metrics", PlanMetric.values());
		model.addAttribute("stages", playbook.defaultPipeline(me.orgId()).openStages());
		model.addAttribute("types", EnumSet.complementOf(EnumSet.of(ActivityType.NOTE)));
		return "coaching/plan/plan-new";
	}

	@GetMapping("/coaching/plans/{id}")
	String plan(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		return page(me, id, Map.of(), model);
	}

	private String page(CurrentUser me, UUID id, Map<String, String> errors, Model model) {
		CoachingPlan plan = plans.get(me, id);
		model.addAttribute("plan", plan);
		model.addAttribute("current", plans.current(me, plan));
		model.addAttribute("checkIns", plans.checkIns(me, id));
		model.addAttribute("manages", plans.mayPlanFor(me, plan.personId()));
		model.addAttribute("ended", plan.ended(visibility.today(me.orgId())));
		model.addAttribute("today", visibility.today(me.orgId()));
		if (!errors.isEmpty() || !model.containsAttribute("errors")) {
			model.addAttribute("errors", errors);
		}
		return "coaching/plan/plan";
	}

	@PostMapping("/coaching/plans/{id}/check-ins")
	String checkIn(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable LocalDate on,
			@RequestParam(required = false) @Nullable String note, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Map<String, String> errors = formErrors.attempt(() -> plans.checkIn(me, id, on, note));
		if (Htmx.isHtmx(request)) {
			page(me, id, errors, model);
			model.addAttribute("note", errors.isEmpty() ? null : note);
			return "coaching/plan/plan :: check-ins";
		}
		plans.get(me, id);
		redirect.addFlashAttribute("errors", errors);
		return "redirect:/coaching/plans/" + id;
	}

	@PostMapping("/coaching/plans/{id}/close")
	String close(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String note, Model model) {
		Map<String, String> errors = formErrors.attempt(() -> plans.close(me, id, version, note));
		if (!errors.isEmpty()) {
			return page(me, id, errors, model);
		}
		return "redirect:/coaching/plans/" + id;
	}

	/** The people the viewer may start a plan for: everyone in their line, by name. */
	private List<User> planFor(CurrentUser me) {
		List<User> result = new ArrayList<>();
		for (User user : users.all(me)) {
			if (user.active() && plans.mayPlanFor(me, user.id())) {
				result.add(user);
			}
		}
		result.sort(Comparator.comparing(User::displayName));
		return result;
	}

	/** A new plan from the form; the target of a share is typed as a percentage. */
	record PlanForm(@Nullable UUID personId, @Nullable String focus, boolean suggested, @Nullable PlanMetric metric,
			@Nullable UUID stageId, @Nullable ActivityType activityType, @Nullable BigDecimal target, @Nullable LocalDate startsOn,
			@Nullable LocalDate endsOn) {

		NewCoachingPlan toPlan() {
			BigDecimal value = target != null && metric != null && metric.share() ? target.movePointLeft(2) : target;
			return new NewCoachingPlan(personId, focus, suggested, metric, metric == PlanMetric.STAGE_CONVERSION ? stageId : null,
					metric == PlanMetric.ACTIVITIES_PER_WEEK ? activityType : null, value, startsOn, endsOn);
		}
	}
}
