package dev.tandem.people;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user added without a language follows the browser's language after sign-in too, until they choose one; a user
 * added with a language, and one who chose, keep theirs whatever the browser says.
 */
@TandemIntegrationTest
class BrowserLanguageTests {

	private static final String PASSWORD = "browser-language-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;

	@Test
	void aNewUserFollowsTheBrowserUntilChoosingALanguage() {
		String domain = "lang-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Lang " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		users.create(admin, new NewUser("new@" + domain, "Nina New", Role.REP, null, PASSWORD, List.of()));
		users.create(admin, new NewUser("set@" + domain, "Sam Set", Role.REP, "en", PASSWORD, List.of()));

		WebSession dutchBrowser = new WebSession(port).language("nl,en;q=0.5");
		dutchBrowser.login("new@" + domain, PASSWORD);
		assertThat(dutchBrowser.get("/").body()).contains(">Pijplijn<").doesNotContain(">Pipeline<");

		WebSession set = new WebSession(port).language("nl");
		set.login("set@" + domain, PASSWORD);
		assertThat(set.get("/").body()).contains(">Pipeline<");

		// Choosing English holds against the Dutch browser, in this session and the next.
		dutchBrowser.post("/language", Map.of("lang", "en"));
		assertThat(dutchBrowser.get("/").body()).contains(">Pipeline<");
		WebSession again = new WebSession(port).language("nl");
		again.login("new@" + domain, PASSWORD);
		assertThat(again.get("/").body()).contains(">Pipeline<").doesNotContain(">Pijplijn<");
	}
}
