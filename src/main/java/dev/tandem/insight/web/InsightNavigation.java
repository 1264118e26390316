package dev.tandem.insight.web;

import java.util.List;

import dev.tandem.platform.web.NavigationContributor;
import dev.tandem.platform.web.NavigationItem;
import org.springframework.stereotype.Component;

@Component
class InsightNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigationItems() {
		return List.of(new NavigationItem("nav.insight", "/insight", 5, null),
				new NavigationItem("nav.department", "/department", 1, "ROLE_PARTNER", true));
	}
}
