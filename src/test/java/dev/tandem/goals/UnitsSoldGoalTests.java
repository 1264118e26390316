package dev.tandem.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.Deal;
import dev.tandem.crm.DealLineManagement;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.NewAccount;
import dev.tandem.crm.NewDeal;
import dev.tandem.crm.NewDealLine;
import dev.tandem.crm.ProductInput;
import dev.tandem.crm.ProductManagement;
import dev.tandem.crm.StageMove;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Period;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A goal on the units sold of one product, on an organisation of the test's own, in June 2026 (a closed month). Ria
 * wins two deals in June with 3 and 2 licences (and 1 support on the first), one in July with 4 licences, and keeps
 * one with 10 licences open; Otto wins 7 licences in June. Her goal of 10 licences for June stands at 3 + 2 = 5 (half
 * way), her goal of 2 support at 1; a units goal without a product is refused naming the field.
 */
@TandemIntegrationTest
class UnitsSoldGoalTests {

	private static final String PASSWORD = "units-sold-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired GoalManagement goals;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired DealLineManagement lines;
	@Autowired ProductManagement products;
	@Autowired PlaybookManagement playbook;

	@Test
	void aUnitsGoalCountsTheProductsLinesOfTheDealsWonInItsPeriod() {
		String domain = "units-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Units " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		CurrentUser ria = CurrentUser.of(users.create(admin, new NewUser("ria@" + domain, "Ria", Role.REP, "en", PASSWORD, List.of())).user());
		CurrentUser otto = CurrentUser.of(users.create(admin, new NewUser("otto@" + domain, "Otto", Role.REP, "en", PASSWORD, List.of())).user());
		UUID licence = products.create(admin, new ProductInput("Licence", "LIC", true, Map.of("EUR", new BigDecimal("1200")))).id();
		UUID support = products.create(admin, new ProductInput("Support", null, true, Map.of("EUR", new BigDecimal("499.99")))).id();

		won(ria, LocalDate.of(2026, 6, 15), List.of(line(licence, "3"), line(support, "1")));
		won(ria, LocalDate.of(2026, 6, 20), List.of(line(licence, "2")));
		won(ria, LocalDate.of(2026, 7, 2), List.of(line(licence, "4")));
		open(ria, LocalDate.of(2026, 6, 25), List.of(line(licence, "10")));
		won(otto, LocalDate.of(2026, 6, 10), List.of(line(licence, "7")));

		Period june = goals.period(ria, "2026-06", Period.Kind.MONTH);
		assertThatThrownBy(() -> goals.propose(ria, new NewGoal(Scope.user(ria.id()), GoalMetric.UNITS_SOLD, Set.of(),
				june, new BigDecimal("10"), null, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).anyMatch(p -> p.field().equals("productId") && p.messageKey().equals("validation.goal.product-needed")));
		assertThatThrownBy(() -> goals.propose(ria, new NewGoal(Scope.user(ria.id()), GoalMetric.WON_DEALS, Set.of(),
				june, new BigDecimal("10"), null, licence)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.problems()).anyMatch(p -> p.field().equals("productId")));

		goals.propose(ria, new NewGoal(Scope.user(ria.id()), GoalMetric.UNITS_SOLD, Set.of(), june, new BigDecimal("10"),
				null, licence));
		goals.propose(ria, new NewGoal(Scope.user(ria.id()), GoalMetric.UNITS_SOLD, Set.of(), june, new BigDecimal("2"),
				null, support));
		List<GoalProgress> progress = goals.progress(ria, goals.goals(ria, List.of(Scope.user(ria.id())), june));
		GoalProgress licences = progress.stream().filter(g -> licence.equals(g.goal().productId())).findFirst().orElseThrow();
		GoalProgress supports = progress.stream().filter(g -> support.equals(g.goal().productId())).findFirst().orElseThrow();
		assertThat(progress).hasSize(2);
		assertThat(licences.goal().productName()).isEqualTo("Licence");
		assertThat(licences.progress().actual()).isEqualByComparingTo("5");
		assertThat(licences.progress().attainment()).isEqualTo(0.5);
		assertThat(supports.progress().actual()).isEqualByComparingTo("1");

		WebSession web = WebSession.signedIn(port, "ria@" + domain, PASSWORD);
		String page = web.get("/goals?period=2026-06").body();
		assertThat(page).contains("Units sold: Licence", "Units sold: Support", "Product (for a units sold goal)");
		String insight = web.get("/insight/people/" + ria.id() + "?period=2026-06").body();
		assertThat(insight).contains("Units sold: Licence", "Units sold: Support");
	}

	private static NewDealLine line(UUID product, String quantity) {
		return new NewDealLine(product, new BigDecimal(quantity), null, null);
	}

	private Deal open(CurrentUser rep, LocalDate closeOn, List<NewDealLine> dealLines) {
		Pipeline pipeline = playbook.defaultPipeline(rep.orgId());
		Stage last = pipeline.openStages().get(pipeline.openStages().size() - 1);
		Account account = accounts.create(rep, new NewAccount("Account " + UUID.randomUUID(), null, null, null, null, null));
		Deal deal = deals.create(rep, new NewDeal(account.id(), "Deal " + closeOn, null, closeOn, null, last.id(), null, null, null, null),
				null);
		return lines.replace(rep, deal.id(), deal.version(), dealLines);
	}

	private void won(CurrentUser rep, LocalDate closeOn, List<NewDealLine> dealLines) {
		Deal deal = open(rep, closeOn, dealLines);
		Stage won = playbook.defaultPipeline(rep.orgId()).stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
		deals.move(rep, deal.id(), new StageMove(won.id(), deal.version(), null, closeOn, null));
	}
}
