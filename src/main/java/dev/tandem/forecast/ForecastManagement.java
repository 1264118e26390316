package dev.tandem.forecast;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.forecast.persistence.Submissions;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Visibility;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.LiveUpdates;
import dev.tandem.platform.Period;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes forecasts in: a rep submits their own, a team's leader the team's, each time as a new revision; a manager
 * above adjusts a submission with a reason, and the original stays as it was.
 */
@Service
public class ForecastManagement {

	private final Submissions submissions;
	private final Forecasts forecasts;
	private final ForecastAccess access;
	private final Visibility visibility;
	private final LiveUpdates live;
	private final Clock clock;

	ForecastManagement(Submissions submissions, Forecasts forecasts, ForecastAccess access, Visibility visibility, LiveUpdates live,
			Clock clock) {
		this.submissions = submissions;
		this.forecasts = forecasts;
		this.access = access;
		this.visibility = visibility;
		this.live = live;
		this.clock = clock;
	}

	/** Submits commit and best case for a rep (themselves) or a team (its leader) for a period that is not over. */
	@Transactional
	public Submission submit(CurrentUser user, Scope scope, Period period, @Nullable BigDecimal commit, @Nullable BigDecimal bestCase,
			@Nullable String note) {
		access.requireVisible(user, scope);
		List<FieldProblem> problems = new ArrayList<>();
		if (!access.maySubmit(user, scope)) {
			problems.add(new FieldProblem(scope.isTeam() ? "teamId" : "userId", "validation.forecast.not-yours"));
		}
		if (period.isOver(visibility.today(user.orgId()))) {
			problems.add(new FieldProblem("period", "validation.forecast.period-over"));
		}
		checkAmounts(commit, bestCase, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		ForecastNode node = forecasts.node(user, scope, period);
		UUID id = Ids.next();
		Instant now = clock.instant();
		try {
			submissions.insert(user.orgId(), id, scope, period, submissions.nextRevision(user.orgId(), scope, period), scale(commit),
					scale(bestCase), node.won(), node.openTotal(), blank(note), user.id(), now);
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// The same forecast submitted twice at once: the other one took this revision; nothing is lost, say so.
			Submission other = submissions.history(user.orgId(), scope, period).get(0);
			throw new ConcurrentEditException("forecast", other.submittedByName(), other.submittedAt());
		}
		announce(user, scope);
		return submissions.find(user.orgId(), id).orElseThrow();
	}

	/**
	 * A manager above the submitter sets other figures, with the reason. {@code seenAdjustment} is the adjustment the
	 * manager saw on the submission ({@code null}: none); if another one was made since, nothing is written and the
	 * manager hears who made it. Only the latest revision can be adjusted.
	 */
	@Transactional
	public Submission adjust(CurrentUser manager, UUID submissionId, @Nullable UUID seenAdjustment, @Nullable BigDecimal commit,
			@Nullable BigDecimal bestCase, @Nullable String reason) {
		if (!submissions.lock(manager.orgId(), submissionId)) {
			throw new RecordNotFoundException("submission", submissionId);
		}
		Submission submission = submissions.find(manager.orgId(), submissionId)
			.orElseThrow(() -> new RecordNotFoundException("submission", submissionId));
		access.requireVisible(manager, submission.scope());
		List<FieldProblem> problems = new ArrayList<>();
		if (!access.mayAdjust(manager, submission.scope())) {
			problems.add(new FieldProblem("submissionId", "validation.forecast.not-your-team"));
		}
		checkAmounts(commit, bestCase, problems);
		if (reason == null || reason.isBlank()) {
			problems.add(new FieldProblem("reason", "validation.forecast.reason"));
		}
		if (submissions.nextRevision(manager.orgId(), submission.scope(), submission.period()) > submission.revision() + 1) {
			problems.add(new FieldProblem("submissionId", "validation.forecast.superseded"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Adjustment latest = submission.adjustment();
		if (latest != null && !latest.id().equals(seenAdjustment)) {
			throw new ConcurrentEditException("forecast adjustment", latest.adjustedByName(), latest.adjustedAt());
		}
		submissions.adjust(manager.orgId(), Ids.next(), submissionId, scale(commit), scale(bestCase), reason.trim(), manager.id(),
				clock.instant());
		announce(manager, submission.scope());
		return submissions.find(manager.orgId(), submissionId).orElseThrow();
	}

	/** Every revision of a rep's or team's forecast for the period, newest first, with their adjustments. */
	public List<Submission> history(CurrentUser viewer, Scope scope, Period period) {
		access.requireVisible(viewer, scope);
		return submissions.history(viewer.orgId(), scope, period);
	}

	public List<Adjustment> adjustments(CurrentUser viewer, UUID submissionId) {
		Submission submission = submissions.find(viewer.orgId(), submissionId)
			.orElseThrow(() -> new RecordNotFoundException("submission", submissionId));
		access.requireVisible(viewer, submission.scope());
		return submissions.adjustments(viewer.orgId(), submissionId);
	}

	public boolean maySubmit(CurrentUser viewer, Scope scope) {
		return access.maySubmit(viewer, scope);
	}

	public boolean mayAdjust(CurrentUser viewer, Scope scope) {
		return access.mayAdjust(viewer, scope);
	}

	private void announce(CurrentUser user, Scope scope) {
		live.changed(user.orgId(), "forecast", scope.isTeam() ? List.of() : List.of(scope.id()),
				scope.isTeam() ? List.of(scope.id()) : List.of());
	}

	private static void checkAmounts(@Nullable BigDecimal commit, @Nullable BigDecimal bestCase, List<FieldProblem> problems) {
		if (commit == null || commit.signum() < 0) {
			problems.add(new FieldProblem("commit", "validation.forecast.amount"));
		}
		if (bestCase == null || bestCase.signum() < 0) {
			problems.add(new FieldProblem("bestCase", "validation.forecast.amount"));
		}
		else if (commit != null && bestCase.compareTo(commit) < 0) {
			problems.add(new FieldProblem("bestCase", "validation.forecast.best-case-below-commit"));
		}
	}

	private static BigDecimal scale(@Nullable BigDecimal amount) {
		return amount == null ? BigDecimal.ZERO : amount.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
