package dev.tandem.coaching.oneonone;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.tandem.support.Demo;
import dev.tandem.support.EventStream;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The 1:1 pages over HTTP as each role: the demo's weekly 1:1s of Brigitte with her reps, a point the rep adds reaching
 * the manager live and as a notice, private notes only on their author's page, 404 for whoever is not in the rep's line,
 * 403 for a partner, and the series as a calendar file.
 */
@TandemIntegrationTest
class OneOnOnePagesTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	@Test
	void theRepAddsAPointAndHerManagerHearsOfItLive() {
		UUID meeting = nextMeetingOf("sanne@northwind.demo");
		String page = "/coaching/one-on-ones/meetings/" + meeting;
		WebSession sanne = WebSession.signedIn(port, Demo.REP, Demo.PASSWORD);
		WebSession brigitte = WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD);
		assertThat(brigitte.get(page).body()).contains("Sanne Bakker").contains("hx-ext=\"sse\"");
		try (EventStream live = brigitte.events("/live?scope=me")) {
			await().atMost(Duration.ofSeconds(10)).until(() -> live.status() == 200);
			HttpResponse<String> added = sanne.post(page + "/agenda", Map.of("text", "Can you join my call with Vermeer on Friday?"),
					Map.of("HX-Request", "true"));
			assertThat(added.statusCode()).isEqualTo(302);
			await().atMost(Duration.ofSeconds(10)).until(() -> live.count("changed") > 0);
		}
		assertThat(brigitte.get(page).body()).contains("Can you join my call with Vermeer on Friday?");
		UUID brigitteId = Demo.userId(jdbc, Demo.MANAGER);
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from platform_notification where user_id = :u and kind = 'agenda-item-added' and link = :link
				   and body = 'Can you join my call with Vermeer on Friday?'
				""").param("u", brigitteId).param("link", page).query(Long.class).single() == 1);
	}

	@Test
	void privateNotesShowOnlyOnTheirAuthorsPageAndOutsidersGetNotFound() {
		UUID meeting = nextMeetingOf("daan@northwind.demo");
		String page = "/coaching/one-on-ones/meetings/" + meeting;
		WebSession daan = WebSession.signedIn(port, "daan@northwind.demo", Demo.PASSWORD);
		assertThat(daan.post(page + "/notes", Map.of("text", "I want to move to field sales", "private", "true")).statusCode()).isEqualTo(302);
		assertThat(daan.get(page).body()).contains("I want to move to field sales");
		for (String reader : new String[] { Demo.MANAGER, Demo.EXECUTIVE, Demo.ADMIN }) {
			HttpResponse<String> seen = WebSession.signedIn(port, reader, Demo.PASSWORD).get(page);
			assertThat(seen.statusCode()).as(reader).isEqualTo(200);
			assertThat(seen.body()).as(reader).contains("Daan Visser").doesNotContain("I want to move to field sales");
		}
		for (String outsider : new String[] { Demo.REP, "mark@northwind.demo", "thomas@northwind.demo" }) {
			assertThat(WebSession.signedIn(port, outsider, Demo.PASSWORD).get(page).statusCode()).as(outsider).isEqualTo(404);
		}
		assertThat(WebSession.signedIn(port, "kim@northwind.demo", Demo.PASSWORD).get(page).statusCode()).isEqualTo(403);
		UUID series = jdbc.sql("select one_on_one_id from coaching_meeting where id = :m").param("m", meeting).query(UUID.class).single();
		assertThat(WebSession.signedIn(port, Demo.REP, Demo.PASSWORD).get("/coaching/one-on-ones/" + series + "/calendar.ics").statusCode())
			.isEqualTo(404);
	}

	@Test
	void theListShowsEachRepWithTheNextMeetingAndTheSeriesDownloadsAsACalendar() {
		WebSession brigitte = WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD).language("en");
		String list = brigitte.get("/coaching/one-on-ones").body();
		for (String rep : new String[] { "Sanne Bakker", "Daan Visser", "Emma de Boer", "Liam Mulder", "Julia Bos", "Noah Jansen", "Lotte Smit" }) {
			assertThat(list).contains(rep);
		}
		assertThat(list).contains("Suzanne de Vries").contains("Cadence of Brigitte Janssens");
		assertThat(WebSession.signedIn(port, Demo.EXECUTIVE, Demo.PASSWORD).language("en").get("/coaching/one-on-ones").body())
			.as("her manager sees her cadence").contains("Cadence of Brigitte Janssens");
		UUID series = jdbc.sql("""
				select s.id from coaching_one_on_one s join people_user u on u.id = s.rep_id where u.email = 'emma@northwind.demo'
				""").query(UUID.class).single();
		HttpResponse<String> ics = brigitte.get("/coaching/one-on-ones/" + series + "/calendar.ics");
		assertThat(ics.statusCode()).isEqualTo(200);
		assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
		assertThat(ics.body()).contains("BEGIN:VEVENT").contains("RRULE:FREQ=WEEKLY;BYDAY=TU").contains("DTSTART;TZID=Europe/Amsterdam:")
			.contains("T090000\r\n").contains("DURATION:PT30M").contains("SUMMARY:1:1 Brigitte Janssens · Emma de Boer");
	}

	private UUID nextMeetingOf(String repEmail) {
		return jdbc.sql("""
				select m.id from coaching_meeting m join coaching_one_on_one s on s.org_id = m.org_id and s.id = m.one_on_one_id
				  join people_user u on u.org_id = s.org_id and u.id = s.rep_id
				 where u.email = :email and m.held_at is null and m.planned_at > timestamptz '2026-11-18 10:00+01'
				 order by m.planned_at limit 1
				""").param("email", repEmail).query(UUID.class).single();
	}
}
