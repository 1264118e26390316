package dev.tandem.people;

import java.util.ArrayList;
import java.util.List;

import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may look up whom in the user directory and a team's routing weights, as every role of the demo organisation.
 */
@TandemIntegrationTest
class DirectoryTests {

	private static final List<String> INSIDE_SALES = List.of("sanne@northwind.demo", "daan@northwind.demo", "emma@northwind.demo",
			"liam@northwind.demo", "julia@northwind.demo", "noah@northwind.demo", "lotte@northwind.demo");

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	@Test
	void aRepSeesTheirTeamAndTheirLineAPartnerTheirDepartment() {
		List<String> sanneSees = new ArrayList<>(INSIDE_SALES);
		sanneSees.addAll(List.of("brigitte@northwind.demo", "suzanne@northwind.demo"));
		assertThat(emails(Demo.REP)).containsExactlyInAnyOrderElementsOf(sanneSees);
		// Ahmed is Operations on his own: himself, no one else's e-mail address.
		assertThat(emails("ahmed@northwind.demo")).containsExactly("ahmed@northwind.demo");
		// Brigitte leads Inside Sales: her team and her own manager.
		List<String> brigitteSees = new ArrayList<>(INSIDE_SALES);
		brigitteSees.addAll(List.of("brigitte@northwind.demo", "suzanne@northwind.demo"));
		assertThat(emails(Demo.MANAGER)).containsExactlyInAnyOrderElementsOf(brigitteSees);
		long northwind = jdbc.sql("select count(*) from people_user where email like '%@northwind.demo'").query(Long.class).single();
		assertThat(total(Demo.ADMIN)).isEqualTo(northwind);
		assertThat(total(Demo.EXECUTIVE)).isGreaterThanOrEqualTo(1 + 3 + 20);
	}

	@Test
	void aProfileOutsideTheDirectoryIsNotFound() {
		String thomas = "/api/v1/users/" + Demo.userId(jdbc, "thomas@northwind.demo");
		String daan = "/api/v1/users/" + Demo.userId(jdbc, "daan@northwind.demo");
		assertThat(ApiClient.as(port, Demo.REP, Demo.PASSWORD).get(thomas).status()).isEqualTo(404);
		assertThat(ApiClient.as(port, Demo.REP, Demo.PASSWORD).get(daan).status()).isEqualTo(200);
		assertThat(ApiClient.as(port, "ahmed@northwind.demo", Demo.PASSWORD).get(daan).status()).isEqualTo(404);
		assertThat(ApiClient.as(port, "mark@northwind.demo", Demo.PASSWORD).get(thomas).status()).isEqualTo(200);
		assertThat(ApiClient.as(port, Demo.OTHER_TENANT_MANAGER, Demo.PASSWORD).get(daan).status()).isEqualTo(404);
	}

	@Test
	void routingWeightsAreForTheTeamsOwnRepsAndThoseWhoRouteItsLeads() {
		String enterprise = "/api/v1/teams/" + Demo.teamId(jdbc, "Enterprise") + "/routing-weights";
		String inside = "/api/v1/teams/" + Demo.teamId(jdbc, "Inside Sales") + "/routing-weights";
		assertThat(ApiClient.as(port, Demo.REP, Demo.PASSWORD).get(enterprise).status()).isEqualTo(404);
		assertThat(ApiClient.as(port, Demo.REP, Demo.PASSWORD).get(inside).status()).isEqualTo(200);
		// A partner's role is refused the routing weights before the team is looked up.
		assertThat(ApiClient.as(port, "ahmed@northwind.demo", Demo.PASSWORD).get(inside).status()).isEqualTo(403);
		assertThat(ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD).get(enterprise).status()).isEqualTo(404);
		assertThat(ApiClient.as(port, "mark@northwind.demo", Demo.PASSWORD).get(enterprise).status()).isEqualTo(200);
		assertThat(ApiClient.as(port, Demo.EXECUTIVE, Demo.PASSWORD).get(enterprise).status()).isEqualTo(200);
		assertThat(ApiClient.as(port, Demo.ADMIN, Demo.PASSWORD).get(enterprise).status()).isEqualTo(200);
		assertThat(ApiClient.as(port, Demo.OTHER_TENANT_MANAGER, Demo.PASSWORD).get(inside).status()).isEqualTo(404);
	}

	private List<String> emails(String who) {
		List<String> emails = new ArrayList<>();
		ApiClient.as(port, who, Demo.PASSWORD).get("/api/v1/users?limit=500").json().get("items")
			.forEach(u -> emails.add(u.get("email").asString()));
		return emails;
	}

	private long total(String who) {
		return ApiClient.as(port, who, Demo.PASSWORD).get("/api/v1/users?limit=500").json().get("total").asLong();
	}
}
