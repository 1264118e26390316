package dev.tandem.people.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Tenancy;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up at start: it signs its own requests in, and its header signs nothing in at any other time.
 */
@TandemIntegrationTest
class WarmUpTests {

	@LocalServerPort int port;
	@Autowired WarmUp warmUp;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;

	@Test
	void itRequestsTheHeavyPagesAsAnAdminAndAManagerOfTheLargestOrganisation() {
		// One organisation, two users (its admin, a manager leading a team), two pages each: all answered 200 and none
		// ended on the sign-in page.
		assertThat(warmUp.run(port, 1, List.of("/insight", "/forecast/backtest"))).isEqualTo(4);
	}

	@Test
	void itRunsBesideTheApplicationWithoutHoldingUpTheCaller() throws Exception {
		CompletableFuture<Integer> done = warmUp.start(port, 1, List.of("/insight", "/forecast/backtest"));
		// The caller (readiness, at start) gets on at once; the four requests are answered on the warm-up's thread.
		assertThat(done).isNotDone();
		assertThat(done.get(60, TimeUnit.SECONDS)).isEqualTo(4);
	}

	@Test
	void aTeamPathIsRequestedForEverySalesTeamByTheOrganisationsFirstUserOnly() {
		CurrentUser admin = users.startUpUsers(1).get(0);
		long sales = Tenancy.runAs(admin.orgId(), () -> teams.all(admin).stream().filter(t -> t.kind() == TeamKind.SALES).count());
		// Northwind: its company team, Inside Sales, Enterprise and Mid-Market (tests may add more); the manager asks for none.
		assertThat(sales).isGreaterThanOrEqualTo(4);
		assertThat(warmUp.run(port, 1, List.of("/insight/teams/{team}", "/forecast/teams/{team}"))).isEqualTo(2 * sales);
		assertThat(warmUp.run(port, 1, List.of("/insight/teams/{team}", "/goals"))).isEqualTo(sales + 2);
	}

	@Test
	void theHeaderSignsNothingInOutsideAWarmUp() {
		var response = new WebSession(port).get("/insight/overview", Map.of(WarmUp.HEADER, "guessed"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
	}
}
