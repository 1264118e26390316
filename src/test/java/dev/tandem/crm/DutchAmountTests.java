package dev.tandem.crm;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts in forms as a Dutch rep writes them: the deal page shows {@code 12.000,00} and takes {@code 7.500,50}; an
 * English one sees {@code 12,000.00}; a value that is no amount is refused naming the field.
 */
@TandemIntegrationTest
class DutchAmountTests {

	private static final String PASSWORD = "dutch-amounts-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;

	@Test
	void aDutchRepSeesAndTypesAmountsTheDutchWay() {
		String domain = "amounts-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Bedragen " + domain, "Europe/Amsterdam", "EUR", "nl", 1),
				"admin@" + domain, "Admin", PASSWORD);
		users.create(admin, new NewUser("rik@" + domain, "Rik", Role.REP, "nl", PASSWORD, List.of()));
		users.create(admin, new NewUser("eve@" + domain, "Eve", Role.ADMIN, "en", PASSWORD, List.of()));
		ApiClient rik = ApiClient.as(port, "rik@" + domain, PASSWORD);
		String account = rik.post("/api/v1/accounts", "{\"name\":\"Bakkerij Jansen\"}").json().get("id").asString();
		JsonNode deal = rik.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Ovens\",\"amount\":12000}").json();
		String id = deal.get("id").asString();

		WebSession web = WebSession.signedIn(port, "rik@" + domain, PASSWORD);
		assertThat(web.get("/deals/" + id).body()).contains("value=\"12.000,00\"");
		assertThat(WebSession.signedIn(port, "eve@" + domain, PASSWORD).get("/deals/" + id).body()).contains("value=\"12,000.00\"");

		HttpResponse<String> saved = web.post("/deals/" + id, form(deal, "7.500,50"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(rik.get("/api/v1/deals/" + id).json().get("amount").decimalValue()).isEqualByComparingTo("7500.50");

		JsonNode now = rik.get("/api/v1/deals/" + id).json();
		HttpResponse<String> refused = web.post("/deals/" + id, form(now, "zeven"), Map.of("Accept", "text/html"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("amount: ", "zeven");
		assertThat(rik.get("/api/v1/deals/" + id).json().get("amount").decimalValue()).isEqualByComparingTo("7500.50");
	}

	private static Map<String, String> form(JsonNode deal, String amount) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", deal.get("version").asString());
		form.put("title", deal.get("title").asString());
		form.put("amount", amount);
		form.put("ownerId", deal.get("ownerId").asString());
		form.put("forecastCategory", deal.get("forecastCategory").asString());
		form.put("source", deal.get("source").asString());
		return form;
	}
}
