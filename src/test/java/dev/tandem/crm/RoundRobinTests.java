package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing rule on its own: shares follow the weights exactly and in a smooth order, and a rep
 * who may not take leads sits every turn out with the reason logged.
 */
class RoundRobinTests {

	static final UUID A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
	static final UUID B = UUID.fromString("00000000-0000-7000-8000-00000000000b");
	static final UUID C = UUID.fromString("00000000-0000-7000-8000-00000000000c");

	@Test
	void thirtyLeadsOverThreeEqualRepsGiveTenEach() {
		Map<UUID, Integer> counts = route(30, Map.of(A, "1", B, "1", C, "1"), Map.of());
		assertThat(counts).containsEntry(A, 10).containsEntry(B, 10).containsEntry(C, 10);
	}

	@Test
	void weightsTwoToOneToOneOverFortyLeadsGiveTwentyTenTenInASmoothOrder() {
		List<UUID> order = new ArrayList<>();
		Map<UUID, Integer> counts = route(40, Map.of(A, "2", B, "1", C, "1"), Map.of(), order);
		assertThat(counts).containsEntry(A, 20).containsEntry(B, 10).containsEntry(C, 10);
		assertThat(order.subList(0, 8)).containsExactly(A, B, C, A, A, B, C, A);
	}

	@Test
	void anInactiveRepGetsNoneAndIsLoggedAsSkipped() {
		Map<UUID, Integer> counts = route(30, Map.of(A, "1", B, "1", C, "1"), Map.of(C, false));
		assertThat(counts).containsEntry(A, 15).containsEntry(B, 15).doesNotContainKey(C);

		RoundRobin.Turn turn = RoundRobin.play(List.of(seat(A, "1", "0", true), seat(C, "1", "0", false))).orElseThrow();
		assertThat(turn.candidates()).extracting(LeadAssignment.Candidate::skipped).containsExactly(null, RoundRobin.INACTIVE);
		assertThat(turn.positions()).containsOnlyKeys(A);
		assertThat(turn.rule()).isEqualTo("ROUND_ROBIN");
	}

	@Test
	void aHalfWeightMakesTheTurnWeightedAndAZeroWeightSitsOut() {
		RoundRobin.Turn turn = RoundRobin.play(List.of(seat(A, "1", "0", true), seat(B, "0.5", "0", true), seat(C, "0", "0", true)))
			.orElseThrow();
		assertThat(turn.rule()).isEqualTo("WEIGHTED_ROUND_ROBIN");
		assertThat(turn.chosen()).isEqualTo(A);
		// A grew to 1 and drops by the total weight 1.5; B grew to 0.5; C keeps its position.
		assertThat(turn.positions()).containsOnlyKeys(A, B);
		assertThat(turn.positions().get(A)).isEqualByComparingTo("-0.5");
		assertThat(turn.positions().get(B)).isEqualByComparingTo("0.5");
		assertThat(turn.candidates().get(2).skipped()).isEqualTo(RoundRobin.WEIGHT_ZERO);
	}

	@Test
	void nobodyEligibleMeansNoTurn() {
		assertThat(RoundRobin.play(List.of(seat(A, "1", "0", false)))).isEmpty();
		assertThat(RoundRobin.play(List.of())).isEmpty();
	}

	private static Map<UUID, Integer> route(int leads, Map<UUID, String> weights, Map<UUID, Boolean> active) {
		return route(leads, weights, active, new ArrayList<>());
	}

	private static Map<UUID, Integer> route(int leads, Map<UUID, String> weights, Map<UUID, Boolean> active, List<UUID> order) {
		Map<UUID, BigDecimal> positions = new HashMap<>();
		Map<UUID, Integer> counts = new HashMap<>();
		for (int i = 0; i < leads; i++) {
			List<RoundRobin.Seat> seats = new ArrayList<>();
			for (UUID rep : List.of(A, B, C)) {
				seats.add(new RoundRobin.Seat(rep, rep.toString(), new BigDecimal(weights.get(rep)),
						positions.getOrDefault(rep, BigDecimal.ZERO), counts.getOrDefault(rep, 0), active.getOrDefault(rep, true)));
			}
			RoundRobin.Turn turn = RoundRobin.play(seats).orElseThrow();
			positions.putAll(turn.positions());
			counts.merge(turn.chosen(), 1, Integer::sum);
			order.add(turn.chosen());
		}
		return counts;
	}

	private static RoundRobin.Seat seat(UUID id, String weight, String position, boolean active) {
		return new RoundRobin.Seat(id, id.toString(), new BigDecimal(weight), new BigDecimal(position), 0, active);
	}
}
