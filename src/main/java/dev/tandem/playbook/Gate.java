package dev.tandem.playbook;

import java.util.ArrayList;
import java.util.List;

/**
 * The stage gate: what a deal still misses to move from one stage to another.
 * <p>
 * Moving forward checks the requirements of every stage the deal enters or passes, so skipping a
 * stage does not skip its requirements. Moving backward is always allowed, and so is losing a deal
 * from any stage. Winning needs an amount and a close date; losing needs a close date and a lost reason. The strictest gate mode of the
 * stages passed decides whether missing items warn or block; the close fields always block. An exit criterion is met
 * as {@link ExitCriterion#metBy} says: by the buying group where it names a role, else by the rep's tick.
 */
public final class Gate {

	private Gate() {
	}

	public static GateResult check(Pipeline pipeline, Stage from, Stage to, DealFacts deal) {
		List<Missing> missing = new ArrayList<>();
		GateMode mode = GateMode.WARN;
		boolean forward = to.position() > from.position() && from.isOpen() && to.kind() != StageKind.LOST;
		if (forward) {
			for (Stage stage : pipeline.stages()) {
				boolean passed = stage.position() > from.position() && stage.position() <= to.position()
						&& (stage.isOpen() || stage.id().equals(to.id()));
				if (!passed) {
					continue;
				}
				int before = missing.size();
				requirementsOf(stage, deal, missing);
				if (missing.size() > before && stage.gateMode() == GateMode.BLOCK) {
					mode = GateMode.BLOCK;
				}
			}
		}
		List<Missing> fields = new ArrayList<>();
		if (to.kind() == StageKind.WON) {
			if (deal.amount() == null || deal.amount().signum() <= 0) {
				fields.add(Missing.field(to, "amount"));
			}
			if (deal.closeDate() == null) {
				fields.add(Missing.field(to, "closeDate"));
			}
		}
		if (to.kind() == StageKind.LOST) {
			if (deal.lostReason() == null || deal.lostReason().isBlank()) {
				fields.add(Missing.field(to, "lostReason"));
			}
			if (deal.closeDate() == null) {
				fields.add(Missing.field(to, "closeDate"));
			}
		}
		if (!fields.isEmpty()) {
			mode = GateMode.BLOCK;
			missing.addAll(fields);
		}
		return new GateResult(missing, mode);
	}

	/** What the deal misses of one stage's own requirements, for the deal page's checklist. */
	public static List<Missing> requirementsOf(Stage stage, DealFacts deal) {
		List<Missing> missing = new ArrayList<>();
		requirementsOf(stage, deal, missing);
		return missing;
	}

	private static void requirementsOf(Stage stage, DealFacts deal, List<Missing> missing) {
		for (RequiredActivity required : stage.requiredActivities()) {
			int done = deal.count(required.type());
			if (done < required.minCount()) {
				missing.add(Missing.activity(stage, required.type(), required.minCount(), done));
			}
		}
		for (ExitCriterion criterion : stage.exitCriteria()) {
			if (!criterion.metBy(deal)) {
				missing.add(Missing.criterion(stage, criterion));
			}
		}
		if (deal.stakeholders() < stage.minStakeholders()) {
			missing.add(Missing.stakeholders(stage, stage.minStakeholders(), deal.stakeholders()));
		}
		if (stage.requiresDecisionMaker() && !deal.hasDecisionMaker()) {
			missing.add(Missing.decisionMaker(stage));
		}
	}
}
