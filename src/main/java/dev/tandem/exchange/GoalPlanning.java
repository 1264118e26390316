package dev.tandem.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.goals.GoalLoad;
import dev.tandem.goals.GoalLoad.GoalRow;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.GoalStatus;
import dev.tandem.goals.ProposalKind;
import dev.tandem.goals.Scope;
import dev.tandem.platform.Ids;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

import static dev.tandem.exchange.CrmPlanning.blank;
import static dev.tandem.exchange.PlanContext.CREATED;
import static dev.tandem.exchange.PlanContext.SKIPPED;

/**
 * Reads goals of people and teams per month, quarter or year, with the steps of their agreement; a goal on units sold
 * names its product (by name or code, as a deals file does). A goal the organisation has already (the same person or
 * team, metric, activity types, product and period, or one an earlier import
 * brought) is left as it is, whatever the choice for duplicates: goals are agreed between people, not overwritten by a
 * file. The steps of a goal are read only for the goals the import creates.
 */
final class GoalPlanning {

	private final PlanContext ctx;
	private final CrmPlanning crm;
	/** The organisation's goals and those the import adds, by scope, metric, activity types and period. */
	private final Map<String, UUID> byKey = new HashMap<>();
	private final Set<UUID> created = new HashSet<>();

	GoalPlanning(PlanContext ctx, CrmPlanning crm, GoalLoad.Batch existing) {
		this.ctx = ctx;
		this.crm = crm;
		existing.goals().forEach(g -> byKey.put(key(g.scope(), g.metric(), g.activityTypes(), g.productId(), g.period()), g.id()));
	}

	void goal(Row row) {
		String ext = row.get("id");
		Scope scope = ctx.scope(row);
		crm.required(row, "metric", row.get("metric"));
		GoalMetric metric = ctx.choice(row, "metric", GoalMetric.class, null);
		UUID productId = row.get("product").isEmpty() ? null : ctx.product(row.get("product"));
		if (metric == GoalMetric.UNITS_SOLD && row.get("product").isEmpty()) {
			ctx.problem(row, "product", "exchange.rule.units-goal");
		}
		else if (metric != null && metric != GoalMetric.UNITS_SOLD && !row.get("product").isEmpty()) {
			ctx.problem(row, "product", "exchange.rule.product-only-for-units");
		}
		Set<ActivityType> types = activityTypes(row, metric);
		Period period = ctx.period(row);
		BigDecimal target = target(row, "target", metric, true);
		BigDecimal agreed = target(row, "agreedTarget", metric, false);
		GoalStatus status = ctx.choice(row, "status", GoalStatus.class, GoalStatus.AGREED);
		Boolean setByManager = ctx.yesNo(row, "setByManager", false);
		Instant updatedAt = ctx.instant(row, "updatedAt");
		if (row.failed || scope == null || metric == null || period == null || target == null || status == null
				|| (metric == GoalMetric.UNITS_SOLD && productId == null)) {
			return;
		}
		String key = key(scope, metric, types, productId, period);
		if (crm.there(row, EntityKind.GOALS, "metric", ext, key, byKey.get(key))) {
			return;
		}
		UUID id = Ids.next();
		ctx.writes.goals.add(new GoalRow(id, scope, metric, types, period, target, agreed == null && status == GoalStatus.AGREED ? target : agreed,
				status, setByManager, updatedAt == null ? ctx.now : updatedAt,
				row.get("updatedBy").isEmpty() ? ctx.admin.displayName() : row.get("updatedBy"), productId));
		byKey.put(key, id);
		created.add(id);
		ctx.link(EntityKind.GOALS, ext, id, true);
		ctx.count(EntityKind.GOALS, CREATED);
	}

	/** {@code CALL;MEETING}: the activity types an activities goal counts; none means all. Only activities goals have them. */
	private Set<ActivityType> activityTypes(Row row, @Nullable GoalMetric metric) {
		Set<ActivityType> types = EnumSet.noneOf(ActivityType.class);
		for (String part : row.get("activityTypes").split("[;,]")) {
			if (part.isBlank()) {
				continue;
			}
			ActivityType type = CrmPlanning.names(ActivityType.values()).stream().filter(t -> t.equalsIgnoreCase(part.trim()))
				.map(ActivityType::valueOf).findFirst().orElse(null);
			if (type == null) {
				ctx.problem(row, "activityTypes", "exchange.rule.one-of", String.join(", ", CrmPlanning.names(ActivityType.values())));
				return types;
			}
			types.add(type);
		}
		if (!types.isEmpty() && metric != null && metric != GoalMetric.ACTIVITIES) {
			ctx.problem(row, "activityTypes", "exchange.rule.types-only-for-activities");
		}
		return types;
	}

	/** A target: more than zero, and a whole number for a metric that counts. */
	private @Nullable BigDecimal target(Row row, String field, @Nullable GoalMetric metric, boolean required) {
		if (!required && row.get(field).isEmpty()) {
			return null;
		}
		BigDecimal target = ctx.requiredAmount(row, field, true);
		if (target != null && metric != null && !metric.isMoney() && target.stripTrailingZeros().scale() > 0) {
			ctx.problem(row, field, "exchange.rule.whole-number");
			return null;
		}
		return target == null ? null : target.setScale(2, RoundingMode.HALF_UP);
	}

	/** A step in the agreement of a goal this import creates: who, what, which target, when. */
	void proposal(Row row) {
		UUID goalId = crm.reference(row, "goalId", EntityKind.GOALS);
		crm.required(row, "goalId", row.get("goalId"));
		crm.required(row, "author", row.get("author"));
		UUID author = row.get("author").isEmpty() ? null : ctx.owner(row.get("author"));
		crm.required(row, "kind", row.get("kind"));
		ProposalKind kind = ctx.choice(row, "kind", ProposalKind.class, null);
		BigDecimal target = target(row, "target", null, true);
		crm.required(row, "createdAt", row.get("createdAt"));
		Instant at = ctx.instant(row, "createdAt");
		if (row.failed || goalId == null || author == null || kind == null || target == null || at == null) {
			return;
		}
		if (!created.contains(goalId)) {
			ctx.count(EntityKind.GOAL_PROPOSALS, SKIPPED);
			return;
		}
		ctx.writes.proposals.add(new GoalLoad.ProposalRow(goalId, author, kind, target, blank(row.get("note")), at));
		ctx.count(EntityKind.GOAL_PROPOSALS, CREATED);
	}

	private static String key(Scope scope, GoalMetric metric, Set<ActivityType> types, @Nullable UUID productId, Period period) {
		return scope.key() + "|" + metric + "|" + types.stream().map(Enum::name).sorted().toList() + "|" + productId + "|" + period.kind()
				+ "|" + period.start();
	}
}
