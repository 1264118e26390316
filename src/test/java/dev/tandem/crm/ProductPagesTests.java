package dev.tandem.crm;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product catalogue page and the deal page's line items card, on an organisation of the test's own in euros:
 * the admin adds, edits (a stale version is told who changed it) and deactivates products, a rep may not open the
 * page; the rep puts line items on a deal through the card, whose total (3 × 1,200.00 less 10% + 1 × 499.99 =
 * 3,739.99) becomes the amount, and a bad quantity is named with its rule.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductPagesTests {

	private static final String PASSWORD = "product-pages-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired ProductManagement products;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;

	CurrentUser first;
	CurrentUser ria;
	String domain;

	@BeforeAll
	void openOrganisation() {
		domain = "product-pages-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		first = organisations.open(new NewOrganisation("Pages " + domain, "Europe/Amsterdam", "EUR", "en", 1), "admin@" + domain,
				"Admin", PASSWORD);
		UUID id = users.create(first, new NewUser("ria@" + domain, "Ria", Role.REP, "en", PASSWORD, List.of())).user().id();
		users.create(first, new NewUser("anke@" + domain, "Anke", Role.ADMIN, "nl", PASSWORD, List.of()));
		ria = new CurrentUser(first.orgId(), id, "ria@" + domain, "Ria", Role.REP, "en");
	}

	@Test
	void theAdminKeepsTheCatalogueOnItsPage() {
		WebSession admin = WebSession.signedIn(port, "admin@" + domain, PASSWORD);
		WebSession riaWeb = WebSession.signedIn(port, "ria@" + domain, PASSWORD);
		assertThat(riaWeb.get("/admin/products").statusCode()).isEqualTo(403);
		assertThat(riaWeb.get("/my-day").body()).doesNotContain("href=\"/admin/products\"");
		assertThat(admin.get("/my-day").body()).contains("href=\"/admin/products\"");

		HttpResponse<String> added = admin.post("/admin/products", Map.of("name", "Gateway", "code", "GW", "priceCurrency", "EUR",
				"priceAmount", "1200"));
		assertThat(added.statusCode()).isEqualTo(302);
		Product gateway = products.list(first, true).stream().filter(p -> p.name().equals("Gateway")).findFirst().orElseThrow();
		assertThat(gateway.prices()).containsEntry("EUR", new BigDecimal("1200.00"));
		String page = admin.get("/admin/products").body();
		assertThat(page).contains("Product Gateway added.", "<strong>Gateway</strong>", "GW", "1,200.00");

		HttpResponse<String> taken = admin.post("/admin/products", Map.of("name", "gateway", "priceCurrency", "EUR", "priceAmount", "5"));
		assertThat(taken.statusCode()).isEqualTo(302);
		assertThat(admin.get("/admin/products").body()).contains("Name: another product already has this name");
		admin.post("/admin/products", Map.of("name", "Bad price", "priceCurrency", "EUR", "priceAmount", "twelve"));
		assertThat(admin.get("/admin/products").body()).contains("Prices: a number, e.g. 1250.50");

		admin.postMulti("/admin/products/" + gateway.id(), Map.of("version", List.of("0"), "name", List.of("Gateway Pro"),
				"code", List.of("GW"), "active", List.of("true"), "priceCurrency", List.of("EUR", "usd"), "priceAmount", List.of("1250", "1400")));
		assertThat(admin.get("/admin/products").body()).contains("Product Gateway Pro saved.", "1,400.00", "USD");
		Product renamed = products.get(first, gateway.id());
		assertThat(renamed.name()).isEqualTo("Gateway Pro");
		assertThat(renamed.prices()).containsEntry("EUR", new BigDecimal("1250.00")).containsEntry("USD", new BigDecimal("1400.00"));
		assertThat(renamed.version()).isEqualTo(1);

		admin.postMulti("/admin/products/" + gateway.id(), Map.of("version", List.of("0"), "name", List.of("Stale"),
				"priceCurrency", List.of("EUR"), "priceAmount", List.of("1")));
		assertThat(admin.get("/admin/products").body()).contains("Admin changed this in the meantime");
		assertThat(products.get(first, gateway.id()).name()).isEqualTo("Gateway Pro");

		admin.post("/admin/products/" + gateway.id() + "/deactivate", Map.of("version", "1"));
		assertThat(products.get(first, gateway.id()).active()).isFalse();
		assertThat(admin.get("/admin/products").body()).contains("Product Gateway Pro deactivated", "Inactive");
		String dutch = WebSession.signedIn(port, "anke@" + domain, PASSWORD).get("/admin/products").body();
		assertThat(dutch).contains("<strong>Gateway Pro</strong>", "Inactief", "Nieuw product", "Prijs in EUR");
	}

	@Test
	void aRepPutsLineItemsOnTheDealPage() {
		Product licence = products.create(first, new ProductInput("Licence", "LIC", true, Map.of("EUR", new BigDecimal("1200"))));
		Product support = products.create(first, new ProductInput("Support", null, true, Map.of("EUR", new BigDecimal("499.99"))));
		CurrentUser riaUser = ria;
		Account account = accounts.create(riaUser, new NewAccount("Lines Customer", null, null, "NL", null, null));
		Deal deal = deals.create(riaUser, new NewDeal(account.id(), "Lines sale", new BigDecimal("100"), null, null, null, null,
				DealSource.INBOUND, null, null), null);
		WebSession riaWeb = WebSession.signedIn(port, "ria@" + domain, PASSWORD);
		String page = riaWeb.get("/deals/" + deal.id()).body();
		assertThat(page).contains("Line items", "No line items: the amount is entered by hand.").doesNotContain("Computed from the line items.");

		HttpResponse<String> more = riaWeb.postMulti("/deals/" + deal.id() + "/lines", Map.of("version", List.of("0"), "op", List.of("add"),
				"productId", List.of(licence.id().toString()), "quantity", List.of("3"), "unitPrice", List.of(""), "discount", List.of("10")));
		assertThat(more.statusCode()).isEqualTo(200);
		assertThat(more.body().split("name=\"productId\"", -1)).hasSize(3);
		assertThat(deals.get(riaUser, deal.id()).version()).isZero();

		HttpResponse<String> bad = riaWeb.postMulti("/deals/" + deal.id() + "/lines", Map.of("version", List.of("0"),
				"productId", List.of(licence.id().toString(), support.id().toString()), "quantity", List.of("3", "0"),
				"unitPrice", List.of("", ""), "discount", List.of("10", "")));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Quantity: must be more than zero");
		assertThat(deals.get(riaUser, deal.id()).amount()).isEqualByComparingTo("100");

		HttpResponse<String> saved = riaWeb.postMulti("/deals/" + deal.id() + "/lines", Map.of("version", List.of("0"), "op", List.of("save"),
				"productId", List.of(licence.id().toString(), support.id().toString(), ""), "quantity", List.of("3", "1", ""),
				"unitPrice", List.of("", "", ""), "discount", List.of("10", "", "")));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(deals.get(riaUser, deal.id()).amount()).isEqualByComparingTo("3739.99");
		page = riaWeb.get("/deals/" + deal.id()).body();
		assertThat(page).contains("Line items saved; the amount is now", "3,739.99", "3,240<", "Computed from the line items.", "readonly");

		HttpResponse<String> stale = riaWeb.postMulti("/deals/" + deal.id() + "/lines", Map.of("version", List.of("0"),
				"productId", List.of(support.id().toString()), "quantity", List.of("2"), "unitPrice", List.of(""), "discount", List.of("")));
		assertThat(stale.body()).contains("Ria changed this in the meantime");
		assertThat(deals.get(riaUser, deal.id()).amount()).isEqualByComparingTo("3739.99");
	}
}
