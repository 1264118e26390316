package dev.tandem.goals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.Deal;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.DealWon;
import dev.tandem.crm.NewAccount;
import dev.tandem.crm.NewDeal;
import dev.tandem.crm.StageMove;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Period;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The goals module on its own with what it depends on (no insight, forecast, exchange or demo): a win the CRM
 * announces with {@link DealWon} travels through the event publication registry to {@link GoalReachedNotices}, which
 * tells the rep and their manager that the rep's goal is reached, once; and the registry records the delivery as
 * completed. A win that leaves the goal short, or one after it was reached, tells nobody.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "crm", "playbook" })
@TestPropertySource(properties = { "tandem.data-dir=target/test-data/${random.uuid}", "tandem.demo.enabled=false",
		"logging.file.name=" })
class GoalReachedNoticesTests {

	private static final String PASSWORD = "goal-reached-passw0rd";
	/** A closed month, so the test means the same on any date. */
	private static final LocalDate CLOSED_ON = LocalDate.of(2026, 6, 15);

	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired GoalManagement goals;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired PlaybookManagement playbook;
	@Autowired Notifications notifications;
	@Autowired JdbcClient jdbc;

	@Test
	void theWinThatTakesTheGoalOverItsTargetTellsTheRepAndTheirManagerOnce(Scenario scenario) {
		String domain = "reached-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Reached " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		UUID managerId = users.create(admin, new NewUser("mia@" + domain, "Mia Manager", Role.MANAGER, "nl", PASSWORD, List.of()))
			.user().id();
		CurrentUser rep = CurrentUser.of(users.create(admin, new NewUser("rob@" + domain, "Rob Rep", Role.REP, "en", PASSWORD, List.of()))
			.user());
		CurrentUser manager = CurrentUser.of(users.get(admin, managerId));
		UUID team = teams.create(admin, new NewTeam("Field", TeamKind.SALES, null, managerId)).id();
		teams.addMember(admin, team, rep.id(), CLOSED_ON.minusYears(1));
		Period june = Period.containing(CLOSED_ON, Period.Kind.MONTH, 1);
		Goal goal = goals.set(manager, new NewGoal(Scope.user(rep.id()), GoalMetric.WON_REVENUE, Set.of(), june,
				new BigDecimal("10000"), null));

		// 4,000 of 10,000: short of the goal, nobody is told.
		UUID first = deal(rep, "4000");
		moveToWon(rep, first);
		// 4,000 + 7,000 = 11,000 of 10,000: this win reaches it.
		UUID second = deal(rep, "7000");
		scenario.stimulate(() -> moveToWon(rep, second))
			.andWaitForEventOfType(DealWon.class)
			.matching(won -> won.dealId().equals(second))
			.toArriveAndVerify(won -> assertThat(won.amount()).isEqualByComparingTo("7000"));

		await().atMost(Duration.ofSeconds(20)).until(() -> notifications.unread(admin.orgId(), managerId) == 1);
		assertThat(notifications.list(admin.orgId(), rep.id(), false, ListRequest.of(null, null)).items())
			.singleElement()
			.satisfies(n -> {
				assertThat(n.title()).isEqualTo("You reached your goal for June 2026: €11,000 of €10,000.");
				assertThat(n.body()).isEqualTo("Goal: Won revenue");
				assertThat(n.link()).isEqualTo("/goals/" + goal.id());
			});
		assertThat(notifications.list(admin.orgId(), managerId, false, ListRequest.of(null, null)).items())
			.singleElement()
			.satisfies(n -> assertThat(n.title()).isEqualTo("Rob Rep heeft het doel voor juni 2026 gehaald: €\u00a011.000 van €\u00a010.000."));

		// Every delivery to the listener completed: the first win's (which told nobody) and the second's.
		await().atMost(Duration.ofSeconds(20)).until(() -> incompleteDeliveries() == 0);
		assertThat(completedDeliveries(first) + completedDeliveries(second)).isEqualTo(2);

		// A third win, after the goal was reached: nobody is told again.
		UUID third = deal(rep, "2500");
		moveToWon(rep, third);
		await().atMost(Duration.ofSeconds(20)).until(() -> completedDeliveries(third) == 1);
		assertThat(notifications.unread(admin.orgId(), rep.id())).isEqualTo(1);
		assertThat(notifications.unread(admin.orgId(), managerId)).isEqualTo(1);
	}

	/** A deal of the rep's in the last open stage, to close in June. */
	private UUID deal(CurrentUser rep, String amount) {
		Pipeline pipeline = playbook.defaultPipeline(rep.orgId());
		Stage last = pipeline.openStages().get(pipeline.openStages().size() - 1);
		Account account = accounts.create(rep, new NewAccount("Account " + UUID.randomUUID(), null, null, null, null, null));
		Deal deal = deals.create(rep, new NewDeal(account.id(), "Deal " + amount, new BigDecimal(amount), CLOSED_ON, null, last.id(),
				null, null, null, null), null);
		return deal.id();
	}

	private void moveToWon(CurrentUser rep, UUID dealId) {
		Pipeline pipeline = playbook.defaultPipeline(rep.orgId());
		Stage won = pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
		Deal deal = deals.get(rep, dealId);
		deals.move(rep, dealId, new StageMove(won.id(), deal.version(), null, CLOSED_ON, null));
	}

	private long incompleteDeliveries() {
		return jdbc.sql("select count(*) from event_publication where listener_id like '%GoalReachedNotices%' and completion_date is null")
			.query(Long.class).single();
	}

	private long completedDeliveries(UUID dealId) {
		return jdbc.sql("""
				select count(*) from event_publication
				 where listener_id like '%GoalReachedNotices%' and completion_date is not null and serialized_event like :deal
				""").param("deal", "%" + dealId + "%").query(Long.class).single();
	}
}
