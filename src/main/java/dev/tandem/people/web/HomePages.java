package dev.tandem.people.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.FirstSteps;
import dev.tandem.people.GettingStarted;
import dev.tandem.people.Visibility;
import dev.tandem.platform.WaitingWork;
import dev.tandem.platform.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Home: what waits for the signed-in person, newest first, each item a link to where it is done, gathered from every
 * module's {@link WaitingWork}; for a manager also what their people wait for from them. A newcomer sees a short start
 * list, an admin the organisation's getting-started checklist. htmx (the live refresh) gets only the waiting list.
 */
@Controller
class HomePages {

	private final OrgChart orgChart;
	private final Visibility visibility;
	private final GettingStarted gettingStarted;
	private final FirstSteps firstSteps;
	private final List<WaitingWork<CurrentUser>> work;

	HomePages(OrgChart orgChart, Visibility visibility, GettingStarted gettingStarted, FirstSteps firstSteps,
			List<WaitingWork<CurrentUser>> work) {
		this.orgChart = orgChart;
		this.visibility = visibility;
		this.gettingStarted = gettingStarted;
		this.firstSteps = firstSteps;
		this.work = work;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request, Model model) {
		if (me.role() == dev.tandem.people.Role.PARTNER) {
			// Until the departments' own work exists, a partner's home is the page of their department.
			return "redirect:/department";
		}
		List<WaitingWork.Item> waiting = new ArrayList<>();
		work.forEach(w -> waiting.addAll(w.waitingFor(me)));
		waiting.sort(Comparator.comparing(WaitingWork.Item::at).reversed());
		model.addAttribute("mine", waiting.stream().filter(i -> !i.team()).toList());
		model.addAttribute("team", waiting.stream().filter(WaitingWork.Item::team).toList());
		if (Htmx.isHtmx(request)) {
			return "people/home :: waiting";
		}
		OrgChart.Snapshot chart = orgChart.snapshot(me);
		model.addAttribute("memberOf", chart.teamsOf(me.id()));
		model.addAttribute("leads", chart.ledBy(me.id()).stream().map(t -> chart.node(t, x -> true)).toList());
		model.addAttribute("managedCount", visibility.managedUsers(me.orgId(), me.id(), visibility.today(me.orgId())).size());
		model.addAttribute("checklist", gettingStarted.checklist(me).orElse(null));
		model.addAttribute("firstSteps", firstSteps.forNewcomer(me).orElse(null));
		return "people/home";
	}

	@PostMapping("/getting-started/dismiss")
	String dismissGettingStarted(@AuthenticationPrincipal CurrentUser me) {
		gettingStarted.dismiss(me);
		return "redirect:/";
	}
}
