package dev.tandem.crm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.playbook.ActivityType;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The personal calendar feed over HTTP, read back line by line: Ria's task (due 20 November 17:00 in Amsterdam,
 * 16:00 UTC), her 45-minute meeting and her open deal's close date are in it, with escaped text and folded lines;
 * her colleague's task and another organisation's records are not. The address is shown once, a new one retires the
 * old, revoking makes it 404, and a single meeting downloads for whoever may see it.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarFeedTests {

	private static final String PASSWORD = "calendar-feed-passw0rd";
	private static final Pattern FEED = Pattern.compile("(https?://[^<\"]+/calendar/(cal_[A-Za-z0-9_-]+)\\.ics)");

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired ActivityManagement activities;

	String domain;
	String otherDomain;
	Activity task;
	Activity meeting;
	Activity bobsTask;
	Deal deal;
	Activity foreignTask;

	@BeforeAll
	void openOrganisations() {
		domain = "calendar-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Calendar " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		CurrentUser ria = rep(admin, "ria@" + domain, "Ria");
		CurrentUser bob = rep(admin, "bob@" + domain, "Bob");
		Account account = accounts.create(ria, new NewAccount("Brouwerij De Kroon", null, null, "NL", null, null));
		deal = deals.create(ria, new NewDeal(account.id(), "Rollout, phase 2; all sites and every depot of the group in the Benelux",
				null, LocalDate.of(2026, 11, 30), null, null, null, DealSource.INBOUND, null, null), null);
		task = activities.log(ria, new NewActivity(ActivityType.TASK, "Call back about the pilot", null, null, null, null, null, null,
				Instant.parse("2026-11-20T16:00:00Z"), deal.id(), null, null, null, null), null);
		meeting = activities.log(ria, new NewActivity(ActivityType.MEETING, "Kick-off", null, null, "Agenda: scope, price; C:\\docs\nthen lunch",
				null, 45, Instant.parse("2026-11-17T09:30:00Z"), null, deal.id(), null, null, null, null), null);
		bobsTask = activities.log(bob, new NewActivity(ActivityType.TASK, "Bob private follow-up", null, null, null, null, null, null,
				Instant.parse("2026-11-21T16:00:00Z"), null, null, null, null, null), null);

		otherDomain = "calendar-other-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser otherAdmin = organisations.open(new NewOrganisation("Other " + otherDomain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + otherDomain, "Admin", PASSWORD);
		foreignTask = activities.log(otherAdmin, new NewActivity(ActivityType.TASK, "Foreign organisation task", null, null, null, null,
				null, null, Instant.parse("2026-11-20T16:00:00Z"), null, null, null, null, null), null);
	}

	private CurrentUser rep(CurrentUser admin, String email, String name) {
		UUID id = users.create(admin, new NewUser(email, name, Role.REP, "en", PASSWORD, List.of())).user().id();
		return new CurrentUser(admin.orgId(), id, email, name, Role.REP, "en");
	}

	@Test
	void theFeedHoldsTheOwnTasksMeetingsAndCloseDatesAsRfc5545() {
		WebSession ria = WebSession.signedIn(port, "ria@" + domain, PASSWORD);
		String[] address = create(ria);
		assertThat(ria.get("/profile").body()).as("shown only once").doesNotContain(address[1]).contains("A feed address is active since");

		HttpResponse<String> feed = anonymous(address[0]);
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
		assertThat(feed.headers().firstValue("Set-Cookie")).as("no session for a calendar app").isEmpty();
		String body = feed.body();
		assertThat(body).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		for (String physical : body.split("\r\n")) {
			assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
		}
		List<String> lines = unfold(body);
		assertThat(lines).contains("X-WR-CALNAME:Tandem calendar · Ria", "METHOD:PUBLISH");

		List<String> taskEvent = event(lines, "UID:activity-" + task.id() + "@tandem");
		assertThat(taskEvent).contains("DTSTART:20261120T160000Z", "DTEND:20261120T161500Z", "SUMMARY:Task: Call back about the pilot",
				"TRANSP:TRANSPARENT");
		assertThat(taskEvent).anyMatch(l -> l.matches("DTSTAMP:\\d{8}T\\d{6}Z"));

		List<String> meetingEvent = event(lines, "UID:activity-" + meeting.id() + "@tandem");
		assertThat(meetingEvent).contains("DTSTART:20261117T093000Z", "DTEND:20261117T101500Z", "SUMMARY:Kick-off",
				"DESCRIPTION:Deal: Rollout\\, phase 2\\; all sites and every depot of the group in the Benelux · Brouwerij De Kroon"
						+ "\\nAgenda: scope\\, price\\; C:\\\\docs\\nthen lunch");

		List<String> closeEvent = event(lines, "UID:deal-close-" + deal.id() + "@tandem");
		assertThat(closeEvent).contains("DTSTART;VALUE=DATE:20261130", "DTEND;VALUE=DATE:20261201",
				"SUMMARY:Expected close: Rollout\\, phase 2\\; all sites and every depot of the group in the Benelux · Brouwerij De Kroon");
		assertThat(body).as("the long summary is folded").contains("\r\n ");

		assertThat(body).doesNotContain(bobsTask.id().toString(), "Bob private", foreignTask.id().toString(), "Foreign organisation");
		assertThat(anonymous(address[0]).body()).as("UIDs are stable").contains("UID:activity-" + task.id() + "@tandem");
	}

	@Test
	void aNewAddressRetiresTheOldAndRevokingEndsIt() {
		WebSession bob = WebSession.signedIn(port, "bob@" + domain, PASSWORD);
		String[] first = create(bob);
		assertThat(anonymous(first[0]).statusCode()).isEqualTo(200);
		assertThat(anonymous(first[0]).body()).contains("SUMMARY:Task: Bob private follow-up").doesNotContain("Call back about the pilot");
		String[] second = create(bob);
		assertThat(second[1]).isNotEqualTo(first[1]);
		assertThat(anonymous(first[0]).statusCode()).isEqualTo(404);
		assertThat(anonymous(second[0]).statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = bob.post("/profile/calendar/revoke", java.util.Map.of());
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(anonymous(second[0]).statusCode()).isEqualTo(404);
		assertThat(bob.get("/profile").body()).contains("You have no calendar feed address.");
		assertThat(anonymous("http://localhost:" + port + "/calendar/cal_made-up.ics").statusCode()).isEqualTo(404);
		assertThat(anonymous("http://localhost:" + port + "/calendar/nonsense.ics").statusCode()).isEqualTo(404);
	}

	@Test
	void anotherOrganisationsFeedShowsOnlyItsOwnRecords() {
		WebSession other = WebSession.signedIn(port, "admin@" + otherDomain, PASSWORD);
		String body = anonymous(create(other)[0]).body();
		assertThat(body).contains("UID:activity-" + foreignTask.id() + "@tandem")
			.doesNotContain(task.id().toString(), meeting.id().toString(), deal.id().toString(), "Brouwerij");
	}

	@Test
	void aMeetingDownloadsForWhoeverMaySeeIt() {
		WebSession ria = WebSession.signedIn(port, "ria@" + domain, PASSWORD);
		HttpResponse<String> download = ria.get("/activities/" + meeting.id() + ".ics");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"meeting.ics\"");
		List<String> lines = unfold(download.body());
		assertThat(lines).contains("X-WR-CALNAME:Kick-off", "UID:activity-" + meeting.id() + "@tandem", "DTSTART:20261117T093000Z");
		assertThat(lines.stream().filter(l -> l.equals("BEGIN:VEVENT"))).hasSize(1);
		assertThat(ria.get("/deals/" + deal.id()).body()).contains("href=\"/activities/" + meeting.id() + ".ics\"")
			.doesNotContain("href=\"/activities/" + task.id() + ".ics\"");

		assertThat(ria.get("/activities/" + task.id() + ".ics").statusCode()).as("a task is no meeting").isEqualTo(404);
		WebSession bob = WebSession.signedIn(port, "bob@" + domain, PASSWORD);
		assertThat(bob.get("/activities/" + meeting.id() + ".ics").statusCode()).isEqualTo(404);
		WebSession other = WebSession.signedIn(port, "admin@" + otherDomain, PASSWORD);
		assertThat(other.get("/activities/" + meeting.id() + ".ics").statusCode()).isEqualTo(404);
		assertThat(new WebSession(port).get("/activities/" + meeting.id() + ".ics").statusCode()).as("to sign-in").isEqualTo(302);
	}

	/** Makes a feed address on the profile page; the address and its secret. */
	private String[] create(WebSession session) {
		HttpResponse<String> made = session.post("/profile/calendar", java.util.Map.of());
		assertThat(made.statusCode()).isEqualTo(302);
		String page = session.get("/profile").body();
		Matcher matcher = FEED.matcher(page);
		assertThat(matcher.find()).as("the address is on the profile page").isTrue();
		return new String[] { matcher.group(1), matcher.group(2) };
	}

	private static HttpResponse<String> anonymous(String url) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> unfold(String ics) {
		return Arrays.asList(ics.replace("\r\n ", "").split("\r\n"));
	}

	private static List<String> event(List<String> lines, String uid) {
		int at = lines.indexOf(uid);
		assertThat(at).as(uid).isPositive();
		int start = at;
		while (!lines.get(start).equals("BEGIN:VEVENT")) {
			start--;
		}
		int end = lines.subList(at, lines.size()).indexOf("END:VEVENT") + at;
		return lines.subList(start, end + 1);
	}
}
