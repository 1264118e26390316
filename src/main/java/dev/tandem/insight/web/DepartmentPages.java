package dev.tandem.insight.web;

import java.util.Set;

import dev.tandem.goals.GoalManagement;
import dev.tandem.insight.Departments;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.TeamKind;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.platform.web.PeriodPicker;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The landing page of a partner department: what its department will get, what it may see today, and for
 * marketing the leads by source and campaign with their conversion. An admin sees every department's part.
 */
@Controller
class DepartmentPages {

	private final Departments departments;
	private final GoalManagement goals;
	private final Visibility visibility;

	DepartmentPages(Departments departments, GoalManagement goals, Visibility visibility) {
		this.departments = departments;
		this.goals = goals;
		this.visibility = visibility;
	}

	@GetMapping("/department")
	String department(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String period, Model model) {
		Set<TeamKind> kinds = departments.kindsOf(me);
		if (me.isAdmin() && kinds.isEmpty()) {
			kinds = java.util.EnumSet.complementOf(java.util.EnumSet.of(TeamKind.SALES));
		}
		model.addAttribute("kinds", kinds);
		if (kinds.contains(TeamKind.MARKETING)) {
			Period selected = goals.period(me, period, Period.Kind.QUARTER);
			model.addAttribute("picker", PeriodPicker.of(selected, visibility.today(me.orgId()), LocaleContextHolder.getLocale()));
			model.addAttribute("leads", departments.leads(me, selected));
		}
		return "insight/department";
	}
}
