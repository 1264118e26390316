package dev.tandem.coaching.help.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.TakeoverFigures.Takeover;
import dev.tandem.coaching.help.HelpRequestManagement;
import dev.tandem.coaching.help.TakeoverRatio;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
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
 * The takeover ratio page: a manager's own coaching signal (how much of their reps' deal work they did themselves),
 * per month with the deals behind it and the takeovers recorded on help requests. The manager's manager picks any
 * manager in their line; it never ranks reps.
 */
@Controller
class TakeoverPages {

	static final int MONTHS = 6;

	private final TakeoverRatio ratio;
	private final HelpRequestManagement help;
	private final UserManagement users;
	private final Visibility visibility;
	private final OrganisationManagement organisations;
	private final TakeoverApiController api;

	TakeoverPages(TakeoverRatio ratio, HelpRequestManagement help, UserManagement users, Visibility visibility,
			OrganisationManagement organisations, TakeoverApiController api) {
		this.ratio = ratio;
		this.help = help;
		this.users = users;
		this.visibility = visibility;
		this.organisations = organisations;
		this.api = api;
	}

	@GetMapping("/coaching/takeover")
	String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID managerId,
			@RequestParam(required = false) @Nullable String period, Model model) {
		List<User> managers = managers(me);
		UUID chosen = managerId != null ? managerId
				: managers.stream().anyMatch(u -> u.id().equals(me.id())) || managers.isEmpty() ? me.id() : managers.get(0).id();
		Period p = api.period(me, period);
		Takeover figures = ratio.of(me, chosen, p);
		model.addAttribute("managers", managers);
		model.addAttribute("manager", chosen);
		model.addAttribute("managerName", users.displayNames(me).getOrDefault(chosen, ""));
		model.addAttribute("own", chosen.equals(me.id()));
		model.addAttribute("figures", figures);
		model.addAttribute("trend", ratio.trend(me, chosen, p, MONTHS));
		model.addAttribute("deals", ratio.deals(me, chosen, p));
		var zone = organisations.get(me.orgId()).timeZone();
		model.addAttribute("takeovers", help.takeoversBy(me, chosen, p.startAt(zone), p.endAt(zone)));
		model.addAttribute("picker", PeriodPicker.of(p, visibility.today(me.orgId()), LocaleContextHolder.getLocale()));
		model.addAttribute("base", "/coaching/takeover?managerId=" + chosen);
		// The manager's manager sees each manager of their line beside the others, by name: managers, never reps.
		List<LineRow> line = managers.stream().filter(u -> !u.id().equals(me.id()))
			.map(u -> new LineRow(u.id(), u.displayName(), ratio.of(me, u.id(), p))).toList();
		model.addAttribute("line", line);
		model.addAttribute("errors", Map.of());
		return "coaching/help/takeover";
	}

	/** The viewer (when they lead anyone) and the managers in their line, by name: whose ratio the viewer may open. */
	private List<User> managers(CurrentUser me) {
		List<User> found = new ArrayList<>();
		for (User user : users.all(me)) {
			boolean leads = user.role() == Role.MANAGER || user.role() == Role.EXECUTIVE;
			if (user.active() && leads && ratio.maySee(me, user.id())) {
				found.add(user);
			}
		}
		found.sort(Comparator.comparing((User u) -> u.id().equals(me.id()) ? 0 : 1).thenComparing(User::displayName));
		return found;
	}

	/** A manager of the viewer's line and their figures for the period. */
	record LineRow(UUID id, String name, Takeover figures) {
	}
}
