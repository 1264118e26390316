package dev.tandem.crm;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.playbook.ActivityType;
import dev.tandem.support.SmallTeam;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved views on the activity list, through the same controls as the deal list: Ann (rep in Team A, led by Mia)
 * logged a call and an email, Ben (her team mate, reading Dutch) a call. Ann saves "Calls" shared and "Emails"
 * private; Ben and Mia see "Calls" only, Cas (Team B) neither, and only Ann deletes them.
 */
@TandemIntegrationTest
class ActivitySavedViewTests {

	private static final String PASSWORD = "activity-views-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired ActivityManagement activities;

	String domain;

	@BeforeEach
	void organisation() {
		SmallTeam org = SmallTeam.open(organisations, users, teams, "actviews", PASSWORD, "nl");
		domain = org.domain();
		activities.log(org.ann(), NewActivity.quick(ActivityType.CALL, "Ann rings Acme", null), null);
		activities.log(org.ann(), NewActivity.quick(ActivityType.EMAIL, "Ann writes Acme", null), null);
		activities.log(org.ben(), NewActivity.quick(ActivityType.CALL, "Ben rings Bolt", null), null);
	}

	@Test
	void theActivityListSavesAViewAndOpensItWithItsFilter() {
		WebSession ann = session("ann");
		String location = save(ann, "Calls", "CALL", true);
		assertThat(location).contains("/activities?type=CALL&view=");
		String page = ann.get(location).body();
		assertThat(page).contains("View Calls saved.", "aria-current=\"page\" class=\"current\">Calls</a>", "Ann rings Acme")
			.doesNotContain("Ann writes Acme", "Ben rings Bolt", "name=\"col\"");
		assertThat(page).contains("<input type=\"hidden\" name=\"type\" value=\"CALL\">", "action=\"/activities/views\"");

		String fragment = ann.get(location, Map.of("HX-Request", "true")).body();
		assertThat(fragment).doesNotContain("<html", "class=\"views-bar\"").contains("id=\"rows\"", "Ann rings Acme",
				"<input type=\"hidden\" name=\"type\" value=\"CALL\">").doesNotContain("Ann writes Acme");
		String emails = ann.get("/activities?type=EMAIL", Map.of("HX-Request", "true")).body();
		assertThat(emails).contains("Ann writes Acme", "<input type=\"hidden\" name=\"type\" value=\"EMAIL\">")
			.doesNotContain("Ann rings Acme");
	}

	@Test
	void aRepSeesTheirOwnViewsAndThoseSharedWithTheTeamOnly() {
		WebSession ann = session("ann");
		String calls = save(ann, "Calls", "CALL", true);
		save(ann, "Emails", "EMAIL", false);
		assertThat(ann.get("/activities").body()).contains(">Calls</a>", ">Emails</a>", "Delete view: Calls", "Delete view: Emails");

		WebSession ben = session("ben");
		String benPage = ben.get("/activities").body();
		assertThat(benPage).contains("Weergaven:", ">Calls</a>", "van Ann").doesNotContain(">Emails</a>", "Delete view", "Weergave verwijderen");
		String benCalls = ben.get(calls).body();
		assertThat(benCalls).contains("Ben rings Bolt").doesNotContain("Ann rings Acme", "Ann writes Acme");

		assertThat(session("mia").get("/activities").body()).contains(">Calls</a>", "by Ann").doesNotContain(">Emails</a>");
		assertThat(session("cas").get("/activities").body()).doesNotContain(">Calls</a>", ">Emails</a>");

		String id = calls.substring(calls.indexOf("view=") + 5);
		assertThat(ben.post("/views/" + id + "/delete", Map.of()).statusCode()).isEqualTo(404);
		assertThat(ann.get("/activities").body()).contains(">Calls</a>");
		HttpResponse<String> deleted = ann.post("/views/" + id + "/delete", Map.of());
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/activities");
		assertThat(ann.get("/activities").body()).contains("View deleted.", ">Emails</a>").doesNotContain(">Calls</a>");
	}

	@Test
	void aRefusedSaveNamesTheFieldAndTheRule() {
		WebSession ann = session("ann");
		HttpResponse<String> blank = ann.postMulti("/activities/views", Map.of("name", List.of(" "), "type", List.of("CALL")));
		assertThat(blank.headers().firstValue("Location").orElseThrow()).endsWith("/activities");
		assertThat(ann.get("/activities").body()).contains("Name of the view: must not be blank");
		save(ann, "Calls", "CALL", false);
		save(ann, "calls", "CALL", false);
		assertThat(ann.get("/activities").body()).contains("Name of the view: you already have a view of this list with this name");
		HttpResponse<String> sorted = ann.postMulti("/activities/views", Map.of("name", List.of("Sorted"), "sort", List.of("-amount")));
		assertThat(sorted.headers().firstValue("Location").orElseThrow()).endsWith("/activities");
		assertThat(ann.get("/activities").body()).contains("sort: ").doesNotContain(">Sorted</a>");
	}

	/** Saves a view of the activities of one type, answering where it sends the browser. */
	private static String save(WebSession session, String name, String type, boolean shared) {
		HttpResponse<String> saved = session.postMulti("/activities/views", Map.of("name", List.of(name), "type", List.of(type),
				"shared", List.of(String.valueOf(shared))));
		assertThat(saved.statusCode()).isEqualTo(302);
		String location = saved.headers().firstValue("Location").orElseThrow();
		return location.substring(location.indexOf("/activities"));
	}

	private WebSession session(String name) {
		return WebSession.signedIn(port, name + "@" + domain, PASSWORD);
	}
}
