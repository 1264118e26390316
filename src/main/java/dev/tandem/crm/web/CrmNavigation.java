package dev.tandem.crm.web;

import java.util.List;

import dev.tandem.platform.web.NavigationContributor;
import dev.tandem.platform.web.NavigationItem;
import org.springframework.stereotype.Component;

@Component
class CrmNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigationItems() {
		return List.of(
				new NavigationItem("nav.my-day", "/my-day", 10, null),
				new NavigationItem("nav.pipeline", "/pipeline", 20, null),
				new NavigationItem("nav.deals", "/deals", 25, null),
				new NavigationItem("nav.accounts", "/accounts", 30, null),
				new NavigationItem("nav.leads", "/leads", 40, null),
				new NavigationItem("nav.activities", "/activities", 45, null),
				new NavigationItem("nav.custom-fields", "/admin/custom-fields", 92, "ROLE_ADMIN"),
				new NavigationItem("nav.recycle-bin", "/recycle-bin", 98, null));
	}
}
