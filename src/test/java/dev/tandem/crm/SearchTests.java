package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The global search over HTTP, in an organisation of the test's own:
 * <pre>
 * Sales (head)
 * ├── Team A (ma): ra, rb
 * └── Team B (mb): rc
 * Marketing (no leader): kim, a partner
 * </pre>
 * ra owns Kronenburg Logistics with the deal "Kronenburg fleet renewal", the contact Henrike Vos and a lead of
 * Kronenburg Transport; rb owns Kronenberg Bakery with "Kronenberg ovens"; rc owns Kroonstad Media. The misspelt
 * "Kronenburk" finds 9 of its 11 trigrams in one stretch of the word "kronenburg" (word similarity 9/11 = 0.818), 7 in
 * "kronenberg" (7/11 = 0.636, above pg_trgm's threshold of 0.6) and 3 in "kroonstad" (not found).
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTests {

	private static final String PASSWORD = "search-passw0rd-14";
	private static final String TYPO = "Kronenburk";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired LeadManagement leads;

	String domain;
	final Map<String, UUID> people = new LinkedHashMap<>();
	final Map<String, ApiClient> api = new LinkedHashMap<>();
	UUID fleetDeal;
	UUID kronenburgAccount;
	UUID henrike;
	UUID lead;
	UUID ovensDeal;
	UUID bakeryAccount;
	UUID witInstallaties;
	UUID bakkerInstallaties;

	@BeforeAll
	void organisation() {
		domain = "search-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Search " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		people.put("admin", admin.id());
		Map<String, CurrentUser> as = new LinkedHashMap<>();
		for (String[] p : new String[][] { { "head", "Hannah Hoofd", "EXECUTIVE" }, { "ma", "Maarten Manager", "MANAGER" },
				{ "mb", "Mila Manager", "MANAGER" }, { "ra", "Roos Rep", "REP" }, { "rb", "Hendrika Bakker", "REP" },
				{ "rc", "Ravi Rep", "REP" }, { "kim", "Kim Partner", "PARTNER" } }) {
			CurrentUser user = CurrentUser.of(users.create(admin, new NewUser(p[0] + "@" + domain, p[1], Role.valueOf(p[2]),
					p[0].equals("rc") ? "nl" : "en",
					PASSWORD, List.of())).user());
			people.put(p[0], user.id());
			as.put(p[0], user);
		}
		UUID sales = teams.create(admin, new NewTeam("Sales", TeamKind.SALES, null, people.get("head"))).id();
		UUID teamA = teams.create(admin, new NewTeam("Team A", TeamKind.SALES, sales, people.get("ma"))).id();
		UUID teamB = teams.create(admin, new NewTeam("Team B", TeamKind.SALES, sales, people.get("mb"))).id();
		UUID marketing = teams.create(admin, new NewTeam("Marketing", TeamKind.MARKETING, null, null)).id();
		LocalDate joined = LocalDate.of(2025, 1, 1);
		teams.addMember(admin, teamA, people.get("ra"), joined);
		teams.addMember(admin, teamA, people.get("rb"), joined);
		teams.addMember(admin, teamB, people.get("rc"), joined);
		teams.addMember(admin, marketing, people.get("kim"), joined);

		CurrentUser ra = as.get("ra");
		kronenburgAccount = accounts.create(ra, new NewAccount("Kronenburg Logistics", "Transport", null, "NL", null, null)).id();
		fleetDeal = deals.create(ra, new NewDeal(kronenburgAccount, "Fleet renewal", new BigDecimal("12000"), null, null, null, null,
				DealSource.INBOUND, null, null), null).id();
		henrike = accounts.createContact(ra, new NewContact(kronenburgAccount, "Henrike Vos", "COO", "henrike@vos.example", null,
				null)).id();
		lead = leads.create(ra, new NewLead("Pieter de Wit", "Kronenburg Transport", null, null, DealSource.INBOUND, null, null,
				teamA, people.get("ra"))).id();
		CurrentUser rb = as.get("rb");
		bakeryAccount = accounts.create(rb, new NewAccount("Kronenberg Bakery", "Food", null, "NL", null, null)).id();
		ovensDeal = deals.create(rb, new NewDeal(bakeryAccount, "Kronenberg ovens", new BigDecimal("8000"), null, null, null, null,
				DealSource.INBOUND, null, null), null).id();
		CurrentUser rc = as.get("rc");
		UUID media = accounts.create(rc, new NewAccount("Kroonstad Media", "Media", null, "NL", null, null)).id();
		deals.create(rc, new NewDeal(media, "Kroonstad video", new BigDecimal("5000"), null, null, null, null, DealSource.INBOUND,
				null, null), null);
		bakkerInstallaties = accounts.create(rc, new NewAccount("Bakker Installaties en Onderhoud Groep", "Bouw", null, "NL", null, null))
			.id();
		witInstallaties = accounts.create(rc, new NewAccount("Wit Installaties", "Bouw", null, "NL", null, null)).id();
		for (String who : people.keySet()) {
			api.put(who, ApiClient.as(port, who + "@" + domain, PASSWORD));
		}
	}

	@Test
	void aMisspeltNameFindsWhatEachRoleSeesInItsListsTheMostSimilarFirst() {
		List<String> raSees = List.of("ACCOUNT " + kronenburgAccount, "DEAL " + fleetDeal, "CONTACT " + henrike, "LEAD " + lead);
		// Equal word similarity (7/11), but "Kronenberg ovens" is the closer whole text: 7 shared trigrams of 21 against 7
		// of 22 in "Kronenberg Bakery".
		List<String> rbSees = List.of("DEAL " + ovensDeal, "ACCOUNT " + bakeryAccount);
		List<String> both = new ArrayList<>(raSees);
		both.addAll(rbSees);
		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("ra", raSees);
		expected.put("rb", rbSees);
		expected.put("rc", List.of());
		expected.put("ma", both);
		expected.put("mb", List.of());
		expected.put("head", both);
		expected.put("admin", both);
		expected.put("kim", List.of());
		expected.forEach((who, hits) -> assertThat(found(who, TYPO)).as(who).containsExactlyElementsOf(hits));
	}

	/**
	 * "installaties" is a whole word of both names (word similarity 1), but its 13 trigrams are 13 of the 17 of "Wit
	 * Installaties" (similarity 0.76) and a far smaller share of the long name: the nearly exact name comes first,
	 * although "Bakker" sorts before "Wit".
	 */
	@Test
	void amongNamesHoldingTheWholeWordTheOneClosestAsAWholeComesFirst() {
		assertThat(found("rc", "installaties")).containsExactly("ACCOUNT " + witInstallaties, "ACCOUNT " + bakkerInstallaties);
		JsonNode items = api.get("rc").get("/api/v1/search?q=installaties").json().get("items");
		assertThat(items.get(0).get("similarity").asDouble()).isEqualTo(1.0);
		assertThat(items.get(1).get("similarity").asDouble()).isEqualTo(1.0);
	}

	@Test
	void similarityIsTheShareOfTheQuerysTrigramsInTheNearestWord() {
		JsonNode items = api.get("ma").get("/api/v1/search?q=" + TYPO).json().get("items");
		assertThat(items.get(0).get("similarity").asDouble()).isCloseTo(9.0 / 11, within(0.001));
		assertThat(items.get(0).get("url").asString()).isEqualTo("/accounts/" + kronenburgAccount);
		assertThat(items.get(1).get("title").asString()).isEqualTo("Fleet renewal");
		assertThat(items.get(1).get("detail").asString()).startsWith("Kronenburg Logistics · ");
		assertThat(items.get(1).get("similarity").asDouble()).isCloseTo(9.0 / 11, within(0.001));
		assertThat(items.get(1).get("url").asString()).isEqualTo("/deals/" + fleetDeal);
		assertThat(items.get(4).get("similarity").asDouble()).isCloseTo(7.0 / 11, within(0.001));
		assertThat(items.get(4).get("url").asString()).isEqualTo("/deals/" + ovensDeal);
	}

	@Test
	void findsByEmailAndPartOfAName() {
		assertThat(found("ra", "henrike@vos")).containsExactly("CONTACT " + henrike);
		assertThat(found("ra", "Logist")).containsExactly("ACCOUNT " + kronenburgAccount, "DEAL " + fleetDeal, "CONTACT " + henrike);
		assertThat(found("ra", "Pieter")).containsExactly("LEAD " + lead);
	}

	@Test
	void aNameMisspeltInTwoWordsIsFoundAsAWhole() {
		assertThat(found("rb", "Kronenbreg Bakkery")).containsExactly("ACCOUNT " + bakeryAccount, "DEAL " + ovensDeal);
		assertThat(found("ra", "Kronenbreg Bakkery")).isEmpty();
	}

	@Test
	void colleaguesAreFoundAmongThoseTheViewerMayLookUpAndLinkToTheDashboardOnlyWhenItIsTheirs() {
		// "Hendrka" keeps 5 of its 8 trigrams in one stretch of "hendrika" ("  h", " he", hen, end, ndr): 5/8 = 0.625.
		String bakker = "PERSON " + people.get("rb");
		assertThat(found("ra", "Hendrka")).containsExactly(bakker);
		assertThat(found("ma", "Hendrka")).containsExactly(bakker);
		assertThat(found("rc", "Hendrka")).isEmpty();
		assertThat(found("kim", "Hendrka")).isEmpty();
		assertThat(api.get("ra").get("/api/v1/search?q=Hendrka").json().get("items").get(0).get("url").asString())
			.isEqualTo("mailto:rb@" + domain);
		assertThat(api.get("ra").get("/api/v1/search?q=Hendrka").json().get("items").get(0).get("similarity").asDouble())
			.isCloseTo(5.0 / 8, within(0.001));
		assertThat(api.get("ma").get("/api/v1/search?q=Hendrka").json().get("items").get(0).get("url").asString())
			.isEqualTo("/insight/people/" + people.get("rb"));
	}

	@Test
	void nothingCrossesOrganisations() {
		ApiClient northwind = ApiClient.as(port, Demo.ADMIN, Demo.PASSWORD);
		assertThat(northwind.get("/api/v1/search?q=" + TYPO).json().get("items")).isEmpty();
		assertThat(northwind.get("/api/v1/search?q=Hendrika").body()).doesNotContain(people.get("rb").toString());
		assertThat(found("admin", "Northwind")).isEmpty();
		assertThat(found("admin", "Sanne")).isEmpty();
	}

	@Test
	void anEmptyOrTooShortQueryIsAnsweredWithTheRule() {
		for (String query : new String[] { "", "?q=", "?q=%20%20", "?q=K" }) {
			ApiClient.Response answer = api.get("ra").get("/api/v1/search" + query);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
			assertThat(answer.json().get("errors").get(0).get("message").asString()).isEqualTo("Type at least 2 letters to search.");
		}
		ApiClient.Response tooLong = api.get("ra").get("/api/v1/search?q=" + "k".repeat(101));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").get(0).get("message").asString()).isEqualTo("A search takes at most 100 characters.");
		assertThat(api.get("ra").get("/api/v1/search?q=kr&limit=51").status()).isEqualTo(400);

		WebSession web = WebSession.signedIn(port, "ra@" + domain, PASSWORD);
		assertThat(web.get("/search?q=K").body()).contains("Type at least 2 letters to search.");
		assertThat(web.get("/search").body()).contains("Type at least 2 letters.");
		assertThat(WebSession.signedIn(port, "rc@" + domain, PASSWORD).get("/search?q=K").body())
			.contains("Typ minstens 2 letters om te zoeken.");
	}

	@Test
	void thePageAndTheHeaderMenuListTheHitsWithTheirLinks() {
		WebSession web = WebSession.signedIn(port, "ra@" + domain, PASSWORD);
		var page = web.get("/search?q=" + TYPO);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("4 found for", "href=\"/deals/" + fleetDeal + "\"", "href=\"/contacts/" + henrike + "\"",
				"href=\"/leads/" + lead + "\"").doesNotContain(ovensDeal.toString());
		var menu = web.get("/search?part=menu&q=" + TYPO, Map.of("HX-Request", "true"));
		assertThat(menu.body()).doesNotContain("<header").contains("href=\"/accounts/" + kronenburgAccount + "\"", "All results");
		assertThat(web.get("/search?q=Kroonstad").body()).contains("Nothing you may see matches.");
	}

	private List<String> found(String who, String query) {
		ApiClient.Response answer = api.get(who).get("/api/v1/search?q=" + query.replace(" ", "%20"));
		assertThat(answer.status()).as(who + " " + query + ": " + answer.body()).isEqualTo(200);
		List<String> hits = new ArrayList<>();
		answer.json().get("items").forEach(i -> hits.add(i.get("kind").asString() + " " + i.get("id").asString()));
		return hits;
	}
}
