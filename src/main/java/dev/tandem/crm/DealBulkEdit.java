package dev.tandem.crm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Missing;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes owner, stage, close date or forecast category of many deals at once. Each deal stands alone, in a
 * transaction of its own: it goes through the same rules as a change on its own page (visibility, who may own it,
 * the playbook's gate for the stage, its version), and is either changed in full or not at all; the answer says per
 * deal what happened, so one refused deal leaves the others changed.
 */
@Service
public class DealBulkEdit {

	/** The most deals one bulk edit takes. */
	public static final int MAX_DEALS = 200;

	/** A deal to change, at the version the user saw. */
	public record Target(UUID id, int version) {
	}

	/** What to change on every deal; null leaves a field as it is. */
	public record Changes(@Nullable UUID ownerId, @Nullable UUID stageId, @Nullable LocalDate closeDate,
			@Nullable ForecastCategory forecastCategory) {

		boolean none() {
			return ownerId == null && stageId == null && closeDate == null && forecastCategory == null;
		}
	}

	/** How it went for one deal. */
	public enum Outcome {
		UPDATED, REFUSED, CONFLICT
	}

	/**
	 * One deal's answer: the deal as it is now (null when the user may not see it), what the gate found missing or which
	 * rules the change broke when it was refused, and who changed it first on a conflict.
	 */
	public record Result(UUID id, Outcome outcome, @Nullable Deal deal, List<Missing> missing, List<FieldProblem> problems,
			@Nullable String changedBy) {
	}

	private final DealManagement deals;
	private final TransactionTemplate transactions;

	DealBulkEdit(DealManagement deals, PlatformTransactionManager transactions) {
		this.deals = deals;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Applies the changes to each deal in its own transaction, in the order given. */
	public List<Result> apply(CurrentUser user, List<Target> targets, Changes changes) {
		check(targets, changes);
		List<Result> results = new ArrayList<>();
		for (Target target : targets) {
			results.add(applyOne(user, target, changes));
		}
		return results;
	}

	private Result applyOne(CurrentUser user, Target target, Changes changes) {
		try {
			Deal changed = transactions.execute(status -> change(user, target, changes));
			return new Result(target.id(), Outcome.UPDATED, changed, List.of(), List.of(), null);
		}
		catch (GateRefusedException ex) {
			return new Result(target.id(), Outcome.REFUSED, visible(user, target.id()), ex.missing(), List.of(), null);
		}
		catch (InvalidInputException ex) {
			return new Result(target.id(), Outcome.REFUSED, visible(user, target.id()), List.of(), ex.problems(), null);
		}
		catch (ConcurrentEditException ex) {
			return new Result(target.id(), Outcome.CONFLICT, visible(user, target.id()), List.of(), List.of(), ex.changedBy());
		}
		catch (RecordNotFoundException ex) {
			return new Result(target.id(), Outcome.REFUSED, null, List.of(),
					List.of(new FieldProblem("id", "bulk.refused.not-found")), null);
		}
	}

	/** The stage first, through the gate (with the new close date, which Won and Lost need), then the other fields. */
	private Deal change(CurrentUser user, Target target, Changes changes) {
		int version = target.version();
		Deal deal = deals.get(user, target.id());
		if (changes.stageId() != null && !changes.stageId().equals(deal.stageId())) {
			deal = deals.move(user, target.id(), new StageMove(changes.stageId(), version, null, changes.closeDate(), null)).deal();
			version = deal.version();
		}
		else if (deal.version() != version) {
			throw new ConcurrentEditException("deal", deal.updatedBy(), deal.updatedAt());
		}
		Set<String> present = new HashSet<>();
		if (changes.ownerId() != null && !changes.ownerId().equals(deal.ownerId())) {
			present.add("ownerId");
		}
		if (changes.closeDate() != null && !changes.closeDate().equals(deal.closeDate())) {
			present.add("closeDate");
		}
		if (changes.forecastCategory() != null && changes.forecastCategory() != deal.forecastCategory()) {
			present.add("forecastCategory");
		}
		if (present.isEmpty()) {
			return deal;
		}
		present.add("version");
		return deals.update(user, target.id(), new DealChanges(version, present, null, null, changes.closeDate(), changes.ownerId(),
				changes.forecastCategory(), null, null, null, null));
	}

	private @Nullable Deal visible(CurrentUser user, UUID id) {
		try {
			return deals.get(user, id);
		}
		catch (RecordNotFoundException ex) {
			return null;
		}
	}

	private static void check(List<Target> targets, Changes changes) {
		List<FieldProblem> problems = new ArrayList<>();
		if (targets.isEmpty()) {
			problems.add(new FieldProblem("deals", "bulk.validation.none-chosen"));
		}
		if (targets.size() > MAX_DEALS) {
			problems.add(new FieldProblem("deals", "bulk.validation.too-many", MAX_DEALS));
		}
		if (targets.stream().map(Target::id).distinct().count() < targets.size()) {
			problems.add(new FieldProblem("deals", "bulk.validation.twice"));
		}
		if (changes.none()) {
			problems.add(new FieldProblem("changes", "bulk.validation.no-change"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}
}
