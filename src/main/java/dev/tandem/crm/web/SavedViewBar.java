package dev.tandem.crm.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.SavedViewList;
import dev.tandem.crm.SavedViewManagement;
import dev.tandem.people.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What a list page needs for its saved views ({@code crm/views :: bar} and {@code :: save}): the views the person
 * sees, the one open, and the list's current filters, sort and columns to save as a new one.
 */
@Component
class SavedViewBar {

	private final SavedViewManagement views;

	SavedViewBar(SavedViewManagement views) {
		this.views = views;
	}

	/**
	 * Adds the bar to the page's model.
	 *
	 * @param filters the list's filters as its URL names them, each with its current value (or null)
	 */
	void addTo(Model model, CurrentUser me, SavedViewList list, @Nullable UUID view, Map<String, @Nullable Object> filters,
			@Nullable String sort) {
		model.addAttribute("view", view);
		model.addAttribute("viewList", list.path());
		model.addAttribute("views", views.visible(me, list).stream()
			.map(v -> new ViewLink(v.id(), v.name(), v.ownerId().equals(me.id()) ? null : v.ownerName(), v.shared(),
					SavedViewPages.href(v)))
			.toList());
		Map<String, String> current = new LinkedHashMap<>();
		filters.forEach((name, value) -> current.put(name, value == null ? "" : value.toString()));
		model.addAttribute("viewFilters", current);
		model.addAttribute("viewSort", list.sorts().isEmpty() ? null : sort);
		model.addAttribute("allColumns", list.columns());
	}

	/** The filters as {@link #addTo} takes them, from names and values in turn; the order is the form's. */
	static Map<String, @Nullable Object> filters(@Nullable Object... namesAndValues) {
		Map<String, @Nullable Object> filters = new LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			filters.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
		}
		return filters;
	}

	/** A view as the bar links it: {@code by} names the owner when it is someone else's shared view. */
	record ViewLink(UUID id, String name, @Nullable String by, boolean shared, String href) {
	}
}
