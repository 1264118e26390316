package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.LineOrganisation;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers at once through the API (reps creating, moving, winning and losing deals and logging activities on
 * them, their managers, or the admin for the rep outside the line, logging activities and losing deals for them, so
 * they all count into the same rows of the same owners and day) leave the count tables and what the dashboards read
 * equal to a serial recount of the raw rows, and every write answered as it should.
 */
@TandemIntegrationTest
class ConcurrentTotalsTests {

	private static final int ROUNDS = 6;
	private static final List<String> REPS = List.of("a1", "a2", "b1", "b2", "x");
	private static final Map<String, String> MANAGER = Map.of("a1", "ma", "a2", "ma", "b1", "mb", "b2", "mb", "x", "admin");

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired JdbcClient jdbc;
	@Autowired Clock clock;

	@Test
	void countsAndDashboardsEqualARecountAfterConcurrentWrites() throws Exception {
		LineOrganisation org = LineOrganisation.open(organisations, users, teams, port, clock);
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
		long dealsBefore = count(org, "select count(*) from crm_deal where org_id = :org");
		long activitiesBefore = count(org, "select count(*) from crm_activity where org_id = :org");
		Map<String, String> accounts = REPS.stream().collect(Collectors.toMap(r -> r, r -> org.api(r)
			.get("/api/v1/accounts?owner=me").json().get("items").get(0).get("id").asString()));
		List.of("head", "ma", "mb", "admin").forEach(org::api);

		// The common pool runs one task at a time on a small machine: a pool of its own makes the writes overlap.
		ExecutorService writers = Executors.newFixedThreadPool(REPS.size() * 2);
		CountDownLatch start = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		List<Future<List<Integer>>> results = new ArrayList<>();
		try {
			for (String rep : REPS) {
				for (int round = 0; round < ROUNDS; round++) {
					int amount = 100 + round;
					results.add(writers.submit(task(start, running, mostAtOnce, () -> round(org, rep, accounts.get(rep), amount, today))));
				}
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<List<Integer>> result : results) {
				statuses.addAll(result.get(5, TimeUnit.MINUTES));
			}
			assertThat(statuses).as("every write answered").containsOnly(200, 201);
			assertThat(mostAtOnce.get()).as("rounds running at once").isGreaterThan(2);
		}
		finally {
			writers.shutdownNow();
		}

		int rounds = REPS.size() * ROUNDS;
		// Hand-counted: three deals and four activities a round.
		assertThat(count(org, "select count(*) from crm_deal where org_id = :org")).isEqualTo(dealsBefore + 3L * rounds);
		assertThat(count(org, "select count(*) from crm_activity where org_id = :org")).isEqualTo(activitiesBefore + 4L * rounds);
		assertCountTablesEqualARecount(org);
		assertDashboardEqualsARecount(org, "head", org.team("Sales"), today);
		assertDashboardEqualsARecount(org, "admin", org.team("Elsewhere"), today);
	}

	/** One round of a rep: a deal won, one moved on a stage, one lost, with activities of the rep and their manager. */
	private static List<Integer> round(LineOrganisation org, String rep, String account, int amount, LocalDate today) {
		ApiClient api = org.api(rep);
		ApiClient manager = org.api(MANAGER.get(rep));
		List<Integer> statuses = new ArrayList<>();
		JsonNode won = created(api.post("/api/v1/deals", deal(org, account, "won", amount, "Negotiation", today)), statuses);
		statuses.add(api.post("/api/v1/activities", activity("CALL", won)).status());
		statuses.add(manager.post("/api/v1/activities", activity("MEETING", won)).status());
		statuses.add(api.post("/api/v1/deals/" + won.get("id").asString() + "/stage",
				"{\"stageId\":\"" + org.stage("Won") + "\",\"version\":" + won.get("version").asInt() + "}").status());
		JsonNode moved = created(api.post("/api/v1/deals", deal(org, account, "moved", amount, "New lead", today)), statuses);
		statuses.add(api.post("/api/v1/deals/" + moved.get("id").asString() + "/stage",
				"{\"stageId\":\"" + org.stage("Contact made") + "\",\"version\":" + moved.get("version").asInt() + "}").status());
		statuses.add(api.post("/api/v1/activities", activity("EMAIL", moved)).status());
		JsonNode lost = created(manager.post("/api/v1/deals", deal(org, account, "lost", amount, "Negotiation", today)
			.replace("}", ",\"ownerId\":\"" + org.id(rep) + "\"}")), statuses);
		statuses.add(manager.post("/api/v1/activities", activity("CALL", lost)).status());
		statuses.add(manager.post("/api/v1/deals/" + lost.get("id").asString() + "/stage", "{\"stageId\":\"" + org.stage("Lost")
				+ "\",\"version\":" + lost.get("version").asInt() + ",\"lostReason\":\"Timing\"}").status());
		return statuses;
	}

	private static String deal(LineOrganisation org, String account, String title, int amount, String stage, LocalDate today) {
		return "{\"accountId\":\"" + account + "\",\"title\":\"Busy " + title + "\",\"amount\":" + amount + ",\"closeDate\":\""
				+ today + "\",\"stageId\":\"" + org.stage(stage) + "\"}";
	}

	private static String activity(String type, JsonNode deal) {
		return "{\"type\":\"" + type + "\",\"subject\":\"Busy " + type + "\",\"dealId\":\"" + deal.get("id").asString() + "\"}";
	}

	private static JsonNode created(ApiClient.Response response, List<Integer> statuses) {
		statuses.add(response.status());
		if (response.status() != 201) {
			throw new IllegalStateException(response.status() + " " + response.body());
		}
		return response.json();
	}

	/** A round that waits for the start, counting how many rounds run at the same time. */
	private static Callable<List<Integer>> task(CountDownLatch start, AtomicInteger running, AtomicInteger mostAtOnce,
			Callable<List<Integer>> work) {
		return () -> {
			start.await();
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				return work.call();
			}
			finally {
				running.decrementAndGet();
			}
		};
	}

	/** Each count table of the organisation next to the same numbers counted from its CRM rows. */
	private void assertCountTablesEqualARecount(LineOrganisation org) {
		Set<String> deals = Set.copyOf(jdbc.sql("select id::text from crm_deal where org_id = :org").param("org", org.orgId())
			.query(String.class).list());
		CountTablesTests.TABLES.forEach((name, queries) -> {
			List<String> kept = ours(jdbc.sql(queries[0]).query(String.class).list(), org.orgId(), deals);
			List<String> recounted = ours(jdbc.sql(queries[1]).query(String.class).list(), org.orgId(), deals);
			assertThat(kept).as(name).isNotEmpty().containsExactlyInAnyOrderElementsOf(recounted);
		});
	}

	/** The lines of one organisation: they begin with its id, or for stage stays with one of its deals. */
	private static List<String> ours(List<String> lines, UUID orgId, Set<String> deals) {
		return lines.stream().filter(l -> l.startsWith(orgId.toString()) || deals.contains(l.split(" ", 2)[0])).toList();
	}

	/** A team's dashboard for this month beside a recount of its members' raw rows. */
	private void assertDashboardEqualsARecount(LineOrganisation org, String viewer, UUID team, LocalDate today) {
		YearMonth month = YearMonth.from(today);
		ZoneId zone = ZoneId.of("Europe/Amsterdam");
		Map<String, Object> recount = jdbc.sql("""
				-- The team's members and those of the teams right below it, which is all there is in this organisation.
				with members as (
				  select m.user_id from people_membership m join people_team t on t.org_id = m.org_id and t.id = m.team_id
				   where m.org_id = :org and (t.id = :team or t.parent_id = :team)
				)
				select (select coalesce(sum(amount), 0) from crm_deal where org_id = :org and status = 'WON' and deleted_at is null
				          and close_date between :first and :last and owner_id in (select user_id from members)) as won_revenue,
				       (select count(*) from crm_deal where org_id = :org and status = 'WON' and deleted_at is null
				          and close_date between :first and :last and owner_id in (select user_id from members)) as won_deals,
				       (select count(*) from crm_deal where org_id = :org and status = 'LOST' and deleted_at is null
				          and close_date between :first and :last and owner_id in (select user_id from members)) as lost_deals,
				       (select count(*) from crm_deal where org_id = :org and deleted_at is null and created_at >= :from and created_at < :to
				          and owner_id in (select user_id from members)) as new_deals,
				       (select count(*) from crm_activity where org_id = :org and done and deleted_at is null
				          and occurred_at >= :from and occurred_at < :to and owner_id in (select user_id from members)) as activities
				""")
			.param("org", org.orgId()).param("team", team).param("first", month.atDay(1)).param("last", month.atEndOfMonth())
			.param("from", java.sql.Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()))
			.param("to", java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
			.query().singleRow();
		JsonNode summary = org.api(viewer).get("/api/v1/insight/teams/" + team + "/summary").json();
		assertThat(new BigDecimal(summary.get("wonRevenue").asString())).isEqualByComparingTo((BigDecimal) recount.get("won_revenue"));
		assertThat(summary.get("wonDeals").asLong()).isEqualTo(((Number) recount.get("won_deals")).longValue());
		assertThat(summary.get("lostDeals").asLong()).isEqualTo(((Number) recount.get("lost_deals")).longValue());
		assertThat(summary.get("newDeals").asLong()).isEqualTo(((Number) recount.get("new_deals")).longValue());
		assertThat(summary.get("activities").asLong()).isEqualTo(((Number) recount.get("activities")).longValue());
	}

	private long count(LineOrganisation org, String sql) {
		return jdbc.sql(sql).param("org", org.orgId()).query(Long.class).single();
	}
}
