package dev.tandem.crm.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.NewSavedView;
import dev.tandem.crm.SavedView;
import dev.tandem.crm.SavedViewList;
import dev.tandem.crm.SavedViewManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saving a list's current filters, sort and columns as a view (the deal and the activity list, at
 * {@code <list>/views}), and deleting one; the list's page offers the views ({@link SavedViewBar}, {@link #href(SavedView)}).
 */
@Controller
class SavedViewPages {

	private final SavedViewManagement views;
	private final FormErrors formErrors;

	SavedViewPages(SavedViewManagement views, FormErrors formErrors) {
		this.views = views;
		this.formErrors = formErrors;
	}

	/** Saves the list's filters sent along (the list's own parameter names) under a name, then opens the view. */
	@PostMapping({ "/deals/views", "/activities/views" })
	String save(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String name,
			@RequestParam(defaultValue = "false") boolean shared, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(name = "col", required = false) @Nullable List<String> columns, HttpServletRequest request,
			RedirectAttributes redirect) {
		SavedViewList list = listOf(request.getServletPath());
		Map<String, String> filters = new LinkedHashMap<>();
		for (String filter : list.filters()) {
			String value = request.getParameter(filter);
			if (value != null && !value.isBlank()) {
				filters.put(filter, value);
			}
		}
		var saved = new Object() {
			@Nullable SavedView view;
		};
		if (formErrors.flash(redirect, () -> saved.view = views.create(me, new NewSavedView(list, name, filters, sort,
				columns == null ? new ArrayList<>(list.columns()) : columns, shared)))) {
			redirect.addFlashAttribute("flash", formErrors.message("views.saved", saved.view.name()));
			return "redirect:" + href(saved.view);
		}
		return "redirect:" + list.path();
	}

	private static SavedViewList listOf(String savePath) {
		String path = savePath.substring(0, savePath.length() - "/views".length());
		for (SavedViewList list : SavedViewList.values()) {
			if (list.path().equals(path)) {
				return list;
			}
		}
		throw new IllegalStateException("No list at " + path);
	}

	@PostMapping("/views/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		String back = views.get(me, id).list().path();
		if (formErrors.flash(redirect, () -> views.delete(me, id))) {
			redirect.addFlashAttribute("flash", formErrors.message("views.deleted"));
		}
		return "redirect:" + back;
	}

	/** The list's URL with the view's filters, sort and columns, naming the view so the page marks it. */
	static String href(SavedView view) {
		List<Object> params = new ArrayList<>();
		view.filters().forEach((k, v) -> {
			params.add(k);
			params.add(v);
		});
		params.add("sort");
		params.add(view.sort());
		if (!view.list().columns().isEmpty()) {
			params.add("cols");
			params.add(String.join(",", view.columns()));
		}
		return ListQuery.of(params.toArray()).with(view.list().path(), "view", view.id().toString());
	}
}
