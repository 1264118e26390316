package dev.tandem.coaching.help;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.Activity;
import dev.tandem.crm.ActivityManagement;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.Idempotency;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raising a hand: a rep asks their line for help on a deal or an account they can see; whoever is in the rep's line
 * (their managers, recursively, and admins) answers in a thread, joins the deal's next activity or takes the deal over
 * with a reason; the rep resolves it with what they did. A request is private to the rep and their line: anyone else
 * gets "not found", lists leave it out.
 */
@Service
public class HelpRequestManagement {

	static final int MAX_QUESTION = 2000;
	static final int MAX_TEXT = 4000;
	static final int LIST_LIMIT = 200;

	private final HelpRequests requests;
	private final DealManagement deals;
	private final AccountManagement accounts;
	private final ActivityManagement activities;
	private final Visibility visibility;
	private final OrganisationManagement organisations;
	private final Idempotency idempotency;
	private final HelpSettings settings;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	HelpRequestManagement(HelpRequests requests, DealManagement deals, AccountManagement accounts, ActivityManagement activities,
			Visibility visibility, OrganisationManagement organisations, Idempotency idempotency, HelpSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.requests = requests;
		this.deals = deals;
		this.accounts = accounts;
		this.activities = activities;
		this.visibility = visibility;
		this.organisations = organisations;
		this.idempotency = idempotency;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** The request, for the rep and their line; "not found" for anyone else. */
	public HelpRequest get(CurrentUser viewer, UUID id) {
		return requests.find(viewer.orgId(), id).filter(r -> visibility.canSee(viewer, r.repId()))
			.orElseThrow(() -> new RecordNotFoundException("help-request", id));
	}

	public List<HelpAnswer> answers(CurrentUser viewer, UUID id) {
		return requests.answers(viewer.orgId(), get(viewer, id).id());
	}

	/** The viewer's own requests, newest first. */
	public List<HelpRequest> mine(CurrentUser viewer) {
		return requests.ofReps(viewer.orgId(), Set.of(viewer.id()), false, LIST_LIMIT);
	}

	/**
	 * The requests of the people in the viewer's line (everyone's for an admin), never their own: the open ones with the
	 * overdue first and then the oldest, or all of them newest first.
	 */
	public List<HelpRequest> inbox(CurrentUser viewer, boolean openOnly) {
		Set<UUID> people = new LinkedHashSet<>(visibility.visibleUsers(viewer));
		people.remove(viewer.id());
		List<HelpRequest> found = new ArrayList<>(requests.ofReps(viewer.orgId(), people, openOnly, LIST_LIMIT));
		if (openOnly) {
			ZoneId zone = zone(viewer.orgId());
			Instant now = clock.instant();
			found.sort(Comparator.comparing((HelpRequest r) -> !overdue(r, zone, now)).thenComparing(HelpRequest::askedAt));
		}
		return found;
	}

	/** The open requests on a deal or account the viewer sees, for the card on its page. */
	public List<HelpRequest> onRecord(CurrentUser viewer, @Nullable UUID dealId, @Nullable UUID accountId) {
		return requests.onRecord(viewer.orgId(), dealId, accountId).stream().filter(r -> visibility.canSee(viewer, r.repId())).toList();
	}

	/** When an unanswered request becomes overdue: the setting's working days after it was raised. */
	public Instant dueBy(UUID orgId, HelpRequest request) {
		return WorkingDays.after(request.askedAt(), settings.helpOverdueWorkingDays(), zone(orgId));
	}

	/** Whether the request is still without a first answer past its working days. */
	public boolean overdue(UUID orgId, HelpRequest request) {
		return overdue(request, zone(orgId), clock.instant());
	}

	private boolean overdue(HelpRequest request, ZoneId zone, Instant now) {
		return request.status() == HelpStatus.OPEN
				&& now.isAfter(WorkingDays.after(request.askedAt(), settings.helpOverdueWorkingDays(), zone));
	}

	/** Whether the viewer is one of the rep's line managers (or an admin): who joins or takes over. */
	public boolean managesRep(CurrentUser viewer, HelpRequest request) {
		return viewer.isAdmin() || visibility.manages(viewer, request.repId());
	}

	/** Raises a hand; with an {@code Idempotency-Key}, repeating it answers the first request without raising again. */
	@Transactional
	public HelpRequest ask(CurrentUser rep, NewHelpRequest request, @Nullable String idempotencyKey) {
		return idempotency.once(rep, idempotencyKey, request, "help-request", id -> insert(rep, id, request), id -> get(rep, id))
			.value();
	}

	private HelpRequest insert(CurrentUser rep, UUID id, NewHelpRequest r) {
		List<FieldProblem> problems = new ArrayList<>();
		if (r.dealId() == null && r.accountId() == null) {
			problems.add(new FieldProblem("dealId", "help.validation.subject.missing"));
		}
		else if (r.dealId() != null && r.accountId() != null) {
			problems.add(new FieldProblem("dealId", "help.validation.subject.both"));
		}
		else if (r.dealId() != null) {
			try {
				deals.get(rep, r.dealId());
			}
			catch (RecordNotFoundException ex) {
				problems.add(new FieldProblem("dealId", "validation.deal.unknown"));
			}
		}
		else {
			try {
				accounts.get(rep, r.accountId());
			}
			catch (RecordNotFoundException ex) {
				problems.add(new FieldProblem("accountId", "validation.account.unknown"));
			}
		}
		String question = r.question() == null ? "" : r.question().trim();
		if (question.isEmpty() || question.length() > MAX_QUESTION) {
			problems.add(new FieldProblem("question", "validation.text.length", 1, MAX_QUESTION));
		}
		HelpCategory category = parse(HelpCategory.class, r.category(), "category", problems);
		HelpUrgency urgency = r.urgency() == null || r.urgency().isBlank() ? HelpUrgency.NORMAL
				: parse(HelpUrgency.class, r.urgency(), "urgency", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		requests.insert(rep.orgId(), id, rep.id(), r.dealId(), r.accountId(), question, category, urgency, now);
		events.publishEvent(new HelpRequested(rep.orgId(), id, rep.id(), r.dealId(), r.accountId(), category, urgency, now));
		return get(rep, id);
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field, List<FieldProblem> problems) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
				return constant;
			}
		}
		problems.add(new FieldProblem(field, "help.validation.one-of",
				String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
		return null;
	}

	/**
	 * Adds a message to the thread: guidance or a question from the line, or the rep's reply. The first message from
	 * someone else than the rep is the first answer, which ends the response time. A message on a resolved request
	 * opens it again, as a reply to a closed ticket does: the conversation was not over.
	 */
	@Transactional
	public HelpAnswer answer(CurrentUser author, UUID id, @Nullable String text, @Nullable Integer version) {
		HelpRequest request = get(author, id);
		String body = requireText(text, "text", MAX_TEXT);
		Instant now = clock.instant();
		int expected = version == null ? request.version() : version;
		boolean fromLine = !author.id().equals(request.repId());
		if (!requests.replied(author.orgId(), id, author.id(), fromLine, now, expected)) {
			throw new ConcurrentEditException("help-request", null, null);
		}
		HelpAnswer answer = new HelpAnswer(Ids.next(), id, author.id(), author.displayName(), body, now);
		requests.addAnswer(author.orgId(), answer);
		if (fromLine) {
			events.publishEvent(new HelpAnswered(author.orgId(), id, answer.id(), request.repId(), author.id(),
					request.firstAnswerAt() == null, now));
		}
		return answer;
	}

	/** The rep closes their request and says what they did. */
	@Transactional
	public HelpRequest resolve(CurrentUser rep, UUID id, @Nullable String resolution, @Nullable Integer version) {
		HelpRequest request = get(rep, id);
		if (!rep.id().equals(request.repId())) {
			throw InvalidInputException.of("form", "help.validation.only-rep");
		}
		String what = requireText(resolution, "resolution", MAX_TEXT);
		if (request.status().closed()) {
			throw InvalidInputException.of("resolution", "help.validation.closed");
		}
		if (!requests.resolve(rep.orgId(), id, what, clock.instant(), version == null ? request.version() : version)) {
			throw new ConcurrentEditException("help-request", null, null);
		}
		return get(rep, id);
	}

	/**
	 * "I'll join": the manager takes part in the next planned activity on the deal (or the account), which makes it
	 * joint with the rep (not a takeover). Without one planned, the next activity logged there gets the manager as
	 * participant.
	 */
	@Transactional
	public HelpRequest join(CurrentUser manager, UUID id, @Nullable Integer version) {
		HelpRequest request = requireManaged(manager, id);
		if (request.status().closed()) {
			throw InvalidInputException.of("form", "help.validation.closed");
		}
		Instant now = clock.instant();
		List<Activity> planned = request.dealId() != null ? activities.ofDeal(manager, request.dealId())
				: request.accountId() != null ? activities.ofAccount(manager, request.accountId()) : List.of();
		Optional<Activity> next = planned.stream()
			.filter(a -> !a.done() && a.dueAt() != null && !a.dueAt().isBefore(now))
			.min(Comparator.comparing(Activity::when));
		next.ifPresent(a -> activities.addParticipant(manager, a.id(), manager.id()));
		if (!requests.join(manager.orgId(), id, manager.id(), now, next.map(Activity::id).orElse(null),
				version == null ? request.version() : version)) {
			throw new ConcurrentEditException("help-request", null, null);
		}
		return get(manager, id);
	}

	/** The activity logged on a deal or account where a manager said they would join, which now has them as participant. */
	void joinLogged(CurrentUser manager, HelpRequest request, UUID activityId) {
		activities.addParticipant(manager, activityId, manager.id());
		requests.joinedActivity(manager.orgId(), request.id(), activityId);
	}

	List<HelpRequest> waitingToJoin(UUID orgId, @Nullable UUID dealId, @Nullable UUID accountId) {
		return requests.waitingToJoin(orgId, dealId, accountId);
	}

	/** "I'll take it over": possible, but recorded on the request as a takeover with the reason. */
	@Transactional
	public HelpRequest takeOver(CurrentUser manager, UUID id, @Nullable String reason, @Nullable Integer version) {
		HelpRequest request = requireManaged(manager, id);
		String why = requireText(reason, "reason", MAX_TEXT);
		if (request.status() == HelpStatus.RESOLVED || request.status() == HelpStatus.TAKEN_OVER) {
			throw InvalidInputException.of("reason", "help.validation.closed");
		}
		if (!requests.takeOver(manager.orgId(), id, manager.id(), why, clock.instant(), version == null ? request.version() : version)) {
			throw new ConcurrentEditException("help-request", null, null);
		}
		return get(manager, id);
	}

	/** The takeovers the manager recorded on requests in the range, for the takeover page. */
	public List<HelpRequest> takeoversBy(CurrentUser viewer, UUID managerId, Instant from, Instant to) {
		return requests.takeovers(viewer.orgId(), managerId, from, to).stream().filter(r -> visibility.canSee(viewer, r.repId())).toList();
	}

	private HelpRequest requireManaged(CurrentUser manager, UUID id) {
		HelpRequest request = get(manager, id);
		// The admins stand in everyone's line: they may act as the manager where a rep has none.
		if (!manager.isAdmin() && !visibility.manages(manager, request.repId())) {
			throw InvalidInputException.of("form", "help.validation.only-line");
		}
		return request;
	}

	private static String requireText(@Nullable String text, String field, int max) {
		String value = text == null ? "" : text.trim();
		if (value.isEmpty() || value.length() > max) {
			throw InvalidInputException.of(field, "validation.text.length", 1, max);
		}
		return value;
	}

	private ZoneId zone(UUID orgId) {
		return organisations.get(orgId).timeZone();
	}
}
