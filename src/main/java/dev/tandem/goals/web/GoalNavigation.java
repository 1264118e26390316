package dev.tandem.goals.web;

import java.util.List;

import dev.tandem.platform.web.NavigationContributor;
import dev.tandem.platform.web.NavigationItem;
import org.springframework.stereotype.Component;

@Component
class GoalNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigationItems() {
		return List.of(new NavigationItem("nav.goals", "/goals", 7, null));
	}
}
