package dev.tandem.coaching.web;

import java.util.Comparator;
import java.util.List;

import dev.tandem.coaching.CoachingSection;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.web.NavigationContributor;
import dev.tandem.platform.web.NavigationItem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The coaching page: every part of coaching this installation has, each with what it is for. */
@Controller
class CoachingPages implements NavigationContributor {

	private final List<CoachingSection> sections;

	CoachingPages(List<CoachingSection> sections) {
		this.sections = sections.stream().sorted(Comparator.comparingInt(CoachingSection::position)).toList();
	}

	@Override
	public List<NavigationItem> navigationItems() {
		return List.of(new NavigationItem("nav.coaching", "/coaching", 6, null));
	}

	@GetMapping("/coaching")
	String coaching(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("sections", sections.stream()
			.filter(s -> s.requiredAuthority() == null || ("ROLE_" + me.role().name()).equals(s.requiredAuthority()))
			.toList());
		return "coaching/coaching";
	}
}
