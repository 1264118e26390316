package dev.tandem.coaching.mentoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.Idempotency;
import dev.tandem.forecast.Accuracy;
import dev.tandem.goals.Scope;
import dev.tandem.insight.Dashboards;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Period;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manager-readiness assessments with 360 input. One of the candidate's line (their manager, the head of sales, an admin)
 * starts one and invites raters; each rater answers once; the line concludes with a summary. Who sees what is in
 * {@link ReadinessView}: a rater who is not the candidate nor in their line sees only their own answer form.
 */
@Service
public class ReadinessManagement {

	static final int MAX_TEXT = 2000;
	static final int EVIDENCE_MONTHS = 6;

	private final ReadinessAssessments assessments;
	private final Mentorships mentorships;
	private final HelpGiven help;
	private final Accuracy accuracy;
	private final Dashboards dashboards;
	private final UserManagement users;
	private final Visibility visibility;
	private final OrganisationManagement organisations;
	private final Idempotency idempotency;
	private final Clock clock;

	ReadinessManagement(ReadinessAssessments assessments, Mentorships mentorships, HelpGiven help, Accuracy accuracy, Dashboards dashboards,
			UserManagement users, Visibility visibility, OrganisationManagement organisations, Idempotency idempotency, Clock clock) {
		this.assessments = assessments;
		this.mentorships = mentorships;
		this.help = help;
		this.accuracy = accuracy;
		this.dashboards = dashboards;
		this.users = users;
		this.visibility = visibility;
		this.organisations = organisations;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	/** The assessments the viewer may see: of people in their line, and their own (as candidate); newest first. */
	public List<ReadinessAssessment> list(CurrentUser viewer) {
		return assessments.ofCandidates(viewer.orgId(), visibility.visibleUsers(viewer));
	}

	/** The viewer's invitations to rate someone, open ones first, each with its assessment. */
	public record Invited(Invitation invitation, ReadinessAssessment assessment) {
	}

	public List<Invited> invitations(CurrentUser viewer) {
		List<Invited> result = new ArrayList<>();
		for (Invitation i : assessments.invitationsOf(viewer.orgId(), viewer.id())) {
			assessments.find(viewer.orgId(), i.assessmentId()).ifPresent(a -> result.add(new Invited(i, a)));
		}
		return result;
	}

	public boolean manages(CurrentUser viewer, ReadinessAssessment a) {
		return visibility.isInLineOf(viewer, a.candidateId());
	}

	/** The assessment as the viewer may see it; 404 for anyone but the candidate, their line and admins. */
	public ReadinessView view(CurrentUser viewer, UUID id) {
		ReadinessAssessment a = assessments.find(viewer.orgId(), id).filter(x -> visibility.canSee(viewer, x.candidateId()))
			.orElseThrow(() -> new RecordNotFoundException("readiness assessment", id));
		boolean manage = manages(viewer, a);
		List<Invitation> invitations = assessments.invitations(viewer.orgId(), id);
		Invitation mine = invitations.stream().filter(i -> i.raterId().equals(viewer.id())).findFirst().orElse(null);
		return new ReadinessView(a, manage ? invitations : List.of(), RatingAggregate.of(assessments.answers(viewer.orgId(), id)),
				evidence(viewer, a.candidateId()), manage, mine);
	}

	/** What the data says about the candidate, as the viewer (who may see the candidate) reads it. */
	public ReadinessEvidence evidence(CurrentUser viewer, UUID candidateId) {
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		LocalDate today = visibility.today(viewer.orgId());
		LocalDate from = today.minusMonths(EVIDENCE_MONTHS);
		long[] given = help.onColleaguesDeals(viewer.orgId(), candidateId, from.atStartOfDay(zone).toInstant(),
				today.plusDays(1).atStartOfDay(zone).toInstant());
		int mentored = mentorships.mentoredBy(viewer.orgId(), candidateId, from, today.plusDays(1));
		Double forecast = Accuracy.accuracy(accuracy.of(viewer, Scope.user(candidateId), Period.Kind.MONTH, EVIDENCE_MONTHS));
		Double hygiene = dashboards.hygiene(viewer, Scope.user(candidateId)).score();
		return new ReadinessEvidence(EVIDENCE_MONTHS, given[0], given[1], mentored, forecast, hygiene);
	}

	/** Starts an assessment on a scale of 5 or 10 and invites the candidate (self rating) and the one who starts it. */
	@Transactional
	public ReadinessAssessment start(CurrentUser viewer, @Nullable UUID candidateId, @Nullable Integer scale, @Nullable String idempotencyKey) {
		record Start(@Nullable UUID candidateId, @Nullable Integer scale) {
		}
		return idempotency.once(viewer, idempotencyKey, new Start(candidateId, scale), "readiness", id -> {
			List<FieldProblem> problems = new ArrayList<>();
			if (candidateId == null) {
				throw InvalidInputException.of("candidateId", "jakarta.validation.constraints.NotNull.message");
			}
			if (!visibility.canSee(viewer, candidateId)) {
				throw new RecordNotFoundException("person", candidateId);
			}
			if (!visibility.isInLineOf(viewer, candidateId)) {
				problems.add(new FieldProblem("candidateId", "coaching.readiness.error.not-yours"));
			}
			User candidate = users.recipient(viewer.orgId(), candidateId).orElseThrow(() -> new RecordNotFoundException("person", candidateId));
			if (candidate.role() != Role.REP && candidate.role() != Role.MANAGER) {
				problems.add(new FieldProblem("candidateId", "coaching.readiness.error.candidate"));
			}
			int s = scale == null ? 10 : scale;
			if (s != 5 && s != 10) {
				problems.add(new FieldProblem("scale", "coaching.readiness.error.scale"));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			assessments.insert(viewer.orgId(), id, candidateId, viewer.id(), s, clock.instant(), viewer.displayName());
			assessments.invite(viewer.orgId(), dev.tandem.platform.Ids.next(), id, candidateId, RaterRelation.SELF, viewer.id(), clock.instant());
			assessments.invite(viewer.orgId(), dev.tandem.platform.Ids.next(), id, viewer.id(), RaterRelation.MANAGER, viewer.id(),
					clock.instant());
			return get(viewer, id);
		}, id -> get(viewer, id)).value();
	}

	/** Invites raters (colleagues of the organisation, partners too); the relation follows from who they are. */
	@Transactional
	public List<Invitation> invite(CurrentUser viewer, UUID id, @Nullable Collection<UUID> raterIds) {
		ReadinessAssessment a = requireManaged(viewer, id);
		if (raterIds == null || raterIds.isEmpty()) {
			throw InvalidInputException.of("raterIds", "jakarta.validation.constraints.NotNull.message");
		}
		if (!a.isOpen()) {
			throw InvalidInputException.of("raterIds", "coaching.readiness.error.closed");
		}
		LocalDate today = visibility.today(viewer.orgId());
		List<UUID> line = visibility.lineManagers(viewer.orgId(), a.candidateId(), today);
		List<FieldProblem> problems = new ArrayList<>();
		for (UUID raterId : raterIds) {
			User rater = users.recipient(viewer.orgId(), raterId).orElse(null);
			if (rater == null || !rater.active()) {
				problems.add(new FieldProblem("raterIds", "coaching.readiness.error.rater"));
				continue;
			}
			RaterRelation relation = raterId.equals(a.candidateId()) ? RaterRelation.SELF
					: line.contains(raterId) ? RaterRelation.MANAGER : rater.role() == Role.PARTNER ? RaterRelation.PARTNER : RaterRelation.PEER;
			if (!assessments.invite(viewer.orgId(), dev.tandem.platform.Ids.next(), id, raterId, relation, viewer.id(), clock.instant())) {
				problems.add(new FieldProblem("raterIds", "coaching.readiness.error.invited", rater.displayName()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return assessments.invitations(viewer.orgId(), id);
	}

	/** The viewer's answer form for an assessment; 404 when they were not invited to it. */
	public AnswerForm form(CurrentUser viewer, UUID id) {
		Invitation invitation = invitationOf(viewer, id);
		ReadinessAssessment a = assessments.find(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("readiness assessment", id));
		return new AnswerForm(a, invitation, invitation.answered() ? assessments.answerOf(viewer.orgId(), invitation) : null);
	}

	/** The viewer's answer, once: a score for every competency within the scale, and comments. */
	@Transactional
	public AnswerForm answer(CurrentUser viewer, UUID id, NewAnswer answer) {
		Invitation invitation = invitationOf(viewer, id);
		ReadinessAssessment a = assessments.find(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("readiness assessment", id));
		if (!a.isOpen()) {
			throw InvalidInputException.of("scores", "coaching.readiness.error.closed");
		}
		if (invitation.answered()) {
			throw InvalidInputException.of("scores", "coaching.readiness.error.answered");
		}
		Map<Competency, Integer> scores = new EnumMap<>(Competency.class);
		Map<Competency, String> comments = new EnumMap<>(Competency.class);
		List<FieldProblem> problems = new ArrayList<>();
		Map<Competency, Integer> given = answer.scores() == null ? Map.of() : answer.scores();
		for (Competency c : Competency.values()) {
			Integer value = given.get(c);
			if (value == null || value < 1 || value > a.scale()) {
				problems.add(new FieldProblem("scores." + c.name(), "coaching.readiness.error.score", 1, a.scale()));
			}
			else {
				scores.put(c, value);
			}
		}
		if (answer.comments() != null) {
			answer.comments().forEach((c, text) -> {
				if (c == null) {
					return;
				}
				if (text != null && text.length() > MAX_TEXT) {
					problems.add(new FieldProblem("comments." + c.name(), "jakarta.validation.constraints.Size.message", 0, MAX_TEXT));
				}
				else if (text != null && !text.isBlank()) {
					comments.put(c, text.strip());
				}
			});
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!assessments.markAnswered(viewer.orgId(), invitation.id(), clock.instant())) {
			throw InvalidInputException.of("scores", "coaching.readiness.error.answered");
		}
		scores.forEach((c, score) -> assessments.insertScore(viewer.orgId(), invitation.id(), c, score, comments.get(c)));
		return form(viewer, id);
	}

	/** Writes the summary (again, with the version as read): where the candidate stands and what to develop. */
	@Transactional
	public ReadinessAssessment conclude(CurrentUser viewer, UUID id, Conclusion conclusion) {
		ReadinessAssessment a = requireManaged(viewer, id);
		List<FieldProblem> problems = new ArrayList<>();
		ReadinessSummary summary = conclusion.summary();
		if (summary == null) {
			problems.add(new FieldProblem("summary", "coaching.readiness.error.summary"));
		}
		List<Competency> areas = new ArrayList<>();
		for (Competency c : conclusion.developmentAreas() == null ? List.<Competency>of() : conclusion.developmentAreas()) {
			if (c != null && !areas.contains(c)) {
				areas.add(c);
			}
		}
		if (conclusion.note() != null && conclusion.note().length() > MAX_TEXT) {
			problems.add(new FieldProblem("note", "jakarta.validation.constraints.Size.message", 0, MAX_TEXT));
		}
		if (conclusion.version() == null) {
			problems.add(new FieldProblem("version", "jakarta.validation.constraints.NotNull.message"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String note = conclusion.note() == null || conclusion.note().isBlank() ? null : conclusion.note().strip();
		if (!assessments.conclude(viewer.orgId(), id, conclusion.version(), summary, areas, note, clock.instant(), viewer.displayName())) {
			throw new ConcurrentEditException("readiness assessment", a.updatedBy(), a.updatedAt());
		}
		return get(viewer, id);
	}

	private ReadinessAssessment get(CurrentUser viewer, UUID id) {
		return assessments.find(viewer.orgId(), id).filter(x -> visibility.canSee(viewer, x.candidateId()))
			.orElseThrow(() -> new RecordNotFoundException("readiness assessment", id));
	}

	private ReadinessAssessment requireManaged(CurrentUser viewer, UUID id) {
		ReadinessAssessment a = get(viewer, id);
		if (!manages(viewer, a)) {
			throw new org.springframework.security.access.AccessDeniedException("Only the candidate's line runs an assessment");
		}
		return a;
	}

	private Invitation invitationOf(CurrentUser viewer, UUID id) {
		return assessments.invitationsOf(viewer.orgId(), viewer.id()).stream().filter(i -> i.assessmentId().equals(id)).findFirst()
			.orElseThrow(() -> new RecordNotFoundException("readiness assessment", id));
	}
}
