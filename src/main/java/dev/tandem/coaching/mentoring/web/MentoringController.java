package dev.tandem.coaching.mentoring.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.mentoring.CohortMonth;
import dev.tandem.coaching.mentoring.MentoringManagement;
import dev.tandem.coaching.mentoring.NewMentorship;
import dev.tandem.coaching.mentoring.Ramp;
import dev.tandem.coaching.mentoring.RampMonth;
import dev.tandem.coaching.mentoring.RampTracking;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.HtmlJson;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mentoring pages: the newcomers of the viewer's line with their mentor, and one newcomer's ramp and suggestions. */
@Controller
class MentoringController {

	private final MentoringManagement mentoring;
	private final RampTracking ramps;
	private final FormErrors formErrors;
	private final MessageSource messages;

	MentoringController(MentoringManagement mentoring, RampTracking ramps, FormErrors formErrors, MessageSource messages) {
		this.mentoring = mentoring;
		this.ramps = ramps;
		this.formErrors = formErrors;
		this.messages = messages;
	}

	@GetMapping("/coaching/mentoring")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("newcomers", mentoring.newcomers(me));
		model.addAttribute("mentorships", mentoring.list(me));
		return "coaching/mentoring/mentoring";
	}

	@GetMapping("/coaching/mentoring/{userId}")
	String ramp(@AuthenticationPrincipal CurrentUser me, @PathVariable("userId") UUID personId, Model model) {
		Ramp ramp = ramps.ramp(me, personId);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("ramp", ramp);
		model.addAttribute("rows", rows(ramp));
		model.addAttribute("activityChart", chart(ramp, locale, true));
		model.addAttribute("pipelineChart", chart(ramp, locale, false));
		model.addAttribute("mentorships", mentoring.of(me, personId).stream().filter(m -> m.newcomerId().equals(personId)).toList());
		boolean choose = mentoring.mayChoose(me, personId);
		model.addAttribute("choose", choose);
		if (choose) {
			model.addAttribute("suggestions", mentoring.suggestions(me, personId, locale));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "coaching/mentoring/ramp";
	}

	@PostMapping("/coaching/mentoring")
	String assign(@AuthenticationPrincipal CurrentUser me, @RequestParam UUID newcomerId, @RequestParam(required = false) @Nullable UUID mentorId,
			@RequestParam(required = false) @Nullable LocalDate endsOn, @RequestParam(required = false) @Nullable String goals,
			RedirectAttributes redirect) {
		boolean saved = formErrors.flash(redirect, () -> mentoring.assign(me, new NewMentorship(newcomerId, mentorId, null, endsOn, goals), null));
		if (saved) {
			redirect.addFlashAttribute("assigned", true);
		}
		return "redirect:/coaching/mentoring/" + newcomerId;
	}

	/** One tenure month beside the cohort's same month. */
	record Row(RampMonth own, @Nullable CohortMonth cohort) {
	}

	private static List<Row> rows(Ramp ramp) {
		List<Row> rows = new ArrayList<>();
		for (RampMonth month : ramp.months()) {
			CohortMonth cohort = ramp.cohort().stream().filter(c -> c.month() == month.month()).findFirst().orElse(null);
			rows.add(new Row(month, cohort));
		}
		return rows;
	}

	private String chart(Ramp ramp, Locale locale, boolean activities) {
		List<String> labels = new ArrayList<>();
		List<Object> own = new ArrayList<>();
		List<Object> cohort = new ArrayList<>();
		for (CohortMonth c : ramp.cohort()) {
			labels.add(messages.getMessage("coaching.mentoring.ramp.month", new Object[] { c.month() }, locale));
			RampMonth mine = ramp.months().stream().filter(m -> m.month() == c.month()).findFirst().orElse(null);
			own.add(mine == null ? null : activities ? mine.activities() : mine.pipelineCreated());
			cohort.add(activities ? (c.activities() == null ? null : Math.round(c.activities())) : c.pipelineCreated());
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", labels);
		data.put("series", List.of(series(ramp.name(), own), series(messages.getMessage("coaching.mentoring.ramp.cohort", null, locale), cohort)));
		return HtmlJson.write(data);
	}

	private static Map<String, Object> series(String name, List<Object> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("type", "line");
		series.put("data", data);
		return series;
	}
}
