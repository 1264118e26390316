package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Line items of deals on an organisation of the test's own (in euros), with reps Ria and Otto and a catalogue of a
 * licence at 1,200.00 and support at 499.99: the lines' total becomes the deal's amount and its history, only whoever
 * may change the deal changes its lines, a stale page gets the conflict and the amount cannot be typed over the lines.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealLineTests {

	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired DealLineManagement lines;
	@Autowired ProductManagement products;

	CurrentUser admin;
	CurrentUser ria;
	CurrentUser otto;
	UUID licence;
	UUID support;
	UUID account;

	@BeforeAll
	void openOrganisation() {
		String domain = "lines-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		admin = organisations.open(new NewOrganisation("Lines " + domain, "Europe/Amsterdam", "EUR", "en", 1), "admin@" + domain,
				"Admin", "lines-passw0rd-1");
		ria = rep("ria@" + domain, "Ria");
		otto = rep("otto@" + domain, "Otto");
		licence = products.create(admin, new ProductInput("Licence", "LIC", true,
				Map.of("EUR", new BigDecimal("1200.00"), "USD", new BigDecimal("1300.00")))).id();
		support = products.create(admin, new ProductInput("Support", null, true, Map.of("EUR", new BigDecimal("499.99")))).id();
		account = accounts.create(ria, new NewAccount("Lines Customer", null, null, null, null, null)).id();
	}

	private CurrentUser rep(String email, String name) {
		UUID id = users.create(admin, new NewUser(email, name, Role.REP, "en", "lines-passw0rd-1", List.of())).user().id();
		return new CurrentUser(admin.orgId(), id, email, name, Role.REP, "en");
	}

	private Deal deal(String title) {
		return deals.create(ria, new NewDeal(account, title, new BigDecimal("1000.00"), null, null, null, null, null, null, null), null);
	}

	private List<NewDealLine> threeLicencesAndSupport() {
		return List.of(new NewDealLine(licence, new BigDecimal("3"), null, new BigDecimal("10")),
				new NewDealLine(support, BigDecimal.ONE, null, null));
	}

	@Test
	void theLinesTotalBecomesTheDealAmountAndItsHistory() {
		Deal deal = deal("Three licences");

		Deal changed = lines.replace(ria, deal.id(), deal.version(), threeLicencesAndSupport());

		// 3 × 1,200.00 less 10 % = 3,240.00; 1 × 499.99 = 499.99; together 3,739.99.
		assertThat(changed.amount()).isEqualByComparingTo("3739.99");
		assertThat(changed.version()).isEqualTo(deal.version() + 1);
		List<DealLine> saved = lines.lines(ria, deal.id());
		assertThat(saved).extracting(DealLine::productName, DealLine::position).containsExactly(
				org.assertj.core.groups.Tuple.tuple("Licence", 1), org.assertj.core.groups.Tuple.tuple("Support", 2));
		assertThat(saved).extracting(DealLine::total).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("3240.00"), new BigDecimal("499.99"));
		assertThat(saved.get(0).unitPrice()).isEqualByComparingTo("1200.00");
		assertThat(DealLineManagement.total(saved)).isEqualByComparingTo("3739.99");
		assertThat(deals.history(ria, deal.id())).filteredOn(e -> e.field().equals("amount"))
			.extracting(DealHistoryEntry::oldValue, DealHistoryEntry::newValue)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("1000.00", "3739.99"));
	}

	@Test
	void anEnteredUnitPriceAndAFractionalDiscountRoundToCentsPerLine() {
		Deal deal = deal("Odd discount");

		// 7 × 33.33 = 233.31, less 12.5 % = 204.146 25, so 204.15.
		Deal changed = lines.replace(ria, deal.id(), deal.version(),
				List.of(new NewDealLine(support, new BigDecimal("7"), new BigDecimal("33.33"), new BigDecimal("12.5"))));

		assertThat(changed.amount()).isEqualByComparingTo("204.15");
	}

	@Test
	void whileADealHasLinesItsAmountIsNotTypedOverThemAndWithoutThemItIs() {
		Deal deal = deal("Follows lines");
		Deal withLines = lines.replace(ria, deal.id(), deal.version(), threeLicencesAndSupport());

		assertThatThrownBy(() -> deals.update(ria, deal.id(), amountChange(withLines.version(), "5000.00")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(FieldProblem::field, FieldProblem::messageKey)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("amount", "validation.deal.amount-follows-lines")));

		Deal without = lines.replace(ria, deal.id(), withLines.version(), List.of());
		assertThat(without.amount()).isEqualByComparingTo("3739.99");
		assertThat(lines.lines(ria, deal.id())).isEmpty();
		assertThat(deals.update(ria, deal.id(), amountChange(without.version(), "5000.00")).amount()).isEqualByComparingTo("5000.00");
	}

	@Test
	void aStalePageGetsTheConflictAndTheLinesStayAsTheyWere() {
		Deal deal = deal("Stale");
		lines.replace(ria, deal.id(), deal.version(), threeLicencesAndSupport());

		assertThatThrownBy(() -> lines.replace(ria, deal.id(), deal.version(), List.of(new NewDealLine(support, BigDecimal.ONE, null, null))))
			.isInstanceOf(ConcurrentEditException.class);

		assertThat(lines.lines(ria, deal.id())).hasSize(2);
		assertThat(deals.get(ria, deal.id()).amount()).isEqualByComparingTo("3739.99");
	}

	@Test
	void aRepWhoMayNotSeeTheDealNeitherSeesNorChangesItsLines() {
		Deal deal = deal("Ria's own");

		assertThatThrownBy(() -> lines.lines(otto, deal.id())).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> lines.replace(otto, deal.id(), deal.version(), threeLicencesAndSupport()))
			.isInstanceOf(RecordNotFoundException.class);
		assertThat(deals.get(ria, deal.id()).amount()).isEqualByComparingTo("1000.00");
		// The admin may change any deal of the organisation, so its lines too.
		assertThat(lines.replace(admin, deal.id(), deal.version(), threeLicencesAndSupport()).amount()).isEqualByComparingTo("3739.99");
	}

	@Test
	void badLinesAreRefusedFieldByField() {
		Deal deal = deal("Bad lines");

		assertThatThrownBy(() -> lines.replace(ria, deal.id(), deal.version(), List.of(
				new NewDealLine(UUID.randomUUID(), BigDecimal.ONE, null, null),
				new NewDealLine(support, BigDecimal.ZERO, null, new BigDecimal("101")))))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
				.extracting(FieldProblem::field, FieldProblem::messageKey)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("lines[0].productId", "validation.product.unknown"),
						org.assertj.core.groups.Tuple.tuple("lines[1].quantity", "validation.line.quantity"),
						org.assertj.core.groups.Tuple.tuple("lines[1].discountPercent", "validation.line.discount")));
		assertThat(lines.lines(ria, deal.id())).isEmpty();
		assertThat(deals.get(ria, deal.id()).version()).isEqualTo(deal.version());
	}

	private static DealChanges amountChange(int version, String amount) {
		return new DealChanges(version, Set.of("amount"), null, new BigDecimal(amount), null, null, null, null, null, null, null);
	}
}
