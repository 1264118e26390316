package dev.tandem.coaching.mentoring.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.mentoring.Competency;
import dev.tandem.coaching.mentoring.Conclusion;
import dev.tandem.coaching.mentoring.NewAnswer;
import dev.tandem.coaching.mentoring.ReadinessAssessment;
import dev.tandem.coaching.mentoring.ReadinessManagement;
import dev.tandem.coaching.mentoring.ReadinessSummary;
import dev.tandem.coaching.mentoring.ReadinessView;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Role;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The readiness pages: the assessments the viewer runs or is the candidate of, their invitations to rate, an
 * assessment, and a rater's answer form (the one page of it a partner department may open).
 */
@Controller
class ReadinessController {

	private final ReadinessManagement readiness;
	private final UserManagement users;
	private final Visibility visibility;
	private final FormErrors formErrors;

	ReadinessController(ReadinessManagement readiness, UserManagement users, Visibility visibility, FormErrors formErrors) {
		this.readiness = readiness;
		this.users = users;
		this.visibility = visibility;
		this.formErrors = formErrors;
	}

	@GetMapping("/coaching/readiness")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		List<ReadinessAssessment> all = readiness.list(me);
		model.addAttribute("running", all.stream().filter(a -> !a.candidateId().equals(me.id())).toList());
		model.addAttribute("own", all.stream().filter(a -> a.candidateId().equals(me.id())).toList());
		model.addAttribute("invitations", readiness.invitations(me));
		List<User> candidates = me.role() == Role.PARTNER ? List.of() : users.all(me).stream()
			.filter(u -> u.active() && (u.role() == Role.REP || u.role() == Role.MANAGER) && visibility.isInLineOf(me, u.id()))
			.toList();
		model.addAttribute("candidates", candidates);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "coaching/readiness/readiness";
	}

	@PostMapping("/coaching/readiness")
	String start(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID candidateId,
			@RequestParam(required = false) @Nullable Integer scale, RedirectAttributes redirect) {
		UUID[] started = new UUID[1];
		formErrors.flash(redirect, () -> started[0] = readiness.start(me, candidateId, scale, null).id());
		return started[0] == null ? "redirect:/coaching/readiness" : "redirect:/coaching/readiness-assessments/" + started[0];
	}

	@GetMapping("/coaching/readiness-assessments/{id}")
	String assessment(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		ReadinessView view = readiness.view(me, id);
		model.addAttribute("view", view);
		model.addAttribute("a", view.assessment());
		model.addAttribute("competencies", Competency.values());
		model.addAttribute("summaries", ReadinessSummary.values());
		model.addAttribute("minRaters", dev.tandem.coaching.mentoring.RatingAggregate.MIN_RATERS);
		List<Competency> suggested = view.assessment().developmentAreas().isEmpty() ? view.ratings().weakest(2)
				: view.assessment().developmentAreas();
		model.addAttribute("areas", suggested);
		if (view.manage()) {
			model.addAttribute("raters", users.all(me).stream()
				.filter(u -> u.active() && u.role() != Role.ADMIN && view.invitations().stream().noneMatch(i -> i.raterId().equals(u.id())))
				.toList());
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "coaching/readiness/assessment";
	}

	@PostMapping("/coaching/readiness-assessments/{id}/raters")
	String invite(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable List<UUID> raterIds,
			RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> readiness.invite(me, id, raterIds));
		return "redirect:/coaching/readiness-assessments/" + id;
	}

	@PostMapping("/coaching/readiness-assessments/{id}/conclusion")
	String conclude(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable String summary,
			@RequestParam(required = false) @Nullable List<String> developmentAreas, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		ReadinessSummary chosen = java.util.Arrays.stream(ReadinessSummary.values()).filter(v -> v.name().equals(summary)).findFirst()
			.orElse(null);
		List<Competency> areas = developmentAreas == null ? List.of()
				: java.util.Arrays.stream(Competency.values()).filter(c -> developmentAreas.contains(c.name())).toList();
		if (formErrors.flash(redirect, () -> readiness.conclude(me, id, new Conclusion(chosen, areas, note, version)))) {
			redirect.addFlashAttribute("concluded", true);
		}
		return "redirect:/coaching/readiness-assessments/" + id;
	}

	@GetMapping("/coaching/readiness-assessments/{id}/answer")
	String form(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		model.addAttribute("form", readiness.form(me, id));
		model.addAttribute("competencies", Competency.values());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "coaching/readiness/answer";
	}

	/** The form posts {@code score.<COMPETENCY>} and {@code comment.<COMPETENCY>} for each competency. */
	@PostMapping("/coaching/readiness-assessments/{id}/answer")
	String answer(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		Map<Competency, Integer> scores = new java.util.EnumMap<>(Competency.class);
		Map<Competency, String> comments = new java.util.EnumMap<>(Competency.class);
		for (Competency c : Competency.values()) {
			String score = form.getFirst("score." + c.name());
			if (score != null && !score.isBlank()) {
				try {
					scores.put(c, Integer.valueOf(score.strip()));
				}
				catch (NumberFormatException ex) {
					scores.put(c, 0);
				}
			}
			String comment = form.getFirst("comment." + c.name());
			if (comment != null && !comment.isBlank()) {
				comments.put(c, comment);
			}
		}
		if (formErrors.flash(redirect, () -> readiness.answer(me, id, new NewAnswer(scores, comments)))) {
			redirect.addFlashAttribute("answered", true);
		}
		else {
			redirect.addFlashAttribute("given", scores);
			redirect.addFlashAttribute("givenComments", comments);
		}
		return "redirect:/coaching/readiness-assessments/" + id + "/answer";
	}
}
