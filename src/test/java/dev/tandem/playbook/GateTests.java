package dev.tandem.playbook;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stage gate's rules on a pipeline built in memory, without Spring: an exit criterion that names a buying-group
 * role is met by someone in that role and by nothing else, a plain one by its tick; what is missing is listed stage by
 * stage in the gate's order, and a blocking stage refuses.
 */
class GateTests {

	static final UUID PIPELINE = UUID.randomUUID();
	static final ExitCriterion BUDGET_OWNER = new ExitCriterion(UUID.randomUUID(), "Budget owner known", BuyingRole.ECONOMIC_BUYER);
	static final ExitCriterion BUDGET = new ExitCriterion(UUID.randomUUID(), "Budget confirmed");
	static final ExitCriterion DECISION = new ExitCriterion(UUID.randomUUID(), "Decision process known");

	static final Stage LEAD = stage(1, "New lead", StageKind.OPEN, GateMode.WARN, 0, false, List.of(), List.of());
	static final Stage MAPPED = stage(2, "Buying group mapped", StageKind.OPEN, GateMode.BLOCK, 2, true, List.of(),
			List.of(BUDGET_OWNER));
	static final Stage PROPOSAL = stage(3, "Proposal", StageKind.OPEN, GateMode.BLOCK, 0, false,
			List.of(new RequiredActivity(ActivityType.DEMO, 1)), List.of(BUDGET, DECISION));
	static final Stage WON = stage(4, "Won", StageKind.WON, GateMode.WARN, 0, false, List.of(), List.of());
	static final Pipeline NEW_BUSINESS = new Pipeline(PIPELINE, "New business", true, 21, 0, List.of(LEAD, MAPPED, PROPOSAL, WON));

	@Test
	void aCriterionNamingARoleIsMetBySomeoneInThatRoleAndNotByATick() {
		DealFacts tickedWithoutBuyer = facts(Map.of(), Set.of(BUDGET_OWNER.id()), BuyingRole.DECISION_MAKER, BuyingRole.INFLUENCER);
		GateResult refused = Gate.check(NEW_BUSINESS, LEAD, MAPPED, tickedWithoutBuyer);
		assertThat(refused.blocked()).isTrue();
		assertThat(refused.missing()).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo(Missing.Kind.CRITERION);
			assertThat(m.label()).isEqualTo("Budget owner known");
			assertThat(m.role()).isEqualTo(BuyingRole.ECONOMIC_BUYER);
			assertThat(m.tickable()).isFalse();
		});

		DealFacts withBuyer = facts(Map.of(), Set.of(), BuyingRole.DECISION_MAKER, BuyingRole.ECONOMIC_BUYER);
		GateResult allowed = Gate.check(NEW_BUSINESS, LEAD, MAPPED, withBuyer);
		assertThat(allowed.allowed()).isTrue();
		assertThat(allowed.missing()).isEmpty();
		assertThat(BUDGET_OWNER.metBy(withBuyer)).isTrue();
		assertThat(BUDGET_OWNER.metBy(tickedWithoutBuyer)).isFalse();
	}

	@Test
	void aPlainCriterionIsMetByItsTickOnly() {
		DealFacts oneTicked = facts(Map.of(ActivityType.DEMO, 1), Set.of(BUDGET.id()), BuyingRole.ECONOMIC_BUYER);
		GateResult refused = Gate.check(NEW_BUSINESS, MAPPED, PROPOSAL, oneTicked);
		assertThat(refused.blocked()).isTrue();
		assertThat(refused.missing()).extracting(Missing::label).containsExactly("Decision process known");
		assertThat(refused.missing().get(0).tickable()).isTrue();

		DealFacts bothTicked = facts(Map.of(ActivityType.DEMO, 1), Set.of(BUDGET.id(), DECISION.id()));
		assertThat(Gate.check(NEW_BUSINESS, MAPPED, PROPOSAL, bothTicked).missing()).isEmpty();
	}

	@Test
	void skippingStagesListsEveryStagesMissingItemsInOrder() {
		GateResult refused = Gate.check(NEW_BUSINESS, LEAD, PROPOSAL, facts(Map.of(), Set.of()));
		assertThat(refused.mode()).isEqualTo(GateMode.BLOCK);
		assertThat(refused.missing()).extracting(Missing::kind).containsExactly(Missing.Kind.CRITERION, Missing.Kind.STAKEHOLDERS,
				Missing.Kind.DECISION_MAKER, Missing.Kind.ACTIVITY, Missing.Kind.CRITERION, Missing.Kind.CRITERION);
		assertThat(refused.missing()).extracting(Missing::stageName).containsExactly("Buying group mapped", "Buying group mapped",
				"Buying group mapped", "Proposal", "Proposal", "Proposal");
		assertThat(refused.missing().get(1).required()).isEqualTo(2);
		assertThat(refused.missing().get(1).actual()).isZero();
		assertThat(refused.missing()).filteredOn(Missing::tickable).extracting(Missing::criterionId)
			.containsExactly(BUDGET.id(), DECISION.id());
	}

	@Test
	void movingBackNeedsNothing() {
		GateResult back = Gate.check(NEW_BUSINESS, PROPOSAL, LEAD, facts(Map.of(), Set.of()));
		assertThat(back.allowed()).isTrue();
		assertThat(back.missing()).isEmpty();
	}

	private static DealFacts facts(Map<ActivityType, Integer> activities, Set<UUID> ticked, BuyingRole... roles) {
		return new DealFacts(activities, ticked, roles.length, Set.of(roles), null, null, null);
	}

	private static Stage stage(int position, String name, StageKind kind, GateMode gate, int minStakeholders,
			boolean decisionMaker, List<RequiredActivity> required, List<ExitCriterion> criteria) {
		return new Stage(UUID.randomUUID(), PIPELINE, name, position, kind, 10 * position, ForecastCategory.PIPELINE, gate, "",
				minStakeholders, decisionMaker, required, criteria, 0);
	}
}
