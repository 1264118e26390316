package dev.tandem.crm;

import java.util.List;
import java.util.Set;

/** The lists a view can be saved of, with the filters, sort orders and columns each knows. */
public enum SavedViewList {

	DEALS("/deals", Set.of("owner", "stage", "status", "closedFrom", "closedTo", "q"), dev.tandem.crm.persistence.Deals.SORTS.keySet(),
			List.of("account", "owner", "stage", "amount", "closeDate", "forecast")),
	ACTIVITIES("/activities", Set.of("owner", "type", "from", "to"), Set.of(), List.of());

	private final String path;
	private final Set<String> filters;
	private final Set<String> sorts;
	private final List<String> columns;

	SavedViewList(String path, Set<String> filters, Set<String> sorts, List<String> columns) {
		this.path = path;
		this.filters = filters;
		this.sorts = sorts;
		this.columns = columns;
	}

	public String path() {
		return path;
	}

	public Set<String> filters() {
		return filters;
	}

	public Set<String> sorts() {
		return sorts;
	}

	/** The optional columns, in the order the list shows them. */
	public List<String> columns() {
		return columns;
	}
}
