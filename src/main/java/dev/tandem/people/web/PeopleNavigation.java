package dev.tandem.people.web;

import java.util.List;

import dev.tandem.platform.web.NavigationContributor;
import dev.tandem.platform.web.NavigationItem;
import org.springframework.stereotype.Component;

@Component
class PeopleNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigationItems() {
		return List.of(
				new NavigationItem("nav.home", "/", 0, null),
				new NavigationItem("nav.teams", "/teams", 80, null, true),
				new NavigationItem("nav.departments", "/departments", 85, null, true),
				new NavigationItem("nav.users", "/admin/users", 90, "ROLE_ADMIN"),
				new NavigationItem("nav.audit", "/admin/audit", 95, "ROLE_ADMIN"));
	}
}
