package dev.tandem.goals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.goals.persistence.Goals;
import dev.tandem.platform.BulkCopy;
import dev.tandem.platform.Ids;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes goals with the history of their agreement as it happened, for the demo organisation and imports, and reads
 * them all for a full export. Rows go in with {@code COPY} in the caller's transaction; the database's keys and checks
 * refuse what does not fit. No events are published per row.
 */
@Service
public class GoalLoad {

	private final BulkCopy copy;
	private final Goals stored;
	private final GoalReachedNotices notices;

	GoalLoad(BulkCopy copy, Goals stored, GoalReachedNotices notices) {
		this.copy = copy;
		this.stored = stored;
		this.notices = notices;
	}

	/**
	 * Tells the reps who met a goal for won revenue or won deals in the period, and their managers, as a win that met
	 * it would have: for history loaded in bulk, which publishes no win one by one.
	 */
	public void announceReached(UUID orgId, Period period) {
		notices.announceReached(orgId, period);
	}

	/** Every goal of an organisation, the steps of their agreement: what {@link #load} takes. */
	public record Batch(List<GoalRow> goals, List<ProposalRow> proposals) {
	}

	/** A goal as it stands now. */
	public record GoalRow(UUID id, Scope scope, GoalMetric metric, Set<ActivityType> activityTypes, Period period, BigDecimal target,
			@Nullable BigDecimal agreedTarget, GoalStatus status, boolean setByManager, Instant updatedAt, String updatedBy,
			@Nullable UUID productId) {
	}

	/** A step in a goal's agreement. */
	public record ProposalRow(UUID goalId, UUID authorId, ProposalKind kind, BigDecimal target, @Nullable String note, Instant at) {
	}

	/** The organisation's goals in the order they were created, and every step of their agreement. */
	@Transactional(readOnly = true)
	public Batch all(UUID orgId) {
		return new Batch(stored.all(orgId).stream().map(g -> new GoalRow(g.id(), g.scope(), g.metric(), g.activityTypes(), g.period(),
				g.target(), g.agreedTarget(), g.status(), g.setByManager(), g.updatedAt(), g.updatedBy() == null ? "" : g.updatedBy(), g.productId()))
			.toList(),
				stored.allProposals(orgId).stream().map(p -> new ProposalRow(p.goalId(), p.authorId(), p.kind(), p.target(), p.note(), p.at()))
					.toList());
	}

	/** Removes goals with the steps of their agreement, as undoing an import does. */
	@Transactional
	public void remove(UUID orgId, Collection<UUID> goalIds) {
		stored.delete(orgId, goalIds);
	}

	@Transactional
	public void load(UUID orgId, Batch batch) {
		load(orgId, batch.goals(), batch.proposals());
	}

	@Transactional
	public void load(UUID orgId, List<GoalRow> goals, List<ProposalRow> proposals) {
		copy.copy("goals_goal", List.of("org_id", "id", "user_id", "team_id", "metric", "activity_types", "period_kind", "period_start",
				"period_end", "target", "agreed_target", "status", "set_by_manager", "created_at", "updated_at", "updated_by", "product_id"),
				() -> goals.stream().map(g -> new Object[] { orgId, g.id(), g.scope().isTeam() ? null : g.scope().id(),
						g.scope().isTeam() ? g.scope().id() : null, g.metric().name(),
						Goals.typesKey(g.activityTypes()), g.period().kind().name(), g.period().start(),
						g.period().end(), g.target(), g.agreedTarget(), g.status().name(), g.setByManager(), g.updatedAt(), g.updatedAt(),
						g.updatedBy(), g.productId() }).iterator());
		copy.copy("goals_proposal", List.of("org_id", "id", "goal_id", "author_id", "kind", "target", "note", "created_at"),
				() -> proposals.stream().map(p -> new Object[] { orgId, Ids.next(), p.goalId(), p.authorId(), p.kind().name(), p.target(),
						p.note(), p.at() }).iterator());
	}
}
