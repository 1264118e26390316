package dev.tandem.crm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.persistence.Accounts;
import dev.tandem.crm.persistence.Deals;
import dev.tandem.crm.persistence.Leads;
import dev.tandem.crm.persistence.SearchMatches;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds deals, accounts, contacts, leads and colleagues by a few letters of a name, e-mail address, company or deal
 * title, misspelt too (pg_trgm word similarity), among exactly what the viewer's lists show them: each kind is asked
 * with its list's visibility rule, and colleagues among those the viewer may look up. The most similar come first
 * ({@link SearchHit#rank}).
 */
@Service
public class SearchManagement {

	public static final int MIN_LENGTH = 2;
	public static final int MAX_LENGTH = 100;
	public static final int MAX_PER_KIND = 50;

	private static final Comparator<SearchHit> MOST_SIMILAR_FIRST = Comparator.comparingDouble(SearchHit::rank).reversed()
		.thenComparing(SearchHit::kind).thenComparing(h -> h.title().toLowerCase(java.util.Locale.ROOT)).thenComparing(SearchHit::id);

	private final Accounts accounts;
	private final Deals deals;
	private final Leads leads;
	private final UserManagement users;
	private final Access access;
	private final SearchMatches matches;

	SearchManagement(Accounts accounts, Deals deals, Leads leads, UserManagement users, Access access, SearchMatches matches) {
		this.accounts = accounts;
		this.deals = deals;
		this.leads = leads;
		this.users = users;
		this.access = access;
		this.matches = matches;
	}

	/**
	 * Up to {@code perKind} records of each kind like {@code query}, the most similar first.
	 * @throws InvalidInputException when the query is blank, shorter than {@value #MIN_LENGTH} or longer than
	 *         {@value #MAX_LENGTH} characters (field {@code q})
	 */
	@Transactional(readOnly = true)
	public List<SearchHit> search(CurrentUser viewer, @Nullable String query, int perKind) {
		String text = check(query);
		int limit = Math.max(1, Math.min(perKind, MAX_PER_KIND));
		String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		Set<UUID> owners = access.owners(viewer);
		SearchMatches.Found matched = matches.find(text, like);
		List<SearchHit> hits = new ArrayList<>();
		hits.addAll(deals.search(viewer.orgId(), owners, matched, text, limit));
		hits.addAll(accounts.search(viewer.orgId(), owners, matched, text, limit));
		hits.addAll(accounts.searchContacts(viewer.orgId(), owners, matched, text, limit));
		hits.addAll(leads.search(viewer.orgId(), owners, access.routedTeams(viewer), viewer.isAdmin(), matched, text, limit));
		users.search(viewer, text, like, limit).forEach(found -> hits.add(new SearchHit(SearchHit.Kind.PERSON, found.user().id(),
				found.user().displayName(), found.user().email(), found.similarity(), found.closeness())));
		hits.sort(MOST_SIMILAR_FIRST);
		return hits;
	}

	/**
	 * Whether the viewer may open the dashboard of a colleague the search found (else it only shows their e-mail address);
	 * dashboards are sales pages, which partners do not open.
	 */
	public boolean opensDashboardOf(CurrentUser viewer, UUID userId) {
		return viewer.role() != dev.tandem.people.Role.PARTNER && access.canSee(viewer, userId);
	}

	private static String check(@Nullable String query) {
		String text = query == null ? "" : query.strip();
		if (text.length() < MIN_LENGTH) {
			throw InvalidInputException.of("q", "search.too-short", MIN_LENGTH);
		}
		if (text.length() > MAX_LENGTH) {
			throw InvalidInputException.of("q", "search.too-long", MAX_LENGTH);
		}
		return text;
	}
}
