package dev.tandem.insight;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.tandem.crm.ActivityManagement;
import dev.tandem.crm.NewActivity;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.playbook.ActivityType;
import dev.tandem.support.SmallTeam;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drill-down longer than a page pages through every record and keeps its true total, and its CSV holds them all:
 * in Team A ({@link SmallTeam}) Ann made 150 calls and Ben 120 emails in November 2026 (the pinned day, 18 November),
 * and Ann one call in October that does not count. Mia, who leads the team, sees 150 + 120 = 270 in pages of 100
 * (100, 100, 70); Ann, a member, sees her own 150 (100, 50), and Ben, who reads Dutch, his own 120 (100, 20).
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrillDownPagingTests {

	private static final String PASSWORD = "drill-paging-passw0rd";
	private static final Pattern ROW = Pattern.compile("<tr>\\s*<td class=\"nowrap\">");

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired ActivityManagement activities;

	String domain;
	String path;

	@BeforeAll
	void organisation() {
		SmallTeam org = SmallTeam.open(organisations, users, teams, "paging", PASSWORD, "nl");
		domain = org.domain();
		path = "/insight/records?scope=team:" + org.teamA() + "&period=2026-11&what=activities";
		for (int i = 1; i <= 150; i++) {
			log(org.ann(), ActivityType.CALL, "Ann call " + i, null);
		}
		for (int i = 1; i <= 120; i++) {
			log(org.ben(), ActivityType.EMAIL, "Ben email " + i, null);
		}
		log(org.ann(), ActivityType.CALL, "Ann october call", Instant.parse("2026-10-20T09:00:00Z"));
	}

	@Test
	void theLeaderPagesThroughAllRecordsWithTheTrueTotal() {
		WebSession mia = session("mia");
		String first = mia.get(path).body();
		assertThat(first).contains("270 found", "1–100 of 270", "page=1\">Next</a>").doesNotContain(">Previous</a>", "Ann october");
		assertThat(rows(first)).isEqualTo(100);
		String second = mia.get(path + "&page=1").body();
		assertThat(second).contains("270 found", "101–200 of 270", "page=0\">Previous</a>", "page=2\">Next</a>");
		assertThat(rows(second)).isEqualTo(100);
		String last = mia.get(path + "&page=2").body();
		assertThat(last).contains("270 found", "201–270 of 270", "page=1\">Previous</a>").doesNotContain(">Next</a>");
		assertThat(rows(last)).isEqualTo(70);
		String beyond = mia.get(path + "&page=9").body();
		assertThat(beyond).contains("270 found");
		assertThat(rows(beyond)).isZero();
	}

	@Test
	void htmxGetsOnlyTheListOfTheAskedPage() {
		String fragment = session("mia").get(path + "&page=1", Map.of("HX-Request", "true")).body();
		assertThat(fragment).doesNotContain("<html", "<h1").contains("id=\"records\"", "270 found", "101–200 of 270",
				"hx-boost=\"true\"");
		assertThat(rows(fragment)).isEqualTo(100);
	}

	@Test
	void theFileHoldsEveryRecordNotOnlyAPage() {
		String csv = session("mia").get(path + "&format=csv").body();
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(1 + 270);
		assertThat(lines.stream().filter(l -> l.contains(",CALL,")).count()).isEqualTo(150);
		assertThat(lines.stream().filter(l -> l.contains(",EMAIL,")).count()).isEqualTo(120);
		assertThat(csv).contains("Ann call 1,", "Ann call 150,", "Ben email 120,").doesNotContain("Ann october");
	}

	@Test
	void aMemberPagesThroughTheirOwnRecordsOnly() {
		WebSession ann = session("ann");
		String first = ann.get(path).body();
		assertThat(first).contains("150 found", "1–100 of 150").doesNotContain("Ben email");
		assertThat(rows(first)).isEqualTo(100);
		String second = ann.get(path + "&page=1").body();
		assertThat(second).contains("101–150 of 150").doesNotContain("Ben email", ">Next</a>");
		assertThat(rows(second)).isEqualTo(50);
		assertThat(ann.get(path + "&format=csv").body().lines().count()).isEqualTo(1 + 150);
	}

	@Test
	void theDutchPageSaysTheRangeInDutch() {
		String page = session("ben").get(path + "&page=1").body();
		assertThat(page).contains("120 gevonden", "101–120 van 120", ">Vorige</a>").doesNotContain("Ann call", ">Volgende</a>");
		assertThat(rows(page)).isEqualTo(20);
	}

	private void log(CurrentUser owner, ActivityType type, String subject, Instant occurredAt) {
		activities.log(owner, new NewActivity(type, subject, null, null, null, null, null, occurredAt, null, null, null, null, null,
				null), null);
	}

	private static long rows(String html) {
		return ROW.matcher(html).results().count();
	}

	private WebSession session(String name) {
		return WebSession.signedIn(port, name + "@" + domain, PASSWORD);
	}
}
