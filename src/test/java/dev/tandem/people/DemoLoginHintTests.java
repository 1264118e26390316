package dev.tandem.people;

import java.net.http.HttpResponse;

import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the demo organisation exists, the sign-in page tells its logins and the setup is gone; {@link SetupTests}
 * shows an installation without the demo telling none.
 */
@TandemIntegrationTest
class DemoLoginHintTests {

	@LocalServerPort int port;

	@Test
	void theDemoInstallationTellsItsLoginsAndOffersNoSetup() {
		WebSession web = new WebSession(port);
		HttpResponse<String> login = web.get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("brigitte@northwind.demo");
		assertThat(web.get("/setup").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}
}
