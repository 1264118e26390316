package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.GateMode;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a move, on the deal itself, without Spring or a database: status, forecast category, closing and the
 * events each move publishes.
 */
class DealTest {

	private static final UUID ORG = UUID.randomUUID();
	private static final UUID BY = UUID.randomUUID();
	private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");
	private static final LocalDate CLOSE = LocalDate.of(2026, 6, 15);

	private final Stage demo = stage("Demo", StageKind.OPEN, ForecastCategory.BEST_CASE);
	private final Stage proposal = stage("Proposal", StageKind.OPEN, ForecastCategory.COMMIT);
	private final Stage won = stage("Won", StageKind.WON, ForecastCategory.CLOSED);
	private final Stage lost = stage("Lost", StageKind.LOST, ForecastCategory.OMITTED);

	@Test
	void anOpenMoveTakesTheStagesCategoryUnlessTheDealOverridesIt() {
		Deal.Moved plain = deal(demo, DealStatus.OPEN, ForecastCategory.BEST_CASE, false)
			.movedTo(ORG, demo, proposal, null, null, null, NOW, BY, "Brigitte");
		assertThat(plain.deal().stageId()).isEqualTo(proposal.id());
		assertThat(plain.deal().forecastCategory()).isEqualTo(ForecastCategory.COMMIT);
		assertThat(plain.deal().status()).isEqualTo(DealStatus.OPEN);
		assertThat(plain.deal().closedAt()).isNull();
		assertThat(plain.deal().stageEnteredAt()).isEqualTo(NOW);
		assertThat(plain.deal().updatedBy()).isEqualTo("Brigitte");
		assertThat(plain.events()).singleElement().isEqualTo(new DealStageChanged(ORG, plain.deal().id(), plain.deal().ownerId(),
				demo.id(), proposal.id(), NOW, BY));

		Deal.Moved overridden = deal(demo, DealStatus.OPEN, ForecastCategory.PIPELINE, true)
			.movedTo(ORG, demo, proposal, null, null, null, NOW, BY, "Brigitte");
		assertThat(overridden.deal().forecastCategory()).isEqualTo(ForecastCategory.PIPELINE);
		assertThat(overridden.deal().categoryOverridden()).isTrue();
	}

	@Test
	void winningClosesTheDealWithWhatTheMoveBrings() {
		Deal.Moved moved = deal(proposal, DealStatus.OPEN, ForecastCategory.PIPELINE, true)
			.movedTo(ORG, proposal, won, new BigDecimal("12500"), CLOSE, "ignored", NOW, BY, "Daan");
		Deal deal = moved.deal();
		assertThat(deal.status()).isEqualTo(DealStatus.WON);
		assertThat(deal.forecastCategory()).isEqualTo(ForecastCategory.CLOSED);
		assertThat(deal.categoryOverridden()).isFalse();
		assertThat(deal.closedAt()).isEqualTo(NOW);
		assertThat(deal.amount()).isEqualByComparingTo("12500");
		assertThat(deal.lostReason()).isNull();
		assertThat(moved.events()).containsExactly(new DealStageChanged(ORG, deal.id(), deal.ownerId(), proposal.id(), won.id(), NOW, BY),
				new DealWon(ORG, deal.id(), deal.ownerId(), new BigDecimal("12500"), CLOSE));
	}

	@Test
	void losingKeepsTheReasonAndReopeningSaysWhatNoLongerHolds() {
		Deal.Moved lostMove = deal(demo, DealStatus.OPEN, ForecastCategory.BEST_CASE, false)
			.movedTo(ORG, demo, lost, null, CLOSE, "  Chose a competitor ", NOW, BY, "Daan");
		assertThat(lostMove.deal().lostReason()).isEqualTo("Chose a competitor");
		assertThat(lostMove.deal().forecastCategory()).isEqualTo(ForecastCategory.OMITTED);
		assertThat(lostMove.events()).hasSize(2).last()
			.isEqualTo(new DealLost(ORG, lostMove.deal().id(), lostMove.deal().ownerId(), "Chose a competitor", CLOSE));

		Deal wonDeal = deal(won, DealStatus.WON, ForecastCategory.CLOSED, false);
		Deal.Moved reopened = wonDeal.movedTo(ORG, won, demo, null, null, null, NOW, BY, "Brigitte");
		assertThat(reopened.deal().status()).isEqualTo(DealStatus.OPEN);
		assertThat(reopened.deal().closedAt()).isNull();
		assertThat(reopened.deal().forecastCategory()).isEqualTo(ForecastCategory.BEST_CASE);
		assertThat(reopened.events()).containsExactly(
				new DealStageChanged(ORG, wonDeal.id(), wonDeal.ownerId(), won.id(), demo.id(), NOW, BY),
				new DealReopened(ORG, wonDeal.id(), wonDeal.ownerId(), DealStatus.WON, new BigDecimal("8000"), CLOSE));
	}

	private static Deal deal(Stage stage, DealStatus status, ForecastCategory category, boolean overridden) {
		Instant created = Instant.parse("2026-05-01T09:00:00Z");
		return new Deal(UUID.randomUUID(), UUID.randomUUID(), "Acme", UUID.randomUUID(), "Daan", "Rollout", new BigDecimal("8000"),
				CLOSE, stage.pipelineId(), stage.id(), stage.name(), status, category, overridden, null, null, DealSource.OUTBOUND, null,
				null, status == DealStatus.OPEN ? null : created, created, null, null, created, created, "Daan", 3, Map.of());
	}

	private static Stage stage(String name, StageKind kind, ForecastCategory category) {
		return new Stage(UUID.randomUUID(), UUID.randomUUID(), name, 1, kind, 50, category, GateMode.WARN, "", 0, false, List.of(),
				List.of(), 0);
	}
}
