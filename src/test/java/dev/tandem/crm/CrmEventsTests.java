package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
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
	@Autowired BulkLoad bulkLoad;
	@Autowired dev.tandem.people.OrganisationManagement organisations;

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

	@Test
	void correctionsOwnerChangesAndReopeningPublishTheirEventsOnce(PublishedEvents events) {
		CurrentUser daan = Demo.user(jdbc, "daan@northwind.demo");
		CurrentUser brigitte = Demo.user(jdbc, Demo.MANAGER);
		Activity call = activities.log(daan, NewActivity.quick(ActivityType.CALL, "Call about events", null), null);
		activities.update(daan, call.id(), call.version(),
				new ActivityManagement.ActivityEdit("Call about events, corrected", null, null, null, null, null));
		assertThat(events.ofType(ActivityCorrected.class).matching(ActivityCorrected::activityId, call.id())).singleElement()
			.satisfies(e -> {
				assertThat(e.ownerId()).isEqualTo(daan.id());
				assertThat(e.correctedBy()).isEqualTo(daan.id());
			});
		activities.delete(daan, call.id());
		assertThat(events.ofType(ActivityDeleted.class).matching(ActivityDeleted::activityId, call.id())).singleElement()
			.satisfies(e -> assertThat(e.type()).isEqualTo(ActivityType.CALL));

		Account account = accounts.create(daan, new NewAccount("Corrections " + UUID.randomUUID(), null, null, null, null, null));
		Pipeline pipeline = playbook.defaultPipeline(daan.orgId());
		Stage negotiation = pipeline.openStages().get(pipeline.openStages().size() - 1);
		Deal deal = deals.create(daan, new NewDeal(account.id(), "Handed over", new BigDecimal("8000"), LocalDate.now(clock), null,
				negotiation.id(), null, null, null, null), null);
		Deal handedOver = deals.update(brigitte, deal.id(), new DealChanges(deal.version(), java.util.Set.of("amount", "ownerId"), null,
				new BigDecimal("9000"), null, brigitte.id(), null, null, null, null, null));
		assertThat(events.ofType(DealOwnerChanged.class).matching(DealOwnerChanged::dealId, deal.id())).singleElement()
			.satisfies(e -> {
				assertThat(e.previousOwnerId()).isEqualTo(daan.id());
				assertThat(e.ownerId()).isEqualTo(brigitte.id());
				assertThat(e.amount()).isEqualByComparingTo("9000");
			});
		assertThat(events.ofType(DealChanged.class).matching(DealChanged::dealId, deal.id())).singleElement()
			.satisfies(e -> assertThat(e.fields()).containsExactly("amount"));

		Stage won = pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
		deals.move(brigitte, deal.id(), StageMove.to(won.id(), handedOver.version()));
		assertThat(events.ofType(DealReopened.class).matching(DealReopened::dealId, deal.id())).isEmpty();
		deals.move(brigitte, deal.id(), StageMove.to(negotiation.id(), deals.get(brigitte, deal.id()).version()));
		assertThat(events.ofType(DealReopened.class).matching(DealReopened::dealId, deal.id())).singleElement()
			.satisfies(e -> {
				assertThat(e.previousStatus()).isEqualTo(DealStatus.WON);
				assertThat(e.amount()).isEqualByComparingTo("9000");
				assertThat(e.ownerId()).isEqualTo(brigitte.id());
			});
	}

	@Test
	void aBulkLoadAndTheRemovalOfWhatItWrotePublishOneEventEach(PublishedEvents events) {
		CurrentUser admin = organisations.open(new NewOrganisation("Loaded " + UUID.randomUUID(), "Europe/Amsterdam", "EUR", "en", 1),
				"admin@loaded-" + UUID.randomUUID().toString().substring(0, 8) + ".test", "Admin", "loaded-passw0rd-1");
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		java.time.Instant now = clock.instant();
		bulkLoad.load(admin.orgId(), new BulkLoad.Batch("Import", java.util.List.of(
				new BulkLoadRows.AccountRow(first, "First", null, null, null, null, admin.id(), now),
				new BulkLoadRows.AccountRow(second, "Second", null, null, null, null, admin.id(), now)),
				java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
				java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of()));
		assertThat(events.ofType(CrmRecordsLoaded.class).matching(e -> e.orgId().equals(admin.orgId()))).singleElement()
			.satisfies(e -> {
				assertThat(e.change()).isEqualTo(CrmRecordsLoaded.Change.CREATED);
				assertThat(e.accounts()).containsExactly(first, second);
				assertThat(e.size()).isEqualTo(2);
				assertThat(e.owners()).containsExactly(admin.id());
			});

		bulkLoad.remove(admin.orgId(), new BulkLoad.Removal(java.util.List.of(second), java.util.List.of(), java.util.List.of(),
				java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of()));
		assertThat(events.ofType(CrmRecordsLoaded.class).matching(e -> e.orgId().equals(admin.orgId()))
			.matching(e -> e.change() == CrmRecordsLoaded.Change.REMOVED)).singleElement()
			.satisfies(e -> {
				assertThat(e.accounts()).containsExactly(second);
				assertThat(e.owners()).containsExactly(admin.id());
			});
	}
}
