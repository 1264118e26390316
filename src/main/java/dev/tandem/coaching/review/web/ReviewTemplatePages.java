package dev.tandem.coaching.review.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.review.ReviewTemplate;
import dev.tandem.coaching.review.ReviewTemplates;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.web.FormErrors;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** The review templates for admins: each with its name and sections in English and Dutch, to edit; and a new one. */
@Controller
class ReviewTemplatePages {

	/** Empty rows a template's form offers for new sections. */
	static final int NEW_ROWS = 2;

	private final ReviewTemplates templates;
	private final FormErrors formErrors;

	ReviewTemplatePages(ReviewTemplates templates, FormErrors formErrors) {
		this.templates = templates;
		this.formErrors = formErrors;
	}

	@GetMapping("/coaching/review-templates")
	String page(@AuthenticationPrincipal CurrentUser me, Model model) {
		requireAdmin(me);
		model.addAttribute("templates", templates.all(me.orgId()));
		model.addAttribute("newRows", NEW_ROWS);
		model.addAttribute("locale", LocaleContextHolder.getLocale());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "coaching/review/templates";
	}

	@PostMapping("/coaching/review-templates/{id}")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		requireAdmin(me);
		int version = Integer.parseInt(form.getFirst("version") == null ? "-1" : form.getFirst("version"));
		if (formErrors.flash(redirect, () -> templates.update(me, id, version, text(form, "name"), text(form, "nameNl"), sections(form)))) {
			redirect.addFlashAttribute("saved", id);
		}
		else {
			redirect.addFlashAttribute("failed", id);
		}
		return "redirect:/coaching/review-templates#template-" + id;
	}

	@PostMapping("/coaching/review-templates")
	String create(@AuthenticationPrincipal CurrentUser me, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		requireAdmin(me);
		formErrors.flash(redirect, () -> redirect.addFlashAttribute("saved",
				templates.create(me, text(form, "name"), text(form, "nameNl"), sections(form)).id()));
		return "redirect:/coaching/review-templates";
	}

	/** The sections of the form's rows {@code title.<n>} ...; a row without any title is skipped. */
	static List<ReviewTemplate.Section> sections(MultiValueMap<String, String> form) {
		List<ReviewTemplate.Section> sections = new ArrayList<>();
		for (int n = 1; n <= 14; n++) {
			String title = text(form, "title." + n);
			String titleNl = text(form, "titleNl." + n);
			if (title.isBlank() && titleNl.isBlank()) {
				continue;
			}
			sections.add(new ReviewTemplate.Section(title, titleNl, text(form, "guidance." + n), text(form, "guidanceNl." + n)));
		}
		return sections;
	}

	private static String text(MultiValueMap<String, String> form, String field) {
		String value = form.getFirst(field);
		return value == null ? "" : value;
	}

	private static void requireAdmin(CurrentUser me) {
		if (!me.isAdmin()) {
			throw new AccessDeniedException("review templates are for admins");
		}
	}
}
