package dev.tandem.crm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the routing log: who got a lead, by which rule, among which candidates, and why.
 */
public record LeadAssignment(UUID id, UUID leadId, @Nullable UUID teamId, UUID assignedTo, String assignedToName,
		String rule, List<Candidate> candidates, String reason, Instant assignedAt, @Nullable UUID assignedBy) {

	/**
	 * A rep of the team when the lead came in: their weight, how many routed leads they had before,
	 * and whether they took part in the turn ({@code skipped} says why not, e.g. "inactive").
	 */
	public record Candidate(UUID userId, String name, double weight, int assignedBefore, @Nullable String skipped) {
	}
}
