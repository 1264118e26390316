package dev.tandem.exchange.web;

import java.util.List;

import dev.tandem.platform.web.NavigationContributor;
import dev.tandem.platform.web.NavigationItem;
import org.springframework.stereotype.Component;

@Component
class ExchangeNavigation implements NavigationContributor {

	@Override
	public List<NavigationItem> navigationItems() {
		return List.of(new NavigationItem("nav.imports", "/imports", 96, "ROLE_ADMIN"),
				new NavigationItem("nav.export", "/export", 97, "ROLE_ADMIN"));
	}
}
