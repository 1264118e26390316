package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Products and line items through the JSON API, on an organisation of the test's own (in euros) with reps Ria and
 * Otto: the admin adds products, a rep may not (403), and whoever may change a deal puts its lines, whose total
 * becomes the deal's amount; a stale version answers 409 and a deal one may not see 404.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductApiTests {

	private static final String PASSWORD = "product-api-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;

	ApiClient admin;
	ApiClient ria;
	ApiClient otto;

	@BeforeAll
	void openOrganisation() {
		String domain = "product-api-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser first = organisations.open(new NewOrganisation("Products " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		for (String rep : List.of("ria", "otto")) {
			users.create(first, new NewUser(rep + "@" + domain, rep, Role.REP, "en", PASSWORD, List.of()));
		}
		admin = ApiClient.as(port, "admin@" + domain, PASSWORD);
		ria = ApiClient.as(port, "ria@" + domain, PASSWORD);
		otto = ApiClient.as(port, "otto@" + domain, PASSWORD);
	}

	@Test
	void theAdminAddsProductsAndARepPutsLinesWhoseTotalIsTheAmount() {
		assertThat(ria.post("/api/v1/products", "{\"name\":\"Rep's own\",\"prices\":{\"EUR\":1}}").status()).isEqualTo(403);
		ApiClient.Response licence = admin.post("/api/v1/products", "{\"name\":\"Licence\",\"code\":\"LIC\",\"prices\":{\"EUR\":1200,\"USD\":1300}}");
		assertThat(licence.status()).as(licence.body()).isEqualTo(200);
		String renamed = "{\"version\":0,\"product\":{\"name\":\"Licence\",\"code\":\"LIC\",\"prices\":{\"EUR\":1200,\"USD\":1300}}}";
		assertThat(ria.put("/api/v1/products/" + licence.json().get("id").asString(), renamed).status()).isEqualTo(403);
		assertThat(admin.put("/api/v1/products/" + licence.json().get("id").asString(), renamed).json().get("version").asInt()).isEqualTo(1);
		assertThat(admin.put("/api/v1/products/" + licence.json().get("id").asString(), renamed).status()).isEqualTo(409);
		String support = admin.post("/api/v1/products", "{\"name\":\"Support\",\"prices\":{\"EUR\":499.99}}").json().get("id").asString();
		JsonNode catalogue = ria.get("/api/v1/products").json().get("items");
		assertThat(catalogue).extracting(p -> p.get("name").asString()).containsExactly("Licence", "Support");
		assertThat(catalogue.get(0).get("prices").get("USD").decimalValue()).isEqualByComparingTo("1300.00");

		String account = ria.post("/api/v1/accounts", "{\"name\":\"API Customer\"}").json().get("id").asString();
		JsonNode deal = ria.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"API sale\",\"amount\":100}").json();
		String id = deal.get("id").asString();
		String body = "{\"version\":" + deal.get("version").asInt() + ",\"lines\":[{\"productId\":\"" + licence.json().get("id").asString()
				+ "\",\"quantity\":3,\"discountPercent\":10},{\"productId\":\"" + support + "\",\"quantity\":1}]}";

		assertThat(otto.put("/api/v1/deals/" + id + "/lines", body).status()).isEqualTo(404);
		assertThat(otto.get("/api/v1/deals/" + id + "/lines").status()).isEqualTo(404);
		ApiClient.Response put = ria.put("/api/v1/deals/" + id + "/lines", body);
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(put.json().get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("3739.99"));
		assertThat(ria.put("/api/v1/deals/" + id + "/lines", body).status()).isEqualTo(409);
		JsonNode lines = ria.get("/api/v1/deals/" + id + "/lines").json().get("items");
		assertThat(lines).extracting(l -> l.get("total").decimalValue()).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("3240.00"), new BigDecimal("499.99"));
	}
}
