package dev.tandem.insight;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.TandemApplication;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.EventStream;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live updates end to end over HTTP: a write on one node reaches the open streams it concerns, on this node
 * and on a second node sharing the database, and no others; bursts are coalesced; nobody listens to what
 * they may not see.
 */
@TandemIntegrationTest
class LiveUpdatesTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired DataSource dataSource;

	@Test
	void anActivityReachesTheStreamsOfItsTeamAndNotThoseOfOtherTeams() {
		WebSession brigitte = WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD);
		WebSession mark = WebSession.signedIn(port, "mark@northwind.demo", Demo.PASSWORD);
		try (EventStream inside = brigitte.events("/live?scope=team:" + Demo.teamId(jdbc, "Inside Sales"));
				EventStream enterprise = mark.events("/live?scope=team:" + Demo.teamId(jdbc, "Enterprise"))) {
			assertThat(inside.status()).isEqualTo(200);
			assertThat(enterprise.status()).isEqualTo(200);
			logMeeting(port, Demo.REP);
			await().atMost(Duration.ofSeconds(3)).until(() -> inside.count("changed") >= 1);
			await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> enterprise.count("changed") == 0);
		}
	}

	@Test
	void theLivePartOfATeamDashboardDrawsWhatThePageDrawsInIt() {
		WebSession brigitte = WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD);
		UUID inside = Demo.teamId(jdbc, "Inside Sales");
		String page = brigitte.get("/insight/teams/" + inside).body().replaceAll("\\s+", " ");
		var live = brigitte.get("/insight/teams/" + inside + "?part=live", java.util.Map.of("HX-Request", "true"));
		assertThat(live.statusCode()).isEqualTo(200);
		String part = live.body().replaceAll("\\s+", " ").strip();
		// Drawn from the summary alone, the live part holds the same numbers and markup as the page around it.
		assertThat(part).startsWith("<section id=\"live\"").contains("class=\"kpis\"", "/insight/records?scope=team:" + inside)
			.doesNotContain("people-table");
		assertThat(page).contains(part).contains("people-table");
	}

	@Test
	void aBurstOfChangesReachesAStreamAsAFewEvents() {
		WebSession brigitte = WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD);
		try (EventStream stream = brigitte.events("/live?scope=user:" + Demo.userId(jdbc, "julia@northwind.demo"))) {
			ApiClient julia = ApiClient.as(port, "julia@northwind.demo", Demo.PASSWORD);
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
			try {
				var writes = java.util.stream.IntStream.range(0, 12).mapToObj(i -> pool.submit(() -> julia.post("/api/v1/activities",
						"{\"type\":\"EMAIL\",\"subject\":\"Burst " + i + "\"}").status())).toList();
				for (var write : writes) {
					assertThat(write.get()).isEqualTo(201);
				}
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
			finally {
				pool.shutdown();
			}
			await().atMost(Duration.ofSeconds(3)).until(() -> stream.count("changed") >= 1);
			await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
			assertThat(stream.count("changed")).as("twelve changes, coalesced").isLessThan(12L);
		}
	}

	@Test
	void nobodyListensToWhatTheyMayNotSee() {
		WebSession sanne = WebSession.signedIn(port, Demo.REP, Demo.PASSWORD);
		WebSession zuidwind = WebSession.signedIn(port, Demo.OTHER_TENANT_MANAGER, Demo.PASSWORD);
		UUID enterprise = Demo.teamId(jdbc, "Enterprise");
		UUID inside = Demo.teamId(jdbc, "Inside Sales");
		assertThat(sanne.get("/live?scope=team:" + enterprise).statusCode()).isEqualTo(404);
		assertThat(sanne.get("/live?scope=user:" + Demo.userId(jdbc, "daan@northwind.demo")).statusCode()).isEqualTo(404);
		assertThat(zuidwind.get("/live?scope=team:" + inside).statusCode()).isEqualTo(404);
		assertThat(new WebSession(port).get("/live").statusCode()).isEqualTo(302);
		try (EventStream own = sanne.events("/live?scope=team:" + inside)) {
			assertThat(own.status()).as("a member watches her own team").isEqualTo(200);
		}
	}

	@Test
	void aSecondNodeOnTheSameDatabaseHearsAChangeMadeOnTheFirst() throws Exception {
		String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		try (ConfigurableApplicationContext second = SpringApplication.run(new Class<?>[] { TandemApplication.class, dev.tandem.support.TestClock.class }, new String[] { "--server.port=0",
				"--spring.datasource.url=" + url, "--tandem.demo.enabled=false", "--logging.file.name=", "--spring.jmx.enabled=false",
				"--tandem.data-dir=target/test-data/second-" + UUID.randomUUID() })) {
			int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			WebSession brigitteOnSecond = WebSession.signedIn(secondPort, Demo.MANAGER, Demo.PASSWORD);
			try (EventStream stream = brigitteOnSecond.events("/live?scope=team:" + Demo.teamId(jdbc, "Inside Sales"))) {
				assertThat(stream.status()).isEqualTo(200);
				logMeeting(port, "emma@northwind.demo");
				await().atMost(Duration.ofSeconds(3)).until(() -> stream.count("changed") >= 1);
			}
		}
	}

	private static void logMeeting(int port, String email) {
		ApiClient rep = ApiClient.as(port, email, Demo.PASSWORD);
		assertThat(rep.post("/api/v1/activities", "{\"type\":\"MEETING\",\"subject\":\"Live meeting\"}").status()).isEqualTo(201);
	}
}
