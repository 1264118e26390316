package dev.tandem.crm.web;

import java.util.List;

import dev.tandem.crm.SearchHit;
import dev.tandem.crm.SearchManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The global search: the results page, and the header's live menu of the best few (htmx, {@code part=menu}).
 * A query too short for the search is answered with a hint on the page rather than an error page.
 */
@Controller
class SearchPages {

	static final int PAGE_PER_KIND = 20;
	static final int MENU_SIZE = 8;

	private final SearchManagement search;
	private final SearchLinks links;

	SearchPages(SearchManagement search, SearchLinks links) {
		this.search = search;
		this.links = links;
	}

	@GetMapping("/search")
	String search(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String part, HttpServletRequest request, Model model) {
		boolean menu = "menu".equals(part) && Htmx.isHtmx(request);
		String text = q == null ? "" : q.strip();
		model.addAttribute("q", text);
		model.addAttribute("minLength", SearchManagement.MIN_LENGTH);
		List<Row> rows = List.of();
		boolean tooShort = false;
		boolean tooLong = false;
		if (!text.isEmpty()) {
			try {
				List<SearchHit> hits = search.search(me, text, menu ? MENU_SIZE : PAGE_PER_KIND);
				rows = hits.stream().limit(menu ? MENU_SIZE : Long.MAX_VALUE).map(h -> new Row(h, links.href(me, h))).toList();
			}
			catch (InvalidInputException ex) {
				tooShort = text.length() < SearchManagement.MIN_LENGTH;
				tooLong = !tooShort;
			}
		}
		model.addAttribute("rows", rows);
		model.addAttribute("tooShort", tooShort);
		model.addAttribute("tooLong", tooLong);
		model.addAttribute("maxLength", SearchManagement.MAX_LENGTH);
		if (menu) {
			return "crm/search :: menu";
		}
		return Htmx.view(request, "crm/search", "results");
	}

	/** A hit as a line of the results: what it is, its name, the line that tells it apart and where it leads. */
	record Row(SearchHit hit, String href) {
	}
}
