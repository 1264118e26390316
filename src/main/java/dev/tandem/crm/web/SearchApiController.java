package dev.tandem.crm.web;

import java.util.List;
import java.util.UUID;

import dev.tandem.crm.SearchHit;
import dev.tandem.crm.SearchManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "Find deals, accounts, contacts, leads and colleagues by name, e-mail, company or deal title")
class SearchApiController {

	private static final int DEFAULT_PER_KIND = 10;

	private final SearchManagement search;
	private final SearchLinks links;

	SearchApiController(SearchManagement search, SearchLinks links) {
		this.search = search;
		this.links = links;
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Search", description = "q: at least 2 and at most 100 characters; a misspelt word still finds what it "
			+ "is like. Answers what your lists show you (a rep their own records), the most similar first, with similarity "
			+ "from 0 to 1 and the page that shows the record. limit: at most this many of each kind (1 to 50, default 10).")
	Listing<Hit> search(@AuthenticationPrincipal CurrentUser me,
			@Parameter(required = true, description = "the text to find") @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer limit) {
		int perKind = limit == null ? DEFAULT_PER_KIND : limit;
		if (perKind < 1 || perKind > SearchManagement.MAX_PER_KIND) {
			throw new InvalidInputException(List.of(new FieldProblem("limit", "validation.limit.range", 1, SearchManagement.MAX_PER_KIND)));
		}
		return Listing.all(search.search(me, q, perKind).stream().map(h -> Hit.of(h, links.href(me, h))).toList());
	}

	/** One record found: its kind, id, name, the line that tells it apart, how similar it is (0 to 1) and its page. */
	record Hit(SearchHit.Kind kind, UUID id, String title, @Nullable String detail, double similarity, String url) {

		static Hit of(SearchHit hit, String url) {
			return new Hit(hit.kind(), hit.id(), hit.title(), hit.detail(), Math.round(hit.similarity() * 1000) / 1000.0, url);
		}
	}
}
