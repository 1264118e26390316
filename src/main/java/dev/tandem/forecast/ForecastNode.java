package dev.tandem.forecast;

import java.math.BigDecimal;
import java.util.List;

import dev.tandem.goals.Scope;
import org.jspecify.annotations.Nullable;

/**
 * One level of a forecast: a rep, or a team with the reps and teams below it.
 * <p>
 * {@code won} is what the level has won in the period; {@code commitOpen}, {@code bestCaseOpen} and
 * {@code pipelineOpen} the open amounts expected to close in it, by forecast category. The roll-up is what the
 * level below says: for a rep the categories (won plus commit; plus best case), for a team the sum of what each
 * rep and team below counts for after their manager's adjustments. The submission, when there is one, is what the
 * level itself said; a manager's adjustment of it is what counts upward.
 */
public record ForecastNode(Scope scope, String name, @Nullable String leaderName, BigDecimal won, BigDecimal commitOpen,
		BigDecimal bestCaseOpen, BigDecimal pipelineOpen, BigDecimal rollupCommit, BigDecimal rollupBestCase,
		@Nullable Submission submission, @Nullable BigDecimal goal, @Nullable BigDecimal membersGoal,
		MonteCarlo.Outcome statistical, List<ForecastNode> children) {

	/** The commit this level counts for upward: adjusted, else submitted, else its roll-up. */
	public BigDecimal commit() {
		return submission != null ? submission.effectiveCommit() : rollupCommit;
	}

	public BigDecimal bestCase() {
		return submission != null ? submission.effectiveBestCase() : rollupBestCase;
	}

	public boolean submitted() {
		return submission != null;
	}

	public boolean adjusted() {
		return submission != null && submission.adjustment() != null;
	}

	/** Goal minus commit: what the level still lacks by its own word; {@code null} without a goal. */
	public @Nullable BigDecimal gap() {
		return goal == null ? null : goal.subtract(commit());
	}

	/** How many levels below this one have been adjusted by their manager, at any depth. */
	public int adjustedBelow() {
		return children.stream().mapToInt(c -> (c.adjusted() ? 1 : 0) + c.adjustedBelow()).sum();
	}

	/** Whether what is won already exceeds what this level counts on. */
	public boolean beaten() {
		return won.compareTo(commit()) > 0;
	}

	public BigDecimal openTotal() {
		return commitOpen.add(bestCaseOpen).add(pipelineOpen);
	}
}
