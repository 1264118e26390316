package dev.tandem.insight.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.Scope;
import dev.tandem.insight.DrillDown;
import dev.tandem.insight.persistence.RecordQueries;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Period;
import dev.tandem.platform.web.Htmx;
import dev.tandem.platform.web.PeriodPicker;
import dev.tandem.playbook.ActivityType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The records behind a dashboard number: {@code /insight/records?scope=team:<id>&period=2026-11&what=won}, a page of
 * {@value #PAGE_SIZE} at a time ({@code page=1} is the second), with the count and amount of all of them.
 */
@Controller
class DrillDownPages {

	static final int PAGE_SIZE = 100;

	private final DrillDown drillDown;
	private final GoalManagement goals;
	private final TeamManagement teams;
	private final UserManagement users;
	private final MessageSource messages;

	DrillDownPages(DrillDown drillDown, GoalManagement goals, TeamManagement teams, UserManagement users, MessageSource messages) {
		this.drillDown = drillDown;
		this.goals = goals;
		this.teams = teams;
		this.users = users;
		this.messages = messages;
	}

	/**
	 * The records page (for htmx only its list, {@code records}), or with {@code format=csv} all its records as a
	 * download.
	 */
	@GetMapping("/insight/records")
	@Nullable
	String records(@AuthenticationPrincipal CurrentUser me, @RequestParam String scope, @RequestParam(required = false) @Nullable String period,
			@RequestParam String what, @RequestParam(required = false) @Nullable List<ActivityType> type,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String format,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		Scope chosen = Scope.parse(scope);
		Period selected = goals.period(me, period, Period.Kind.MONTH);
		DrillDown.What kind = what(what);
		boolean csvFile = "csv".equals(format);
		int current = Math.max(0, page);
		DrillDown.Records records = drillDown.of(me, chosen, selected, kind, type == null ? List.of() : type,
				csvFile ? RecordQueries.Window.ALL : RecordQueries.Window.page(current, PAGE_SIZE));
		if (csvFile) {
			DrillDownCsv.write(response, kind, records);
			return null;
		}
		Locale locale = LocaleContextHolder.getLocale();
		String scopeName = chosen.isTeam() ? teams.get(me, chosen.id()).name() : users.get(me, chosen.id()).displayName();
		String title = messages.getMessage("records." + kind.name(), null, locale);
		if (type != null && type.size() == 1) {
			title = title + ": " + messages.getMessage("activity-type." + type.get(0).name(), null, locale);
		}
		model.addAttribute("title", title);
		model.addAttribute("definition", "records.help." + kind.name());
		model.addAttribute("scopeName", scopeName);
		model.addAttribute("periodLabel", kind == DrillDown.What.FLAGGED ? messages.getMessage("insight.today", null, locale)
				: PeriodPicker.label(selected, locale));
		model.addAttribute("back", (chosen.isTeam() ? "/insight/teams/" : "/insight/people/") + chosen.id() + "?period=" + selected.key());
		model.addAttribute("count", records.total());
		model.addAttribute("amount", records.amount());
		model.addAttribute("page", current);
		model.addAttribute("size", PAGE_SIZE);
		UriComponentsBuilder list = UriComponentsBuilder.fromPath("/insight/records").queryParam("scope", scope)
			.queryParam("period", selected.key()).queryParam("what", what);
		if (type != null && !type.isEmpty()) {
			list.queryParam("type", type.toArray());
		}
		model.addAttribute("base", list.build().encode().toUriString() + "&");
		model.addAttribute("csv", list.queryParam("format", "csv").build().encode().toUriString());
		model.addAttribute("ownOnly", records.ownOnly());
		model.addAttribute("deals", records.deals());
		model.addAttribute("activities", records.activities());
		model.addAttribute("leads", records.leads());
		model.addAttribute("flagged", records.flagged());
		return Htmx.view(request, "insight/records", "records");
	}

	private static DrillDown.What what(String what) {
		try {
			return DrillDown.What.valueOf(what.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("what", "validation.what");
		}
	}
}
