package dev.tandem.security;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.LineOrganisation;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way of looking records up besides the main lists (an account's open-deal count, its timeline, what a
 * recycle-bin entry says went with it, owner filters, the pipeline board and its owner choice, CSV downloads, goals,
 * dashboards, drill-downs, forecasts and forecast submissions of a person or a team, the teams' overview) reveals no
 * more than the deal list shows the same user, for everyone in a line hierarchy: head of sales, two managers, their
 * reps, a rep in another team and the admin.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SideChannelTests {

	private static final Pattern DEAL_LINK = Pattern.compile("href=\"/deals/([0-9a-f-]{36})\"");
	private static final Pattern OWNER_OPTION = Pattern.compile("<option value=\"([0-9a-f-]{36})\"");

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired Clock clock;

	LineOrganisation org;
	/** Per viewer, the deal list as the API gives it, by id. */
	final Map<String, Map<String, JsonNode>> listed = new LinkedHashMap<>();

	@BeforeAll
	void openOrganisation() {
		org = LineOrganisation.open(organisations, users, teams, port, clock);
		for (String viewer : LineOrganisation.VIEWERS) {
			Map<String, JsonNode> deals = new LinkedHashMap<>();
			all(org.api(viewer), "/api/v1/deals?").forEach(d -> deals.put(d.get("id").asString(), d));
			listed.put(viewer, deals);
		}
	}

	@Test
	void anAccountCountsOnlyTheOpenDealsOfTheDealList() {
		// Hand-computed: the shared account holds open deals of a1 (its owner), a2, b1, x and ma.
		Map<String, Integer> expected = Map.of("admin", 5, "head", 4, "ma", 3, "a1", 1, "a2", 1, "mb", 1, "b1", 1, "b2", -1, "x", 1);
		String shared = org.sharedAccount().toString();
		for (String viewer : LineOrganisation.VIEWERS) {
			long inList = listed.get(viewer).values().stream()
				.filter(d -> d.get("accountId").asString().equals(shared) && d.get("status").asString().equals("OPEN")).count();
			ApiClient.Response account = org.api(viewer).get("/api/v1/accounts/" + shared);
			if (expected.get(viewer) < 0) {
				assertThat(account.status()).as(viewer).isEqualTo(404);
				assertThat(inList).as(viewer).isZero();
				continue;
			}
			assertThat(account.status()).as(viewer).isEqualTo(200);
			assertThat(account.json().get("openDeals").asInt()).as(viewer + " on the account").isEqualTo(inList)
				.isEqualTo(expected.get(viewer).longValue());
			JsonNode inAccountList = all(org.api(viewer), "/api/v1/accounts?q=Shared&").stream()
				.filter(a -> a.get("id").asString().equals(shared)).findFirst().orElseThrow();
			assertThat(inAccountList.get("openDeals").asInt()).as(viewer + " in the account list").isEqualTo(inList);
			List<Map<String, String>> csv = csv(org.web(viewer).get("/accounts?format=csv&q=Shared").body());
			assertThat(csv).as(viewer + " in the CSV").singleElement()
				.satisfies(row -> assertThat(row.get("openDeals")).isEqualTo(String.valueOf(inList)));
		}
	}

	@Test
	void anAccountsTimelineShowsOnlyActivitiesOfListedDeals() {
		String shared = org.sharedAccount().toString();
		for (String viewer : LineOrganisation.VIEWERS) {
			ApiClient.Response timeline = org.api(viewer).get("/api/v1/accounts/" + shared + "/timeline");
			if (timeline.status() == 404) {
				continue;
			}
			Set<String> onAccount = listed.get(viewer).values().stream()
				.filter(d -> d.get("accountId").asString().equals(shared)).map(d -> d.get("id").asString()).collect(Collectors.toSet());
			Set<String> shown = new LinkedHashSet<>();
			timeline.json().get("items").forEach(a -> shown.add(a.get("dealId").asString()));
			assertThat(shown).as(viewer).isEqualTo(onAccount);
		}
	}

	@Test
	void aRecycleBinEntryCountsOnlyTheDealsAndActivitiesOfTheDealList() {
		ApiClient admin = org.api("admin");
		String account = admin.post("/api/v1/accounts", "{\"name\":\"Binned account\",\"ownerId\":\"" + org.id("a1") + "\"}")
			.json().get("id").asString();
		for (String owner : List.of("a1", "a2", "b1")) {
			String deal = admin.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Binned " + owner
					+ "\",\"ownerId\":\"" + org.id(owner) + "\"}").json().get("id").asString();
			assertThat(admin.post("/api/v1/activities", "{\"type\":\"CALL\",\"subject\":\"Binned call\",\"dealId\":\"" + deal
					+ "\"}").status()).isEqualTo(201);
		}
		Map<String, Integer> onAccount = new LinkedHashMap<>();
		for (String viewer : LineOrganisation.VIEWERS) {
			onAccount.put(viewer, all(org.api(viewer), "/api/v1/deals?accountId=" + account + "&").size());
		}
		assertThat(admin.delete("/api/v1/accounts/" + account).status()).isEqualTo(204);
		// Hand-computed: the account is a1's, so a1's line restores it; each counts the deals and calls they saw.
		Map<String, Integer> expected = Map.of("admin", 3, "head", 3, "ma", 2, "a1", 1);
		for (String viewer : LineOrganisation.VIEWERS) {
			List<JsonNode> entries = all(org.api(viewer), "/api/v1/recycle-bin?").stream()
				.filter(e -> e.get("recordId").asString().equals(account)).toList();
			if (!expected.containsKey(viewer)) {
				assertThat(entries).as(viewer).isEmpty();
				continue;
			}
			assertThat(entries).as(viewer).singleElement().satisfies(entry -> {
				assertThat(entry.get("deals").asInt()).as(viewer + ": deals").isEqualTo(onAccount.get(viewer)).isEqualTo(expected.get(viewer));
				assertThat(entry.get("activities").asInt()).as(viewer + ": activities").isEqualTo(expected.get(viewer));
			});
		}
	}

	@Test
	void ownerFiltersGiveTheListsShareOfThatOwner() {
		for (String viewer : LineOrganisation.VIEWERS) {
			ApiClient api = org.api(viewer);
			List<JsonNode> accounts = all(api, "/api/v1/accounts?");
			List<JsonNode> activities = all(api, "/api/v1/activities?");
			WebSession web = org.web(viewer);
			for (String owner : LineOrganisation.OWNERS) {
				String id = org.id(owner).toString();
				String as = viewer + " filtering by " + owner;
				assertThat(ids(all(api, "/api/v1/deals?owner=" + id + "&"))).as(as).isEqualTo(ids(listed.get(viewer).values().stream()
					.filter(d -> d.get("ownerId").asString().equals(id)).toList()));
				assertThat(ids(all(api, "/api/v1/accounts?owner=" + id + "&"))).as(as)
					.isEqualTo(ids(accounts.stream().filter(a -> a.get("ownerId").asString().equals(id)).toList()));
				assertThat(ids(all(api, "/api/v1/activities?owner=" + id + "&"))).as(as)
					.isEqualTo(ids(activities.stream().filter(a -> a.get("ownerId").asString().equals(id)).toList()));
				assertThat(found(DEAL_LINK, web.get("/pipeline?owner=" + id).body())).as(as + " on the board")
					.isEqualTo(open(viewer, owner));
			}
		}
	}

	@Test
	void theBoardTheOwnerChoiceAndTheCsvShowTheList() {
		for (String viewer : LineOrganisation.VIEWERS) {
			WebSession web = org.web(viewer);
			String board = web.get("/pipeline").body();
			assertThat(found(DEAL_LINK, board)).as(viewer + " on the board").isEqualTo(open(viewer, null));
			Set<String> owners = listed.get(viewer).values().stream().map(d -> d.get("ownerId").asString()).collect(Collectors.toSet());
			owners.add(org.id(viewer).toString());
			assertThat(owners).as(viewer + " may choose owners").containsAll(found(OWNER_OPTION, board));
			assertThat(csv(web.get("/deals?format=csv&status=any").body()).stream().map(r -> r.get("id")).collect(Collectors.toSet()))
				.as(viewer + " in the CSV").isEqualTo(listed.get(viewer).keySet());
		}
	}

	@Test
	void dashboardsAndForecastsAnswerOnlyForPeopleInTheListAndAddUpToIt() {
		for (String viewer : LineOrganisation.VIEWERS) {
			ApiClient api = org.api(viewer);
			Set<String> owners = listed.get(viewer).values().stream().map(d -> d.get("ownerId").asString()).collect(Collectors.toSet());
			for (String person : LineOrganisation.OWNERS) {
				String id = org.id(person).toString();
				String as = viewer + " looking at " + person;
				ApiClient.Response summary = api.get("/api/v1/insight/users/" + id + "/summary");
				ApiClient.Response forecast = api.get("/api/v1/forecast/users/" + id);
				ApiClient.Response submissions = api.get("/api/v1/forecast/submissions?userId=" + id);
				int records = org.web(viewer).get("/insight/records?scope=user:" + id + "&what=won").statusCode();
				if (!owners.contains(id)) {
					assertThat(List.of(summary.status(), forecast.status(), submissions.status(), records)).as(as).containsOnly(404);
					continue;
				}
				assertThat(summary.status()).as(as).isEqualTo(200);
				List<JsonNode> theirs = listed.get(viewer).values().stream().filter(d -> d.get("ownerId").asString().equals(id)).toList();
				assertTotals(summary.json(), theirs, as);
				assertThat(forecast.status()).as(as).isEqualTo(200);
				Set<String> behind = new LinkedHashSet<>();
				forecast.json().get("deals").forEach(d -> behind.add(d.get("id").asString()));
				assertThat(ids(theirs)).as(as + ": the forecast's deals").containsAll(behind);
			}
		}
	}

	@Test
	void goalsAnswerOnlyForPeopleInTheListAndMeasureIt() {
		for (String person : LineOrganisation.OWNERS) {
			assertThat(org.api("admin").post("/api/v1/goals", "{\"userId\":\"" + org.id(person)
					+ "\",\"metric\":\"WON_REVENUE\",\"target\":100000,\"set\":true}").status()).as(person).isEqualTo(201);
		}
		for (String viewer : LineOrganisation.VIEWERS) {
			Set<String> owners = listed.get(viewer).values().stream().map(d -> d.get("ownerId").asString()).collect(Collectors.toSet());
			for (String person : LineOrganisation.OWNERS) {
				String id = org.id(person).toString();
				String as = viewer + " looking at " + person + "'s goals";
				ApiClient.Response goals = org.api(viewer).get("/api/v1/goals?userId=" + id);
				if (!owners.contains(id)) {
					assertThat(goals.status() == 404 || goals.json().get("items").isEmpty()).as(as).isTrue();
					continue;
				}
				List<JsonNode> won = listed.get(viewer).values().stream()
					.filter(d -> d.get("ownerId").asString().equals(id) && d.get("status").asString().equals("WON")).toList();
				assertThat(goals.json().get("items")).as(as).singleElement().satisfies(goal -> assertThat(
						new BigDecimal(goal.get("actual").asString())).as(as).isEqualByComparingTo(sum(won)));
			}
		}
	}

	@Test
	void teamDashboardsAnswerOnlyForTheLineAndTheMembers() {
		Map<String, List<String>> members = Map.of("Sales", List.of("a1", "a2", "b1", "b2"), "Team A", List.of("a1", "a2"),
				"Team B", List.of("b1", "b2"), "Elsewhere", List.of("x"));
		Map<String, List<String>> line = Map.of("Sales", List.of("admin", "head"), "Team A", List.of("admin", "head", "ma"),
				"Team B", List.of("admin", "head", "mb"), "Elsewhere", List.of("admin"));
		for (String viewer : LineOrganisation.VIEWERS) {
			for (String team : members.keySet()) {
				String as = viewer + " looking at " + team;
				ApiClient.Response summary = org.api(viewer).get("/api/v1/insight/teams/" + org.team(team) + "/summary");
				ApiClient.Response forecast = org.api(viewer).get("/api/v1/forecast/teams/" + org.team(team));
				ApiClient.Response submissions = org.api(viewer).get("/api/v1/forecast/submissions?teamId=" + org.team(team));
				int records = org.web(viewer).get("/insight/records?scope=team:" + org.team(team) + "&what=won").statusCode();
				if (line.get(team).contains(viewer)) {
					assertThat(List.of(forecast.status(), submissions.status(), records)).as(as).containsOnly(200);
					assertThat(summary.status()).as(as).isEqualTo(200);
					assertTotals(summary.json(), listed.get(viewer).values().stream()
						.filter(d -> members.get(team).stream().anyMatch(m -> org.id(m).toString().equals(d.get("ownerId").asString())))
						.toList(), as);
				}
				else if (!members.get(team).contains(viewer)) {
					assertThat(List.of(summary.status(), forecast.status(), submissions.status(), records)).as(as).containsOnly(404);
				}
			}
		}
		// The overview sets the teams below those the viewer leads side by side, or the one they lead when none is below.
		Map<String, Set<String>> below = Map.of("admin", Set.of("Team A", "Team B", "Elsewhere"), "head", Set.of("Team A", "Team B"),
				"ma", Set.of("Team A"), "mb", Set.of("Team B"));
		for (String viewer : LineOrganisation.VIEWERS) {
			Set<String> shown = new LinkedHashSet<>();
			org.api(viewer).get("/api/v1/insight/overview").json().get("items").forEach(t -> shown.add(t.get("name").asString()));
			assertThat(shown).as(viewer + "'s overview").isEqualTo(below.getOrDefault(viewer, Set.of()));
		}
	}

	/** Won and lost this month, and open today, as the dashboard counts them, from the listed deals. */
	private static void assertTotals(JsonNode summary, List<JsonNode> deals, String as) {
		List<JsonNode> won = deals.stream().filter(d -> d.get("status").asString().equals("WON")).toList();
		List<JsonNode> open = deals.stream().filter(d -> d.get("status").asString().equals("OPEN")).toList();
		assertThat(new BigDecimal(summary.get("wonRevenue").asString())).as(as + ": won revenue").isEqualByComparingTo(sum(won));
		assertThat(summary.get("wonDeals").asInt()).as(as + ": won deals").isEqualTo(won.size());
		assertThat(summary.get("lostDeals").asInt()).as(as + ": lost deals")
			.isEqualTo((int) deals.stream().filter(d -> d.get("status").asString().equals("LOST")).count());
		assertThat(summary.get("openDeals").asInt()).as(as + ": open deals").isEqualTo(open.size());
		assertThat(new BigDecimal(summary.get("openAmount").asString())).as(as + ": open amount").isEqualByComparingTo(sum(open));
	}

	private static BigDecimal sum(List<JsonNode> deals) {
		return deals.stream().map(d -> new BigDecimal(d.get("amount").asString())).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Ids of the viewer's listed open deals, of one owner or of all. */
	private Set<String> open(String viewer, String owner) {
		return listed.get(viewer).values().stream().filter(d -> d.get("status").asString().equals("OPEN"))
			.filter(d -> owner == null || d.get("ownerId").asString().equals(org.id(owner).toString()))
			.map(d -> d.get("id").asString()).collect(Collectors.toSet());
	}

	/** Every item of a list, page by page; {@code path} ends in {@code ?} or {@code &}. */
	static List<JsonNode> all(ApiClient api, String path) {
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		do {
			ApiClient.Response page = api.get(path + "limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
			assertThat(page.status()).as(path).isEqualTo(200);
			page.json().get("items").forEach(items::add);
			JsonNode next = page.json().get("nextCursor");
			cursor = next == null || next.isNull() ? null : next.asString();
		}
		while (cursor != null);
		return items;
	}

	static Set<String> ids(List<JsonNode> items) {
		return items.stream().map(i -> i.get("id").asString()).collect(Collectors.toSet());
	}

	private static Set<String> found(Pattern pattern, String html) {
		Set<String> found = new LinkedHashSet<>();
		Matcher m = pattern.matcher(html);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	/** The rows of a CSV download by column name; the values here hold no commas or quotes. */
	private static List<Map<String, String>> csv(String body) {
		List<String> lines = body.replace("\uFEFF", "").lines().filter(l -> !l.isBlank()).toList();
		String[] header = lines.get(0).split(",");
		List<Map<String, String>> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.length; i++) {
				row.put(header[i], i < cells.length ? cells[i] : "");
			}
			rows.add(row);
		}
		return rows;
	}
}
