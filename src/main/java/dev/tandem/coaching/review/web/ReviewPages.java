package dev.tandem.coaching.review.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.review.Review;
import dev.tandem.coaching.review.ReviewDocument;
import dev.tandem.coaching.review.ReviewInput;
import dev.tandem.coaching.review.ReviewItem;
import dev.tandem.coaching.review.ReviewManagement;
import dev.tandem.coaching.review.ReviewTemplates;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Role;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
 * The review pages: the reviews waiting for the viewer, their own and those they write or follow, the cycles with a
 * form to start one; a review with the step it waits for as a form for whoever takes it, its facts once signed, its
 * earlier versions, and its PDF.
 */
@Controller
class ReviewPages {

	private final ReviewManagement reviews;
	private final ReviewTemplates templates;
	private final ReviewDocument document;
	private final UserManagement users;
	private final TeamManagement teams;
	private final Visibility visibility;
	private final FormErrors formErrors;

	ReviewPages(ReviewManagement reviews, ReviewTemplates templates, ReviewDocument document, UserManagement users, TeamManagement teams,
			Visibility visibility, FormErrors formErrors) {
		this.reviews = reviews;
		this.templates = templates;
		this.document = document;
		this.users = users;
		this.teams = teams;
		this.visibility = visibility;
		this.formErrors = formErrors;
	}

	@GetMapping("/coaching/reviews")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		List<Review> visible = reviews.visible(me);
		model.addAttribute("waiting", visible.stream().filter(r -> reviews.mayAct(me, r)).toList());
		model.addAttribute("mine", visible.stream().filter(r -> r.revieweeId().equals(me.id())).toList());
		model.addAttribute("others", visible.stream().filter(r -> !r.revieweeId().equals(me.id())).toList());
		boolean runs = reviews.mayRunCycles(me);
		model.addAttribute("runsCycles", runs);
		if (runs) {
			model.addAttribute("cycles", reviews.cycles(me));
			model.addAttribute("templates", templates.all(me.orgId()));
			model.addAttribute("teamChoices", teams.all(me).stream().filter(t -> t.kind() == TeamKind.SALES)
				.filter(t -> me.isAdmin() || visibility.fullTeams(me).contains(t.id())).sorted(Comparator.comparing(Team::name)).toList());
			model.addAttribute("peopleChoices", users.all(me).stream().filter(User::active)
				.filter(u -> u.role() != Role.PARTNER && u.role() != Role.ADMIN && visibility.isInLineOf(me, u.id()))
				.sorted(Comparator.comparing(User::displayName)).toList());
			LocalDate today = visibility.today(me.orgId());
			LocalDate halfStart = today.withDayOfMonth(1).withMonth(today.getMonthValue() <= 6 ? 1 : 7);
			model.addAttribute("defaultFrom", YearMonth.from(halfStart).toString());
			model.addAttribute("defaultTo", YearMonth.from(halfStart.plusMonths(5)).toString());
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "coaching/review/reviews";
	}

	@PostMapping("/coaching/reviews/cycles")
	String createCycle(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable UUID templateId, @RequestParam(required = false) @Nullable UUID teamId,
			@RequestParam(required = false) @Nullable List<UUID> people, RedirectAttributes redirect) {
		if (!reviews.mayRunCycles(me)) {
			throw new AccessDeniedException("review cycles are run by admins and managers");
		}
		formErrors.flash(redirect, () -> {
			ReviewInput.CycleCreated created = reviews.createCycle(me, new ReviewApiController.CycleRequest(name, blank(from), blank(to),
					templateId, people, teamId).toCycle());
			redirect.addFlashAttribute("created", created.reviewIds().size());
			redirect.addFlashAttribute("skipped", created.skipped());
		});
		return "redirect:/coaching/reviews";
	}

	@GetMapping("/coaching/reviews/{id}")
	String review(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		Review review = reviews.get(me, id);
		model.addAttribute("r", review);
		model.addAttribute("mayAct", reviews.mayAct(me, review));
		model.addAttribute("mayCorrect", reviews.mayCorrect(me, review));
		model.addAttribute("reviewee", review.revieweeId().equals(me.id()));
		model.addAttribute("versions", review.revision() > 1 ? reviews.versions(me, id) : List.of());
		model.addAttribute("today", visibility.today(me.orgId()));
		model.addAttribute("locale", LocaleContextHolder.getLocale());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
		return "coaching/review/review";
	}

	@GetMapping("/coaching/reviews/{id}/pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		Review review = reviews.get(me, id);
		if (!review.signed()) {
			return ResponseEntity.status(302).header(HttpHeaders.LOCATION, "/coaching/reviews/" + id).build();
		}
		byte[] pdf = document.pdf(me, id, LocaleContextHolder.getLocale());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("review-" + id + ".pdf").build().toString())
			.body(pdf);
	}

	@PostMapping("/coaching/reviews/{id}/self-assessment")
	String selfAssessment(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		Review review = reviews.get(me, id);
		return write(redirect, id, form, () -> reviews.selfAssess(me, id,
				new ReviewInput.SelfAssessment(scores(review, form), form.getFirst("comment"), version(form))));
	}

	@PostMapping("/coaching/reviews/{id}/assessment")
	String assessment(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		Review review = reviews.get(me, id);
		return write(redirect, id, form, () -> reviews.assess(me, id, assessment(review, form)));
	}

	@PostMapping("/coaching/reviews/{id}/conversation")
	String conversation(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		reviews.get(me, id);
		return write(redirect, id, form, () -> reviews.held(me, id, date(form.getFirst("heldOn")), version(form)));
	}

	@PostMapping("/coaching/reviews/{id}/acknowledge")
	String acknowledge(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		reviews.get(me, id);
		return write(redirect, id, form, () -> reviews.acknowledge(me, id, form.getFirst("comment"), version(form)));
	}

	@PostMapping("/coaching/reviews/{id}/correction")
	String correction(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		Review review = reviews.get(me, id);
		return write(redirect, id, form, () -> reviews.correct(me, id, assessment(review, form)));
	}

	private String write(RedirectAttributes redirect, UUID id, MultiValueMap<String, String> form, Runnable step) {
		if (!formErrors.flash(redirect, step)) {
			redirect.addFlashAttribute("form", form.toSingleValueMap());
		}
		return "redirect:/coaching/reviews/" + id;
	}

	private static ReviewInput.Assessment assessment(Review review, MultiValueMap<String, String> form) {
		return new ReviewInput.Assessment(scores(review, form), number(form.getFirst("overall")), form.getFirst("comment"),
				form.getFirst("coachingTopics"), form.getFirst("reason"), version(form));
	}

	/** The scores of the form's fields {@code score.<n>} and {@code comment.<n>}; a score that is no number counts as missing. */
	private static List<ReviewInput.Score> scores(Review review, MultiValueMap<String, String> form) {
		List<ReviewInput.Score> scores = new ArrayList<>();
		for (ReviewItem item : review.items()) {
			scores.add(new ReviewInput.Score(item.position(), number(form.getFirst("score." + item.position())),
					form.getFirst("comment." + item.position())));
		}
		return scores;
	}

	private static @Nullable Integer number(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Integer version(MultiValueMap<String, String> form) {
		return number(form.getFirst("version"));
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
