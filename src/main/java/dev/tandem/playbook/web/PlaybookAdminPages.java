package dev.tandem.playbook.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.NavigationContributor;
import dev.tandem.platform.web.NavigationItem;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.BuyingRole;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.GateMode;
import dev.tandem.playbook.Guidance;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.PlaybookReview;
import dev.tandem.playbook.RequiredActivity;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageChanges;
import dev.tandem.playbook.StageChanges.CriterionChange;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's playbook editor: pipelines with their review cadence, and per stage the win
 * probability, forecast category, gate mode, required activities, exit criteria (ticked by the rep, or satisfied by a
 * role in the buying group) and guidance.
 */
@Controller
class PlaybookAdminPages implements NavigationContributor {

	/** Blank criterion rows the stage form offers for new criteria. */
	private static final int NEW_CRITERIA = 3;

	private final PlaybookManagement playbook;
	private final FormErrors formErrors;
	private final PlaybookReview review;

	PlaybookAdminPages(PlaybookManagement playbook, FormErrors formErrors, PlaybookReview review) {
		this.review = review;
		this.playbook = playbook;
		this.formErrors = formErrors;
	}

	@Override
	public List<NavigationItem> navigationItems() {
		return List.of(new NavigationItem("nav.playbook", "/admin/playbook", 95, "ROLE_ADMIN"));
	}

	@GetMapping("/admin/playbook")
	String overview(@AuthenticationPrincipal CurrentUser me, Model model) {
		requireAdmin(me);
		model.addAttribute("pipelines", playbook.pipelines(me.orgId()));
		model.addAttribute("reviewed", review.done(me.orgId()));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "playbook/overview";
	}

	@PostMapping("/admin/playbook")
	String createPipeline(@AuthenticationPrincipal CurrentUser me, @RequestParam String name,
			@RequestParam(defaultValue = "21") int reviewCadenceDays, RedirectAttributes redirect) {
		if (formErrors.flash(redirect, () -> playbook.createPipeline(me, name, reviewCadenceDays))) {
			redirect.addFlashAttribute("flash", formErrors.message("playbook.pipeline.created", name.trim()));
		}
		return "redirect:/admin/playbook";
	}

	@PostMapping("/admin/playbook/review")
	String confirmReview(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		review.confirm(me);
		redirect.addFlashAttribute("flash", formErrors.message("getting-started.playbook.confirmed"));
		return "redirect:/admin/playbook";
	}

	@PostMapping("/admin/playbook/{id}")
	String updatePipeline(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam String name,
			@RequestParam int reviewCadenceDays, @RequestParam int version, RedirectAttributes redirect) {
		if (formErrors.flash(redirect, () -> playbook.updatePipeline(me, id, version, name, reviewCadenceDays))) {
			redirect.addFlashAttribute("flash", formErrors.message("playbook.saved"));
		}
		return "redirect:/admin/playbook#p-" + id;
	}

	@PostMapping("/admin/playbook/{id}/stages")
	String addStage(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam String name,
			RedirectAttributes redirect) {
		return formErrors.submit(() -> "redirect:/admin/playbook/stages/" + playbook.addStage(me, id, name).id(),
				FormErrors.back(redirect, "redirect:/admin/playbook#p-" + id));
	}

	@GetMapping("/admin/playbook/stages/{id}")
	String stage(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		requireAdmin(me);
		Pipeline pipeline = playbook.pipelineOfStage(me.orgId(), id);
		Stage stage = pipeline.stage(id).orElseThrow();
		return stageForm(model, pipeline, stage, Map.of(), null);
	}

	@PostMapping("/admin/playbook/stages/{id}")
	String updateStage(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Pipeline pipeline = playbook.pipelineOfStage(me.orgId(), id);
		Stage stage = pipeline.stage(id).orElseThrow();
		List<RequiredActivity> required = new ArrayList<>();
		for (ActivityType type : ActivityType.values()) {
			int count = intOf(request.getParameter("required." + type), 0);
			if (count != 0) {
				required.add(new RequiredActivity(type, count));
			}
		}
		List<CriterionChange> criteria = new ArrayList<>();
		String[] ids = request.getParameterValues("criterionId");
		String[] labels = request.getParameterValues("criterionLabel");
		String[] roles = request.getParameterValues("criterionRole");
		for (int i = 0; labels != null && i < labels.length; i++) {
			String label = labels[i] == null ? "" : labels[i].trim();
			String criterionId = ids != null && i < ids.length ? ids[i] : "";
			String role = roles != null && i < roles.length ? roles[i] : "";
			if (!label.isEmpty()) {
				criteria.add(new CriterionChange(criterionId == null || criterionId.isBlank() ? null : UUID.fromString(criterionId), label,
						role == null || role.isBlank() ? null : BuyingRole.valueOf(role)));
			}
		}
		StageChanges changes = new StageChanges(intOf(request.getParameter("version"), -1), nonNull(request.getParameter("name")),
				intOf(request.getParameter("winProbability"), -1), ForecastCategory.valueOf(request.getParameter("forecastCategory")),
				GateMode.valueOf(request.getParameter("gateMode")), nonNull(request.getParameter("guidance")),
				intOf(request.getParameter("minStakeholders"), 0), request.getParameter("requiresDecisionMaker") != null, required,
				criteria);
		return formErrors.submit(() -> {
			playbook.updateStage(me, id, changes);
			redirect.addFlashAttribute("flash", formErrors.message("playbook.stage.saved", changes.name().trim()));
			return "redirect:/admin/playbook#p-" + pipeline.id();
		}, errors -> stageForm(model, pipeline, stage, errors, changes),
				errors -> stageForm(model, pipeline, playbook.pipeline(me.orgId(), pipeline.id()).stage(id).orElseThrow(), errors, null));
	}

	private String stageForm(Model model, Pipeline pipeline, Stage stage, Map<String, String> errors, @Nullable StageChanges entered) {
		model.addAttribute("pipeline", pipeline);
		model.addAttribute("stage", stage);
		model.addAttribute("entered", entered);
		model.addAttribute("errors", errors);
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("categories", ForecastCategory.values());
		model.addAttribute("gateModes", GateMode.values());
		model.addAttribute("newCriteria", NEW_CRITERIA);
		model.addAttribute("buyingRoles", BuyingRole.values());
		Map<String, Integer> counts = new java.util.HashMap<>();
		(entered == null ? stage.requiredActivities() : entered.requiredActivities())
			.forEach(r -> counts.put(r.type().name(), r.minCount()));
		model.addAttribute("counts", counts);
		model.addAttribute("preview", Guidance.toHtml(entered == null ? stage.guidance() : entered.guidance()));
		return "playbook/stage";
	}

	private static int intOf(@Nullable String text, int fallback) {
		try {
			return text == null || text.isBlank() ? fallback : Integer.parseInt(text.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static String nonNull(@Nullable String text) {
		return text == null ? "" : text;
	}

	private static void requireAdmin(CurrentUser me) {
		if (!me.isAdmin()) {
			throw new org.springframework.security.access.AccessDeniedException("Only an admin may change the playbook");
		}
	}
}
