package dev.tandem.people.web;

import java.util.List;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.GettingStarted;
import dev.tandem.people.Visibility;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class HomePages {

	/** Capabilities still to come, shown honestly as such on the home page. */
	static final List<String> COMING = List.of("coaching", "motivation", "compensation", "sideways");

	private final OrgChart orgChart;
	private final Visibility visibility;
	private final GettingStarted gettingStarted;

	HomePages(OrgChart orgChart, Visibility visibility, GettingStarted gettingStarted) {
		this.orgChart = orgChart;
		this.visibility = visibility;
		this.gettingStarted = gettingStarted;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser me, Model model) {
		if (me.role() == dev.tandem.people.Role.PARTNER) {
			// Until the departments' own work exists, a partner's home is the page of their department.
			return "redirect:/department";
		}
		OrgChart.Snapshot chart = orgChart.snapshot(me);
		model.addAttribute("memberOf", chart.teamsOf(me.id()));
		model.addAttribute("leads", chart.ledBy(me.id()).stream().map(t -> chart.node(t, x -> true)).toList());
		model.addAttribute("managedCount", visibility.managedUsers(me.orgId(), me.id(), visibility.today(me.orgId())).size());
		model.addAttribute("coming", COMING);
		model.addAttribute("checklist", gettingStarted.checklist(me).orElse(null));
		return "people/home";
	}

	@PostMapping("/getting-started/dismiss")
	String dismissGettingStarted(@AuthenticationPrincipal CurrentUser me) {
		gettingStarted.dismiss(me);
		return "redirect:/";
	}
}
