package dev.tandem.security;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every role (rep, manager, head of sales, admin) the lists, counts and sums the application shows equal a
 * reference the test computes on its own: it walks the team tree and today's memberships itself, in its own SQL and
 * Java, and adds up the raw CRM rows of whoever that makes visible. The deal, account and activity lists with their
 * totals, the pipeline board, the dashboards' won, lost and open figures and the forecast's won and open amounts.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityOracleTests {

	private static final Pattern DEAL_LINK = Pattern.compile("href=\"/deals/([0-9a-f-]{36})\"");

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired JdbcClient jdbc;
	@Autowired Clock clock;

	LineOrganisation org;
	List<TeamRow> tree;
	List<DealRow> deals;
	LocalDate today;

	record TeamRow(UUID id, UUID parentId, UUID leaderId, Set<UUID> members) {
	}

	record DealRow(UUID id, UUID ownerId, UUID accountId, String status, BigDecimal amount, LocalDate closeDate, UUID pipelineId) {
	}

	@BeforeAll
	void openOrganisation() {
		org = LineOrganisation.open(organisations, users, teams, port, clock);
		today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
		tree = jdbc.sql("select id, parent_id, leader_id from people_team where org_id = :org").param("org", org.orgId())
			.query((rs, n) -> new TeamRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
					new HashSet<>(jdbc.sql("""
							select user_id from people_membership where org_id = :org and team_id = :team
							   and valid_from <= :day and (valid_to is null or valid_to > :day)
							""").param("org", org.orgId()).param("team", rs.getObject(1, UUID.class)).param("day", today)
						.query(UUID.class).list())))
			.list();
		deals = jdbc.sql("""
				select id, owner_id, account_id, status, amount, close_date, pipeline_id from crm_deal
				 where org_id = :org and deleted_at is null
				""").param("org", org.orgId())
			.query((rs, n) -> new DealRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getObject(7, UUID.class)))
			.list();
	}

	@Test
	void theReferenceItselfFollowsTheHierarchyAsDrawn() {
		assertThat(names(visible("a1"))).containsExactlyInAnyOrder("a1");
		assertThat(names(visible("ma"))).containsExactlyInAnyOrder("ma", "a1", "a2");
		assertThat(names(visible("head"))).containsExactlyInAnyOrder("head", "ma", "a1", "a2", "mb", "b1", "b2");
		assertThat(names(visible("x"))).containsExactlyInAnyOrder("x");
		assertThat(names(visible("admin"))).containsExactlyInAnyOrder("admin", "head", "ma", "a1", "a2", "mb", "b1", "b2", "x");
	}

	@Test
	void theDealListAndItsTotalEqualTheReference() {
		for (String viewer : LineOrganisation.VIEWERS) {
			Set<UUID> owners = visible(viewer);
			Set<String> expected = deals.stream().filter(d -> owners.contains(d.ownerId())).map(d -> d.id().toString())
				.collect(Collectors.toSet());
			assertThat(SideChannelTests.ids(SideChannelTests.all(org.api(viewer), "/api/v1/deals?"))).as(viewer).isEqualTo(expected);
			assertThat(org.api(viewer).get("/api/v1/deals?limit=1").json().get("total").asLong()).as(viewer).isEqualTo(expected.size());
			Set<String> open = deals.stream().filter(d -> owners.contains(d.ownerId()) && d.status().equals("OPEN"))
				.map(d -> d.id().toString()).collect(Collectors.toSet());
			assertThat(org.api(viewer).get("/api/v1/deals?status=OPEN&limit=1").json().get("total").asLong()).as(viewer)
				.isEqualTo(open.size());
			assertThat(found(org.web(viewer).get("/pipeline").body())).as(viewer + " on the board").isEqualTo(open);
		}
	}

	@Test
	void theAccountAndActivityListsEqualTheReference() {
		for (String viewer : LineOrganisation.VIEWERS) {
			Set<UUID> owners = visible(viewer);
			Set<String> accounts = new HashSet<>(jdbc.sql("""
					select a.id::text from crm_account a where a.org_id = :org and a.deleted_at is null
					   and (a.owner_id = any(:owners) or a.id = any(:accounts))
					""").param("org", org.orgId()).param("owners", owners.toArray(new UUID[0]))
				.param("accounts", deals.stream().filter(d -> owners.contains(d.ownerId())).map(DealRow::accountId).toArray(UUID[]::new))
				.query(String.class).list());
			assertThat(SideChannelTests.ids(SideChannelTests.all(org.api(viewer), "/api/v1/accounts?"))).as(viewer).isEqualTo(accounts);
			Set<String> activities = new HashSet<>(jdbc.sql("""
					select id::text from crm_activity where org_id = :org and deleted_at is null and owner_id = any(:owners)
					""").param("org", org.orgId()).param("owners", owners.toArray(new UUID[0])).query(String.class).list());
			assertThat(SideChannelTests.ids(SideChannelTests.all(org.api(viewer), "/api/v1/activities?"))).as(viewer).isEqualTo(activities);
		}
	}

	@Test
	void dashboardsAndForecastsAddUpTheReferenceOfEachScope() {
		// Each viewer's own dashboard: a rep's of themselves, a manager's and the head's of the team they lead, the admin's of all.
		Map<String, String> teamOf = Map.of("ma", "Team A", "mb", "Team B", "head", "Sales", "admin", "Sales");
		YearMonth month = YearMonth.from(today);
		for (String viewer : LineOrganisation.VIEWERS) {
			boolean team = teamOf.containsKey(viewer);
			Set<UUID> scope = team ? members(org.team(teamOf.get(viewer))) : Set.of(org.id(viewer));
			String path = team ? "teams/" + org.team(teamOf.get(viewer)) : "users/" + org.id(viewer);
			List<DealRow> theirs = deals.stream().filter(d -> scope.contains(d.ownerId())).toList();
			List<DealRow> won = closedIn(theirs, "WON", month);
			List<DealRow> lost = closedIn(theirs, "LOST", month);
			List<DealRow> open = theirs.stream().filter(d -> d.status().equals("OPEN")).toList();
			JsonNode summary = ok(org.api(viewer).get("/api/v1/insight/" + path + "/summary"), viewer);
			assertThat(new BigDecimal(summary.get("wonRevenue").asString())).as(viewer).isEqualByComparingTo(sum(won));
			assertThat(summary.get("wonDeals").asInt()).as(viewer).isEqualTo(won.size());
			assertThat(summary.get("lostDeals").asInt()).as(viewer).isEqualTo(lost.size());
			assertThat(summary.get("openDeals").asInt()).as(viewer).isEqualTo(open.size());
			assertThat(new BigDecimal(summary.get("openAmount").asString())).as(viewer).isEqualByComparingTo(sum(open));
			long activities = jdbc.sql("""
					select count(*) from crm_activity where org_id = :org and deleted_at is null and done and owner_id = any(:owners)
					   and occurred_at >= :from and occurred_at < :to
					""").param("org", org.orgId()).param("owners", scope.toArray(new UUID[0]))
				.param("from", java.sql.Timestamp.from(month.atDay(1).atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant()))
				.param("to", java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant()))
				.query(Long.class).single();
			assertThat(summary.get("activities").asLong()).as(viewer).isEqualTo(activities);
			JsonNode forecast = ok(org.api(viewer).get("/api/v1/forecast/" + path), viewer);
			assertThat(new BigDecimal(forecast.get("won").asString())).as(viewer + ": forecast won").isEqualByComparingTo(sum(won));
			assertThat(new BigDecimal(forecast.get("open").get("total").asString())).as(viewer + ": forecast open")
				.isEqualByComparingTo(sum(open.stream().filter(d -> YearMonth.from(d.closeDate()).equals(month)).toList()));
			// Each level of the roll-up below, a team's or a person's, adds up its own people.
			for (JsonNode child : forecast.path("children")) {
				Set<UUID> below = child.get("teamId").isNull() ? Set.of(UUID.fromString(child.get("userId").asString()))
						: members(UUID.fromString(child.get("teamId").asString()));
				assertThat(new BigDecimal(child.get("won").asString())).as(viewer + ": forecast won of " + child.get("name").asString())
					.isEqualByComparingTo(sum(closedIn(deals.stream().filter(d -> below.contains(d.ownerId())).toList(), "WON", month)));
			}
		}
	}

	/**
	 * Whom a viewer may see, walked here: themselves, and for each team they lead, it and every team below, with their
	 * leaders and members; everyone for the admin.
	 */
	private Set<UUID> visible(String viewer) {
		UUID me = org.id(viewer);
		if (viewer.equals("admin")) {
			return new HashSet<>(jdbc.sql("select id from people_user where org_id = :org").param("org", org.orgId())
				.query(UUID.class).list());
		}
		Set<UUID> seen = new LinkedHashSet<>(List.of(me));
		List<TeamRow> pending = new ArrayList<>(tree.stream().filter(t -> me.equals(t.leaderId())).toList());
		Set<UUID> walked = new HashSet<>();
		while (!pending.isEmpty()) {
			TeamRow team = pending.remove(0);
			if (!walked.add(team.id())) {
				continue;
			}
			seen.addAll(team.members());
			if (team.leaderId() != null) {
				seen.add(team.leaderId());
			}
			tree.stream().filter(t -> team.id().equals(t.parentId())).forEach(pending::add);
		}
		return seen;
	}

	/** The members today of a team and of every team below it. */
	private Set<UUID> members(UUID teamId) {
		Set<UUID> members = new HashSet<>();
		List<UUID> pending = new ArrayList<>(List.of(teamId));
		while (!pending.isEmpty()) {
			UUID id = pending.remove(0);
			tree.stream().filter(t -> t.id().equals(id)).forEach(t -> members.addAll(t.members()));
			tree.stream().filter(t -> id.equals(t.parentId())).forEach(t -> pending.add(t.id()));
		}
		return members;
	}

	private Set<String> names(Set<UUID> ids) {
		return ids.stream().map(org::name).collect(Collectors.toSet());
	}

	private static JsonNode ok(ApiClient.Response response, String viewer) {
		assertThat(response.status()).as(viewer + ": " + response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<DealRow> closedIn(List<DealRow> deals, String status, YearMonth month) {
		return deals.stream().filter(d -> d.status().equals(status) && YearMonth.from(d.closeDate()).equals(month)).toList();
	}

	private static BigDecimal sum(List<DealRow> deals) {
		return deals.stream().map(DealRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static Set<String> found(String html) {
		Set<String> found = new HashSet<>();
		Matcher m = DEAL_LINK.matcher(html);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}
}
