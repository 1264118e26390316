package dev.tandem.coaching.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Role;
import dev.tandem.people.TeamAccess;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs reviews: cycles that make a review per person with their manager of today as reviewer, and the flow of each
 * review in a fixed order (self-assessment, then the manager's assessment, then the conversation, then the reviewee's
 * acknowledgement, which signs it and freezes its facts). A step asked out of turn is refused and writes nothing. A
 * signed review changes only by a correction with a reason, which keeps the signed version readable and asks the
 * reviewee to acknowledge again. A review is seen by the reviewee, their line of managers, its reviewer and admins;
 * anyone else gets "not found".
 */
@Service
public class ReviewManagement {

	static final int MAX_TEXT = 4000;

	private final CoachingReviews reviews;
	private final ReviewTemplates templates;
	private final ReviewFigures figures;
	private final Visibility visibility;
	private final UserManagement users;
	private final TeamManagement teams;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ReviewManagement(CoachingReviews reviews, ReviewTemplates templates, ReviewFigures figures, Visibility visibility, UserManagement users,
			TeamManagement teams, ApplicationEventPublisher events, Clock clock) {
		this.reviews = reviews;
		this.templates = templates;
		this.figures = figures;
		this.visibility = visibility;
		this.users = users;
		this.teams = teams;
		this.events = events;
		this.clock = clock;
	}

	public Review get(CurrentUser viewer, UUID id) {
		Review review = reviews.find(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("review", id));
		if (!maySee(viewer, review)) {
			throw new RecordNotFoundException("review", id);
		}
		return review;
	}

	/** The reviews the viewer may see: their own, those they write, and those of the people in their line. */
	public List<Review> visible(CurrentUser viewer) {
		Set<UUID> people = visibility.visibleUsers(viewer);
		return reviews.of(viewer.orgId(), people, viewer.id()).stream().filter(r -> maySee(viewer, r)).toList();
	}

	/** The earlier, signed versions of a corrected review, oldest first. */
	public List<Review> versions(CurrentUser viewer, UUID id) {
		get(viewer, id);
		return reviews.versions(viewer.orgId(), id);
	}

	/** The cycles the viewer runs or has reviews in; every cycle for an admin. */
	public List<ReviewCycle> cycles(CurrentUser viewer) {
		List<ReviewCycle> all = reviews.cycles(viewer.orgId());
		if (viewer.isAdmin()) {
			return all;
		}
		Set<UUID> seen = new LinkedHashSet<>();
		visible(viewer).forEach(r -> seen.add(r.cycleId()));
		return all.stream().filter(c -> c.createdBy().equals(viewer.id()) || seen.contains(c.id())).toList();
	}

	public ReviewCycle cycle(CurrentUser viewer, UUID id) {
		return cycles(viewer).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new RecordNotFoundException("review cycle", id));
	}

	/** A cycle made earlier, as its creation answered (without who was left out), for a repeated idempotent create. */
	public ReviewInput.CycleCreated created(CurrentUser viewer, UUID cycleId) {
		return new ReviewInput.CycleCreated(cycle(viewer, cycleId), reviewsOf(viewer, cycleId).stream().map(Review::id).toList(), Map.of());
	}

	/** The visible reviews of a cycle. */
	public List<Review> reviewsOf(CurrentUser viewer, UUID cycleId) {
		cycle(viewer, cycleId);
		return visible(viewer).stream().filter(r -> r.cycleId().equals(cycleId)).toList();
	}

	/** Whether the viewer may start cycles: an admin, or someone who leads a team. */
	public boolean mayRunCycles(CurrentUser viewer) {
		return viewer.isAdmin() || !visibility.fullTeams(viewer).isEmpty();
	}

	/** Whether the viewer takes the step the review waits for. */
	public boolean mayAct(CurrentUser viewer, Review review) {
		return switch (review.status()) {
			case SELF_ASSESSMENT, ACKNOWLEDGEMENT -> viewer.id().equals(review.revieweeId());
			case ASSESSMENT, CONVERSATION -> managerSide(viewer, review);
			case SIGNED -> false;
		};
	}

	/** Whether the viewer may correct the review: it is signed and they are its reviewer or in the reviewee's line. */
	public boolean mayCorrect(CurrentUser viewer, Review review) {
		return review.signed() && managerSide(viewer, review);
	}

	/**
	 * Starts a cycle: a review for each person (those picked, or a team's members today) who has a manager today, with
	 * that manager as reviewer and the chosen template or, without one, the template of their role (the manager's for
	 * managers and executives, the rep's for everyone else).
	 */
	@Transactional
	public ReviewInput.CycleCreated createCycle(CurrentUser viewer, ReviewInput.NewCycle cycle) {
		return createCycle(viewer, Ids.next(), cycle);
	}

	/** As {@link #createCycle(CurrentUser, ReviewInput.NewCycle)}, the cycle with the given id (for an idempotent create). */
	@Transactional
	public ReviewInput.CycleCreated createCycle(CurrentUser viewer, UUID cycleId, ReviewInput.NewCycle given) {
		if (!mayRunCycles(viewer)) {
			throw new AccessDeniedException("review cycles are run by admins and managers");
		}
		LocalDate today = visibility.today(viewer.orgId());
		// Without a period: the six whole months before this one, the half-year just behind us.
		ReviewInput.NewCycle cycle = given.from() != null || given.to() != null ? given
				: new ReviewInput.NewCycle(given.name(), today.withDayOfMonth(1).minusMonths(6), today.withDayOfMonth(1), given.templateId(),
						given.people(), given.teamId());
		List<FieldProblem> problems = new ArrayList<>();
		String name = cycle.name() == null ? "" : cycle.name().strip();
		if (name.isEmpty() || name.length() > 120) {
			problems.add(new FieldProblem("name", "review.error.text", 120));
		}
		if (cycle.from() == null || cycle.from().getDayOfMonth() != 1) {
			problems.add(new FieldProblem("from", "review.error.month-start"));
		}
		if (cycle.to() == null || cycle.to().getDayOfMonth() != 1) {
			problems.add(new FieldProblem("to", "review.error.month-start"));
		}
		else if (cycle.from() != null && (!cycle.to().isAfter(cycle.from()) || ChronoUnit.MONTHS.between(cycle.from(), cycle.to()) > 24)) {
			problems.add(new FieldProblem("to", "review.error.period"));
		}
		ReviewTemplate chosen = null;
		if (cycle.templateId() != null) {
			chosen = templates.all(viewer.orgId()).stream().filter(t -> t.id().equals(cycle.templateId())).findFirst().orElse(null);
			if (chosen == null) {
				problems.add(new FieldProblem("templateId", "review.error.template"));
			}
		}
		Set<UUID> people = new LinkedHashSet<>();
		if (cycle.people() != null) {
			people.addAll(cycle.people());
		}
		if (cycle.teamId() != null) {
			if (visibility.teamAccess(viewer, cycle.teamId()) != TeamAccess.FULL) {
				problems.add(new FieldProblem("teamId", "review.error.team"));
			}
			else {
				people.addAll(teams.membersOn(viewer, cycle.teamId(), today));
			}
		}
		people.remove(viewer.id());
		for (UUID person : people) {
			if (!visibility.isInLineOf(viewer, person)) {
				problems.add(new FieldProblem("people", "review.error.person"));
				break;
			}
		}
		// A team with nobody in it today makes an empty cycle; without a team, someone has to be picked.
		if (people.isEmpty() && cycle.teamId() == null && problems.stream().noneMatch(p -> p.field().equals("people"))) {
			problems.add(new FieldProblem("people", "review.error.nobody"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		reviews.insertCycle(viewer.orgId(), cycleId, name, cycle.from(), cycle.to(), viewer.id(), now);
		Map<UUID, User> byId = new HashMap<>();
		users.all(viewer).forEach(u -> byId.put(u.id(), u));
		List<UUID> made = new ArrayList<>();
		Map<String, String> skipped = new LinkedHashMap<>();
		for (UUID person : people) {
			User user = byId.get(person);
			List<UUID> line = visibility.lineManagers(viewer.orgId(), person, today);
			if (user == null || !user.active() || user.role() == Role.PARTNER || user.role() == Role.ADMIN) {
				continue;
			}
			if (line.isEmpty()) {
				skipped.put(user.displayName(), "review.skipped.no-manager");
				continue;
			}
			ReviewTemplate template = chosen != null ? chosen
					: templates.shipped(viewer.orgId(), user.role() == Role.MANAGER || user.role() == Role.EXECUTIVE ? "MANAGER" : "REP");
			UUID id = Ids.next();
			reviews.insertReview(viewer.orgId(), id, cycleId, person, line.get(0), template, now, viewer.displayName());
			events.publishEvent(new ReviewAdvanced(viewer.orgId(), id, ReviewStatus.SELF_ASSESSMENT, 1));
			made.add(id);
		}
		return new ReviewInput.CycleCreated(reviews.cycle(viewer.orgId(), cycleId).orElseThrow(), made, skipped);
	}

	/** The reviewee scores each section and says how they see the period. */
	@Transactional
	public Review selfAssess(CurrentUser viewer, UUID id, ReviewInput.SelfAssessment input) {
		Review review = forStep(viewer, id, ReviewStatus.SELF_ASSESSMENT, input.version());
		List<FieldProblem> problems = new ArrayList<>();
		Map<Integer, ReviewInput.Score> scores = scores(review, input.scores(), problems);
		text("comment", input.comment(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		scores.forEach((position, s) -> reviews.selfScore(viewer.orgId(), id, position, s.score(), blankToNull(s.comment())));
		Map<String, @Nullable Object> columns = new LinkedHashMap<>();
		columns.put("self_comment", blankToNull(input.comment()));
		columns.put("self_at", clock.instant());
		return advance(viewer, review, ReviewStatus.ASSESSMENT, columns);
	}

	/** The manager scores each section and overall, comments and names the coaching topics. */
	@Transactional
	public Review assess(CurrentUser viewer, UUID id, ReviewInput.Assessment input) {
		Review review = forStep(viewer, id, ReviewStatus.ASSESSMENT, input.version());
		writeAssessment(viewer, review, input);
		Map<String, @Nullable Object> columns = assessmentColumns(viewer, input);
		return advance(viewer, review, ReviewStatus.CONVERSATION, columns);
	}

	/** The manager records the day the conversation was held (today or earlier). */
	@Transactional
	public Review held(CurrentUser viewer, UUID id, @Nullable LocalDate on, @Nullable Integer version) {
		Review review = forStep(viewer, id, ReviewStatus.CONVERSATION, version);
		LocalDate today = visibility.today(viewer.orgId());
		if (on == null || on.isAfter(today) || review.assessedAt() != null && on.isBefore(review.periodStart())) {
			throw InvalidInputException.of("heldOn", "review.error.held-on");
		}
		Map<String, @Nullable Object> columns = new LinkedHashMap<>();
		columns.put("held_on", on);
		columns.put("held_by", viewer.id());
		return advance(viewer, review, ReviewStatus.ACKNOWLEDGEMENT, columns);
	}

	/**
	 * The reviewee acknowledges (with a comment if they like): the review is signed and the facts of its period are
	 * frozen. A second acknowledgement is refused: the review waits for nothing any more.
	 */
	@Transactional
	public Review acknowledge(CurrentUser viewer, UUID id, @Nullable String comment, @Nullable Integer version) {
		Review review = forStep(viewer, id, ReviewStatus.ACKNOWLEDGEMENT, version);
		List<FieldProblem> problems = new ArrayList<>();
		text("comment", comment, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (review.snapshot() == null) {
			reviews.snapshot(viewer.orgId(), id, figures.facts(viewer, review.revieweeId(), review.periodStart(), review.periodEnd()));
		}
		Instant now = clock.instant();
		Map<String, @Nullable Object> columns = new LinkedHashMap<>();
		columns.put("acknowledged_at", now);
		columns.put("acknowledge_comment", blankToNull(comment));
		Review signed = advance(viewer, review, ReviewStatus.SIGNED, columns);
		events.publishEvent(new ReviewSigned(viewer.orgId(), id, signed.revieweeId(), signed.reviewerId(), signed.revision(), signed.overall(), now));
		return signed;
	}

	/**
	 * Corrects a signed review: the signed version is kept as it was, the review goes on as the next revision with the
	 * corrected assessment and the reason, and waits for the reviewee's acknowledgement again. Its facts stay frozen.
	 */
	@Transactional
	public Review correct(CurrentUser viewer, UUID id, ReviewInput.Assessment input) {
		Review review = forStep(viewer, id, ReviewStatus.SIGNED, input.version());
		if (input.reason() == null || input.reason().isBlank() || input.reason().strip().length() > MAX_TEXT) {
			throw InvalidInputException.of("reason", "review.error.reason", MAX_TEXT);
		}
		Instant now = clock.instant();
		reviews.archive(viewer.orgId(), review, viewer.id(), now);
		writeAssessment(viewer, review, input);
		Map<String, @Nullable Object> columns = assessmentColumns(viewer, input);
		columns.put("revision", review.revision() + 1);
		columns.put("corrected_at", now);
		columns.put("corrected_by", viewer.id());
		columns.put("correction_reason", input.reason().strip());
		columns.put("acknowledged_at", null);
		columns.put("acknowledge_comment", null);
		return advance(viewer, review, ReviewStatus.ACKNOWLEDGEMENT, columns);
	}

	private void writeAssessment(CurrentUser viewer, Review review, ReviewInput.Assessment input) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<Integer, ReviewInput.Score> scores = scores(review, input.scores(), problems);
		if (input.overall() == null || input.overall() < 1 || input.overall() > 10) {
			problems.add(new FieldProblem("overall", "review.error.score"));
		}
		text("comment", input.comment(), problems);
		text("coachingTopics", input.coachingTopics(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		scores.forEach((position, s) -> reviews.managerScore(viewer.orgId(), review.id(), position, s.score(), blankToNull(s.comment())));
	}

	private Map<String, @Nullable Object> assessmentColumns(CurrentUser viewer, ReviewInput.Assessment input) {
		Map<String, @Nullable Object> columns = new LinkedHashMap<>();
		columns.put("overall", input.overall());
		columns.put("manager_comment", blankToNull(input.comment()));
		columns.put("coaching_topics", blankToNull(input.coachingTopics()));
		columns.put("assessed_at", clock.instant());
		columns.put("assessed_by", viewer.id());
		return columns;
	}

	/** Every section scored once, 1 to 10; problems named {@code scores.<section>}. */
	private static Map<Integer, ReviewInput.Score> scores(Review review, @Nullable List<ReviewInput.Score> given, List<FieldProblem> problems) {
		Map<Integer, ReviewInput.Score> byPosition = new LinkedHashMap<>();
		if (given != null) {
			for (ReviewInput.Score s : given) {
				if (s != null && s.section() != null) {
					byPosition.put(s.section(), s);
				}
			}
		}
		Set<Integer> positions = new LinkedHashSet<>();
		review.items().forEach(i -> positions.add(i.position()));
		for (Integer position : byPosition.keySet()) {
			if (!positions.contains(position)) {
				problems.add(new FieldProblem("scores." + position, "review.error.section", positions.size()));
			}
		}
		for (ReviewItem item : review.items()) {
			ReviewInput.Score s = byPosition.get(item.position());
			if (s == null || s.score() == null || s.score() < 1 || s.score() > 10) {
				problems.add(new FieldProblem("scores." + item.position(), "review.error.score"));
			}
			else {
				text("comments." + item.position(), s.comment(), problems);
			}
		}
		byPosition.keySet().retainAll(positions);
		return byPosition;
	}

	private static void text(String field, @Nullable String value, List<FieldProblem> problems) {
		if (value != null && value.strip().length() > MAX_TEXT) {
			problems.add(new FieldProblem(field, "review.error.long", MAX_TEXT));
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * The review, locked, for a step: not found for who may not see it; refused for who may see it but does not take
	 * this step; refused as out of turn when it waits for another step; a conflict when the version read is stale.
	 */
	private Review forStep(CurrentUser viewer, UUID id, ReviewStatus step, @Nullable Integer version) {
		get(viewer, id);
		reviews.lock(viewer.orgId(), id);
		Review review = get(viewer, id);
		boolean revieweeStep = step.revieweesTurn();
		boolean allowed = revieweeStep ? viewer.id().equals(review.revieweeId()) : managerSide(viewer, review);
		if (!allowed) {
			throw new AccessDeniedException("not the viewer's step of this review");
		}
		if (review.status() != step) {
			throw new ReviewStepRefusedException(review.status());
		}
		if (version != null && version != review.version()) {
			throw new ConcurrentEditException("review", review.updatedBy(), review.updatedAt());
		}
		return review;
	}

	private Review advance(CurrentUser viewer, Review review, ReviewStatus next, Map<String, @Nullable Object> columns) {
		if (!reviews.step(viewer.orgId(), review.id(), review.version(), next, columns, clock.instant(), viewer.displayName())) {
			throw new ConcurrentEditException("review", review.updatedBy(), review.updatedAt());
		}
		Review moved = reviews.find(viewer.orgId(), review.id()).orElseThrow();
		if (next != ReviewStatus.SIGNED) {
			events.publishEvent(new ReviewAdvanced(viewer.orgId(), review.id(), next, moved.revision()));
		}
		return moved;
	}

	/** The reviewer, or one of the reviewee's line managers; never the reviewee. */
	private boolean managerSide(CurrentUser viewer, Review review) {
		return !viewer.id().equals(review.revieweeId()) && (viewer.id().equals(review.reviewerId()) || visibility.manages(viewer, review.revieweeId()));
	}

	private boolean maySee(CurrentUser viewer, Review review) {
		return viewer.id().equals(review.reviewerId()) || visibility.canSee(viewer, review.revieweeId());
	}
}
