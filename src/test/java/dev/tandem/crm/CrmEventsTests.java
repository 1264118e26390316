package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every change publishes its event exactly once, and a refused or repeated command publishes none.
 */
@TandemIntegrationTest
@ExtendWith(PublishedEventsExtension.class)
class CrmEventsTests {

	@Autowired DealManagement deals;
	@Autowired ActivityManagement activities;
	@Autowired AccountManagement accounts;
	@Autowired PlaybookManagement playbook;
	@Autowired JdbcClient jdbc;
	@Autowired java.time.Clock clock;

	@Test
	void aDealsLifePublishesOneEventPerChange(PublishedEvents events) {
		CurrentUser daan = Demo.user(jdbc, "daan@northwind.demo");
		Account account = accounts.create(daan, new NewAccount("Events " + UUID.randomUUID(), null, null, null, null, null));
		NewDeal newDeal = new NewDeal(account.id(), "Event deal", new BigDecimal("5000"), LocalDate.now(clock).plusDays(30), null, null,
				null, null, null, null);
		String key = "events-" + UUID.randomUUID();
		Deal deal = deals.create(daan, newDeal, key);
		Deal again = deals.create(daan, newDeal, key);
		assertThat(again.id()).isEqualTo(deal.id());
		assertThat(events.ofType(DealCreated.class).matching(DealCreated::dealId, deal.id())).hasSize(1);

		Pipeline pipeline = playbook.pipeline(daan.orgId(), deal.pipelineId());
		Stage contactMade = pipeline.openStages().get(1);
		MoveResult moved = deals.move(daan, deal.id(), StageMove.to(contactMade.id(), deal.version()));
		assertThat(moved.warnings()).isNotEmpty();
		assertThatThrownBy(() -> deals.move(daan, deal.id(), StageMove.to(pipeline.firstStage().id(), deal.version())))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(events.ofType(DealStageChanged.class).matching(DealStageChanged::dealId, deal.id())).hasSize(1);

		activities.log(daan, NewActivity.quick(ActivityType.CALL, "Call", deal.id()), null);
		Activity task = activities.log(daan, new NewActivity(ActivityType.TASK, "Send proposal", null, null, null, null, null, null,
				null, deal.id(), null, null, null, null), null);
		assertThat(events.ofType(ActivityLogged.class).matching(ActivityLogged::dealId, deal.id())).hasSize(1);
		activities.complete(daan, task.id(), task.version(), "Sent");
		assertThat(events.ofType(ActivityLogged.class).matching(ActivityLogged::dealId, deal.id())).hasSize(2);

		Stage lost = pipeline.stages().stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElseThrow();
		Deal current = deals.get(daan, deal.id());
		deals.move(daan, deal.id(), new StageMove(lost.id(), current.version(), null, LocalDate.now(clock), "Chose a competitor"));
		assertThat(events.ofType(DealStageChanged.class).matching(DealStageChanged::dealId, deal.id())).hasSize(2);
		assertThat(events.ofType(DealLost.class).matching(DealLost::dealId, deal.id())).singleElement()
			.satisfies(e -> assertThat(e.reason()).isEqualTo("Chose a competitor"));
		assertThat(events.ofType(DealWon.class).matching(DealWon::dealId, deal.id())).isEmpty();
	}

	@Test
	void winningPublishesTheStageChangeAndTheWinOnce(PublishedEvents events) {
		CurrentUser daan = Demo.user(jdbc, "daan@northwind.demo");
		Account account = accounts.create(daan, new NewAccount("Won " + UUID.randomUUID(), null, null, null, null, null));
		Pipeline pipeline = playbook.defaultPipeline(daan.orgId());
		Stage negotiation = pipeline.openStages().get(pipeline.openStages().size() - 1);
		Deal deal = deals.create(daan, new NewDeal(account.id(), "Almost there", new BigDecimal("12500"), LocalDate.now(clock), null,
				negotiation.id(), null, null, null, null), null);
		Stage won = pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();

		deals.move(daan, deal.id(), StageMove.to(won.id(), deal.version()));

		assertThat(events.ofType(DealStageChanged.class).matching(DealStageChanged::dealId, deal.id())).hasSize(1);
		assertThat(events.ofType(DealWon.class).matching(DealWon::dealId, deal.id())).singleElement()
			.satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("12500"));
	}
}
