package dev.tandem.people.web;

import java.util.List;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Visibility;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomePages {

	/** Capabilities still to come, shown honestly as such on the home page. */
	static final List<String> COMING = List.of("coaching", "motivation", "compensation", "sideways");

	private final OrgChart orgChart;
	private final Visibility visibility;

	HomePages(OrgChart orgChart, Visibility visibility) {
		this.orgChart = orgChart;
		this.visibility = visibility;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser me, Model model) {
		OrgChart.Snapshot chart = orgChart.snapshot(me);
		model.addAttribute("memberOf", chart.teamsOf(me.id()));
		model.addAttribute("leads", chart.ledBy(me.id()).stream().map(t -> chart.node(t, x -> true)).toList());
		model.addAttribute("managedCount", visibility.managedUsers(me.orgId(), me.id(), visibility.today(me.orgId())).size());
		model.addAttribute("coming", COMING);
		return "people/home";
	}
}
