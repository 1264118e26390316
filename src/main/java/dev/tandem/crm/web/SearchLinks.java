package dev.tandem.crm.web;

import dev.tandem.crm.SearchHit;
import dev.tandem.crm.SearchManagement;
import dev.tandem.people.CurrentUser;
import org.springframework.stereotype.Component;

/** Where a search hit leads: the record's page; a colleague's dashboard if the viewer may see it, else their e-mail address. */
@Component
class SearchLinks {

	private final SearchManagement search;

	SearchLinks(SearchManagement search) {
		this.search = search;
	}

	String href(CurrentUser viewer, SearchHit hit) {
		return switch (hit.kind()) {
			case DEAL -> "/deals/" + hit.id();
			case ACCOUNT -> "/accounts/" + hit.id();
			case CONTACT -> "/contacts/" + hit.id();
			case LEAD -> "/leads/" + hit.id();
			case PERSON -> search.opensDashboardOf(viewer, hit.id()) ? "/insight/people/" + hit.id() : "mailto:" + hit.detail();
		};
	}
}
