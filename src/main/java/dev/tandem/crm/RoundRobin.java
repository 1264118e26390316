package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Smooth weighted round-robin, the rule that routes a team's leads.
 * <p>
 * Every turn each eligible rep's position grows by their weight; the rep with the highest position
 * gets the lead (ties go to the rep with fewer routed leads, then to the lower id) and drops by the
 * total weight. Over any stretch the shares follow the weights exactly, without bursts: weights 2:1:1
 * over 40 leads give 20, 10 and 10, in the order A B C A A B C A .... Inactive reps and reps with
 * weight 0 sit the turn out and keep their position.
 */
public final class RoundRobin {

	/** Why a rep sat a turn out. */
	public static final String INACTIVE = "inactive";
	public static final String WEIGHT_ZERO = "weight-zero";

	private RoundRobin() {
	}

	/** A rep at the table: weight, position before this turn, leads routed to them so far, and whether active. */
	public record Seat(UUID userId, String name, BigDecimal weight, BigDecimal position, int routedBefore, boolean active) {

		@Nullable String skipped() {
			return !active ? INACTIVE : weight.signum() == 0 ? WEIGHT_ZERO : null;
		}
	}

	/**
	 * The outcome of one turn: who gets the lead, the rule that applied, every candidate for the log,
	 * and each eligible rep's position after the turn.
	 */
	public record Turn(UUID chosen, String rule, List<LeadAssignment.Candidate> candidates, Map<UUID, BigDecimal> positions) {
	}

	/** Plays one turn; empty when nobody is eligible. */
	public static Optional<Turn> play(List<Seat> seats) {
		List<LeadAssignment.Candidate> candidates = new ArrayList<>();
		List<Seat> eligible = new ArrayList<>();
		for (Seat seat : seats) {
			candidates.add(new LeadAssignment.Candidate(seat.userId(), seat.name(), seat.weight().doubleValue(),
					seat.routedBefore(), seat.skipped()));
			if (seat.skipped() == null) {
				eligible.add(new Seat(seat.userId(), seat.name(), seat.weight(), seat.position().add(seat.weight()),
						seat.routedBefore(), true));
			}
		}
		if (eligible.isEmpty()) {
			return Optional.empty();
		}
		BigDecimal total = eligible.stream().map(Seat::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
		Seat chosen = eligible.stream()
			.max(Comparator.comparing(Seat::position)
				.thenComparing(Seat::routedBefore, Comparator.reverseOrder())
				.thenComparing(Seat::userId, Comparator.reverseOrder()))
			.orElseThrow();
		Map<UUID, BigDecimal> positions = new HashMap<>();
		for (Seat seat : eligible) {
			positions.put(seat.userId(), seat == chosen ? seat.position().subtract(total) : seat.position());
		}
		boolean weighted = eligible.stream().anyMatch(s -> s.weight().compareTo(BigDecimal.ONE) != 0);
		return Optional.of(new Turn(chosen.userId(), weighted ? "WEIGHTED_ROUND_ROBIN" : "ROUND_ROBIN", candidates, positions));
	}
}
