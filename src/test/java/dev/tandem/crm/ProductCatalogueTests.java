package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The product catalogue on two organisations of the test's own: only an admin adds, changes and deactivates products,
 * everyone of the organisation reads them with their price per currency, nobody of another organisation sees them,
 * and a stale edit gets the conflict.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductCatalogueTests {

	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired ProductManagement products;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired DealLineManagement lines;

	CurrentUser admin;
	CurrentUser rep;
	CurrentUser otherAdmin;

	@BeforeAll
	void openOrganisations() {
		admin = open("EUR");
		otherAdmin = open("USD");
		String email = "rep-" + UUID.randomUUID().toString().substring(0, 8) + "@catalogue.test";
		UUID id = users.create(admin, new NewUser(email, "Rep", Role.REP, "en", "catalogue-passw0rd", List.of())).user().id();
		rep = new CurrentUser(admin.orgId(), id, email, "Rep", Role.REP, "en");
	}

	private CurrentUser open(String currency) {
		String domain = "catalogue-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		return organisations.open(new NewOrganisation("Catalogue " + domain, "Europe/Amsterdam", currency, "en", 1), "admin@" + domain,
				"Admin", "catalogue-passw0rd");
	}

	@Test
	void anAdminKeepsAPriceListPerCurrencyRoundedToCents() {
		Product made = products.create(admin, new ProductInput("  GTX Pro ", " GTX-1 ", true,
				Map.of("eur", new BigDecimal("1200"), "USD", new BigDecimal("1299.995"))));

		assertThat(made.name()).isEqualTo("GTX Pro");
		assertThat(made.code()).isEqualTo("GTX-1");
		assertThat(made.prices()).containsOnlyKeys("EUR", "USD");
		assertThat(made.priceIn("EUR")).isEqualByComparingTo("1200.00");
		assertThat(made.priceIn("USD")).isEqualByComparingTo("1300.00");
		assertThat(made.priceIn("GBP")).isNull();
		assertThat(products.get(rep, made.id()).prices()).isEqualTo(made.prices());
	}

	@Test
	void onlyAnAdminChangesTheCatalogue() {
		assertThatThrownBy(() -> products.create(rep, new ProductInput("Rep's product", null, true, Map.of())))
			.isInstanceOf(AccessDeniedException.class);
		Product made = products.create(admin, new ProductInput("Admin's product", null, true, Map.of()));
		assertThatThrownBy(() -> products.update(rep, made.id(), made.version(), new ProductInput("Renamed", null, true, Map.of())))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> products.deactivate(rep, made.id(), made.version())).isInstanceOf(AccessDeniedException.class);
		assertThat(products.get(admin, made.id()).name()).isEqualTo("Admin's product");
	}

	@Test
	void anotherOrganisationNeitherSeesNorChangesTheProducts() {
		Product made = products.create(admin, new ProductInput("Ours only", null, true, Map.of("EUR", BigDecimal.TEN)));

		assertThat(products.list(otherAdmin, true)).extracting(Product::id).doesNotContain(made.id());
		assertThatThrownBy(() -> products.get(otherAdmin, made.id())).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> products.update(otherAdmin, made.id(), made.version(), new ProductInput("Taken", null, true, Map.of())))
			.isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void aStaleEditGetsTheConflict() {
		Product made = products.create(admin, new ProductInput("Versioned", null, true, Map.of("EUR", BigDecimal.ONE)));
		Product changed = products.update(admin, made.id(), made.version(),
				new ProductInput("Versioned", null, true, Map.of("EUR", new BigDecimal("2.50"))));

		assertThat(changed.version()).isEqualTo(made.version() + 1);
		assertThat(changed.prices()).containsOnlyKeys("EUR");
		assertThat(changed.priceIn("EUR")).isEqualByComparingTo("2.50");
		assertThatThrownBy(() -> products.update(admin, made.id(), made.version(), new ProductInput("Lost", null, true, Map.of())))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(products.get(admin, made.id()).name()).isEqualTo("Versioned");
	}

	@Test
	void namesAndCodesAreUniqueWithoutCaseAndCurrenciesMustBeReal() {
		products.create(admin, new ProductInput("Unique", "U-1", true, Map.of()));

		assertThatThrownBy(() -> products.create(admin, new ProductInput("UNIQUE", "u-1", true, Map.of("XYZ", BigDecimal.ONE))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(FieldProblem::field, FieldProblem::messageKey)
				.containsExactly(tuple("name", "validation.product.name-taken"), tuple("code", "validation.product.code-taken"),
						tuple("prices", "validation.currency.unknown")));
		assertThat(products.list(admin, true)).extracting(Product::name).filteredOn(n -> n.equalsIgnoreCase("unique")).hasSize(1);
	}

	@Test
	void aDeactivatedProductLeavesTheCatalogueButNotTheLinesThatSoldIt() {
		Product made = products.create(admin, new ProductInput("Retired", null, true, Map.of("EUR", new BigDecimal("80.00"))));
		UUID account = accounts.create(rep, new NewAccount("Catalogue Customer " + made.id(), null, null, null, null, null)).id();
		Deal deal = deals.create(rep, new NewDeal(account, "Retired sale", null, null, null, null, null, null, null, null), null);
		Deal sold = lines.replace(rep, deal.id(), deal.version(), List.of(new NewDealLine(made.id(), new BigDecimal("2"), null, null)));

		Product retired = products.deactivate(admin, made.id(), made.version());

		assertThat(retired.active()).isFalse();
		assertThat(products.list(rep, false)).extracting(Product::id).doesNotContain(made.id());
		assertThat(products.list(rep, true)).extracting(Product::id).contains(made.id());
		assertThat(lines.lines(rep, deal.id())).extracting(DealLine::productName).containsExactly("Retired");
		// The line that sold it may stay on the deal; a new deal may not take it.
		Deal kept = lines.replace(rep, deal.id(), sold.version(), List.of(new NewDealLine(made.id(), new BigDecimal("3"), null, null)));
		assertThat(kept.amount()).isEqualByComparingTo("240.00");
		Deal other = deals.create(rep, new NewDeal(account, "New sale", null, null, null, null, null, null, null, null), null);
		assertThatThrownBy(() -> lines.replace(rep, other.id(), other.version(), List.of(new NewDealLine(made.id(), BigDecimal.ONE, null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::messageKey)
				.containsExactly("validation.product.unknown"));
	}

	@Test
	void aLineWithoutUnitPriceTakesTheOrganisationsCurrencyAndWithoutOneAsksForIt() {
		Product dollars = products.create(otherAdmin, new ProductInput("Dollar product", null, true,
				Map.of("EUR", new BigDecimal("90.00"), "USD", new BigDecimal("100.00"))));
		Product eurosOnly = products.create(otherAdmin, new ProductInput("Euro product", null, true, Map.of("EUR", new BigDecimal("90.00"))));
		UUID account = accounts.create(otherAdmin, new NewAccount("Dollar Customer", null, null, null, null, null)).id();
		Deal deal = deals.create(otherAdmin, new NewDeal(account, "Dollar sale", null, null, null, null, null, null, null, null), null);

		assertThat(lines.replace(otherAdmin, deal.id(), deal.version(), List.of(new NewDealLine(dollars.id(), new BigDecimal("2"), null, null)))
			.amount()).isEqualByComparingTo("200.00");
		Deal now = deals.get(otherAdmin, deal.id());
		assertThatThrownBy(() -> lines.replace(otherAdmin, deal.id(), now.version(), List.of(new NewDealLine(eurosOnly.id(), BigDecimal.ONE, null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(tuple("lines[0].unitPrice", "validation.line.no-price")));
	}
}
