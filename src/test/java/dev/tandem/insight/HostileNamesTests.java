package dev.tandem.insight;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A display name written as markup shows as text on the dashboards and in their chart data; it never becomes an
 * element of the page.
 */
@TandemIntegrationTest
class HostileNamesTests {

	private static final String NAME = "</script><img src=x onerror=alert(1)>";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired Clock clock;

	@Test
	void aNameWithMarkupStaysTextOnTheTeamDashboard() {
		String domain = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Hostile " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", "admin-password");
		User manager = users.create(admin, new NewUser("boss@" + domain, "Boss", Role.MANAGER, "en", "password-1", List.of())).user();
		Team team = teams.create(admin, new NewTeam("Sales", TeamKind.SALES, null, manager.id()));
		User rep = users.create(admin, new NewUser("rep@" + domain, NAME, Role.REP, "en", "password-1", List.of())).user();
		teams.addMember(admin, team.id(), rep.id(), LocalDate.now(clock).minusMonths(2));

		HttpResponse<String> page = WebSession.signedIn(port, "boss@" + domain, "password-1").get("/insight/teams/" + team.id());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("<img src=x").doesNotContain("</script><img");
		// The name is on the page, escaped: in the people table and in the chart data.
		assertThat(page.body()).contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
		assertThat(page.body()).contains("\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e");
	}
}
