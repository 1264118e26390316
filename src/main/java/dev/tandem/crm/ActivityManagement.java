package dev.tandem.crm;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.persistence.Accounts;
import dev.tandem.crm.persistence.Activities;
import dev.tandem.crm.persistence.Deals;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logs activities in as few fields as possible and keeps tasks. An activity on a deal belongs to the
 * deal's owner, whoever logs it; a manager who logs one without the rep taking part is what the
 * takeover indicator counts, so colleagues who took part are recorded and make it joint.
 */
@Service
public class ActivityManagement {

	private final Activities activities;
	private final Deals deals;
	private final Accounts accounts;
	private final DealManagement dealManagement;
	private final AccountManagement accountManagement;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final Access access;
	private final Idempotency idempotency;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ActivityManagement(Activities activities, Deals deals, Accounts accounts, DealManagement dealManagement,
			AccountManagement accountManagement, OrganisationManagement organisations, Visibility visibility, Access access,
			Idempotency idempotency, ApplicationEventPublisher events, Clock clock) {
		this.activities = activities;
		this.deals = deals;
		this.accounts = accounts;
		this.dealManagement = dealManagement;
		this.accountManagement = accountManagement;
		this.organisations = organisations;
		this.visibility = visibility;
		this.access = access;
		this.idempotency = idempotency;
		this.events = events;
		this.clock = clock;
	}

	public Activity get(CurrentUser viewer, UUID id) {
		Activity activity = activities.find(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("activity", id));
		Set<UUID> owners = access.owners(viewer);
		boolean visible = owners.contains(activity.ownerId())
				|| (activity.dealId() != null && deals.find(viewer.orgId(), activity.dealId()).map(d -> owners.contains(d.ownerId())).orElse(false));
		if (!visible) {
			throw new RecordNotFoundException("activity", id);
		}
		return activity;
	}

	public Listing<Activity> list(CurrentUser viewer, @Nullable UUID ownerId, @Nullable ActivityType type, @Nullable Instant from,
			@Nullable Instant to, ListRequest request) {
		Set<UUID> owners = access.owners(viewer);
		List<Activity> rows = activities.list(viewer.orgId(), owners, ownerId, type, from, to, request.after(), request.fetchSize(), 0, false);
		return Listing.of(rows, activities.count(viewer.orgId(), owners, ownerId, type, from, to), request, Activity::id);
	}

	public Listing<Activity> page(CurrentUser viewer, @Nullable UUID ownerId, @Nullable ActivityType type, @Nullable Instant from,
			@Nullable Instant to, int page, int size) {
		Set<UUID> owners = access.owners(viewer);
		return new Listing<>(activities.list(viewer.orgId(), owners, ownerId, type, from, to, null, size, page * size, true),
				activities.count(viewer.orgId(), owners, ownerId, type, from, to), null);
	}

	/** A page of the done activities, newest first: what was actually done, without the open tasks between them. */
	public Listing<Activity> donePage(CurrentUser viewer, @Nullable UUID ownerId, @Nullable ActivityType type, @Nullable Instant from,
			@Nullable Instant to, int page, int size) {
		Set<UUID> owners = access.owners(viewer);
		return new Listing<>(activities.list(viewer.orgId(), owners, ownerId, type, from, to, true, null, size, page * size, true),
				activities.count(viewer.orgId(), owners, ownerId, type, from, to, true), null);
	}

	/** The open tasks due from the start of today on, soonest first, that the viewer may see. */
	public List<Activity> upcomingTasks(CurrentUser viewer, @Nullable UUID ownerId, int limit) {
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Instant start = visibility.today(viewer.orgId()).atStartOfDay(zone).toInstant();
		return activities.upcomingTasks(viewer.orgId(), access.owners(viewer), ownerId, start, limit);
	}

	public List<Activity> ofDeal(CurrentUser viewer, UUID dealId) {
		dealManagement.get(viewer, dealId);
		return activities.ofDeal(viewer.orgId(), dealId);
	}

	public List<Activity> ofAccount(CurrentUser viewer, UUID accountId) {
		accountManagement.get(viewer, accountId);
		Set<UUID> owners = access.owners(viewer);
		return activities.ofAccount(viewer.orgId(), accountId, 200).stream().filter(a -> owners.contains(a.ownerId())).toList();
	}

	public List<Activity> ofContact(CurrentUser viewer, UUID contactId) {
		accountManagement.contact(viewer, contactId);
		Set<UUID> owners = access.owners(viewer);
		return activities.ofContact(viewer.orgId(), contactId, 200).stream().filter(a -> owners.contains(a.ownerId())).toList();
	}

	/** The user's open tasks due today or earlier, oldest first. */
	public List<Activity> myDay(CurrentUser user) {
		ZoneId zone = organisations.get(user.orgId()).timeZone();
		Instant endOfToday = visibility.today(user.orgId()).plusDays(1).atStartOfDay(zone).toInstant();
		return activities.openTasks(user.orgId(), user.id(), endOfToday);
	}

	/** What the user logged or did today, newest first. */
	public List<Activity> today(CurrentUser user) {
		ZoneId zone = organisations.get(user.orgId()).timeZone();
		Instant start = visibility.today(user.orgId()).atStartOfDay(zone).toInstant();
		return activities.list(user.orgId(), Set.of(user.id()), user.id(), null, start, start.plusSeconds(86400), null, 100, 0, true)
			.stream().filter(Activity::done).toList();
	}

	@Transactional
	public Activity log(CurrentUser user, NewActivity activity, @Nullable String idempotencyKey) {
		return idempotency.once(user, idempotencyKey, activity, "activity", id -> insert(user, id, activity), id -> get(user, id))
			.value();
	}

	/** Logs an activity and, when there is one, the follow-up task it leads to: both or, when either is refused, neither. */
	@Transactional
	public Activity logWithFollowUp(CurrentUser user, NewActivity activity, @Nullable NewActivity followUp) {
		Activity logged = log(user, activity, null);
		if (followUp != null) {
			log(user, followUp, null);
		}
		return logged;
	}

	private Activity insert(CurrentUser user, UUID id, NewActivity a) {
		List<FieldProblem> problems = new ArrayList<>();
		if (a.subject() == null || a.subject().isBlank() || a.subject().length() > 200) {
			problems.add(new FieldProblem("subject", "validation.text.length", 1, 200));
		}
		if (a.durationMinutes() != null && (a.durationMinutes() < 0 || a.durationMinutes() > 1440)) {
			problems.add(new FieldProblem("durationMinutes", "validation.range", 0, 1440));
		}
		Deal deal = null;
		if (a.dealId() != null) {
			try {
				deal = dealManagement.get(user, a.dealId());
			}
			catch (RecordNotFoundException ex) {
				problems.add(new FieldProblem("dealId", "validation.deal.unknown"));
			}
		}
		UUID accountId = a.accountId() != null ? a.accountId() : deal == null ? null : deal.accountId();
		if (accountId != null && !accounts.visible(user.orgId(), accountId, access.owners(user))) {
			problems.add(new FieldProblem("accountId", "validation.account.unknown"));
		}
		List<UUID> contactIds = a.contactIds() == null ? List.of() : List.copyOf(a.contactIds());
		for (UUID contactId : contactIds) {
			boolean ok = accounts.findContact(user.orgId(), contactId)
				.filter(c -> accountId == null ? accounts.visible(user.orgId(), c.accountId(), access.owners(user))
						: c.accountId().equals(accountId))
				.isPresent();
			if (!ok) {
				problems.add(new FieldProblem("contactIds", "validation.contact.not-of-account"));
				break;
			}
		}
		UUID ownerId = a.ownerId() != null ? a.ownerId() : deal != null ? deal.ownerId() : user.id();
		if (!access.mayAssignTo(user, ownerId)) {
			problems.add(new FieldProblem("ownerId", "validation.owner.not-yours"));
		}
		List<UUID> participants = a.participantIds() == null ? List.of() : a.participantIds().stream().distinct().toList();
		// A colleague who took part is someone the user sees, or one of the user's line managers riding along.
		List<UUID> lineManagers = participants.isEmpty() ? List.of()
				: visibility.lineManagers(user.orgId(), user.id(), visibility.today(user.orgId()));
		for (UUID participant : participants) {
			if (!visibility.canSee(user, participant) && !lineManagers.contains(participant)) {
				problems.add(new FieldProblem("participantIds", "validation.user.unknown"));
				break;
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		boolean task = a.type() == ActivityType.TASK;
		Instant occurredAt = task ? null : a.occurredAt() == null ? now : a.occurredAt();
		Instant dueAt = task ? (a.dueAt() == null ? now : a.dueAt()) : null;
		Activity created = new Activity(id, a.type(), a.channel() == null ? NewActivity.defaultChannel(a.type()) : a.channel(),
				a.direction() == null ? Direction.OUTBOUND : a.direction(), a.subject().trim(), blank(a.notes()), blank(a.outcome()),
				a.durationMinutes(), occurredAt, dueAt, !task, a.dealId(), null, accountId, null, ownerId, "", user.id(),
				!participants.isEmpty(), contactIds, participants, now, 0);
		activities.insert(user.orgId(), created);
		if (!task) {
			if (a.dealId() != null) {
				deals.touchActivity(user.orgId(), a.dealId(), occurredAt);
			}
			events.publishEvent(new ActivityLogged(user.orgId(), id, a.type(), created.channel(), ownerId, user.id(), a.dealId(),
					accountId, occurredAt));
		}
		return get(user, id);
	}

	/** Marks a task done now, which makes it count as an activity. */
	@Transactional
	public Activity complete(CurrentUser user, UUID id, int version, @Nullable String outcome) {
		Activity task = get(user, id);
		if (task.done()) {
			return task;
		}
		Instant now = clock.instant();
		if (!activities.complete(user.orgId(), id, now, blank(outcome), version)) {
			throw new ConcurrentEditException("activity", null, null);
		}
		if (task.dealId() != null) {
			deals.touchActivity(user.orgId(), task.dealId(), now);
		}
		events.publishEvent(new ActivityLogged(user.orgId(), id, task.type(), task.channel(), task.ownerId(), user.id(),
				task.dealId(), task.accountId(), now));
		return get(user, id);
	}

	/**
	 * Makes {@code participantId} someone who takes part in the activity alongside its owner (a manager who joins the
	 * rep's next meeting): the activity becomes joint, which the takeover ratio does not count as taking over. Only
	 * for someone who may see the activity, and only the owner's line of managers or colleagues the user sees.
	 */
	@Transactional
	public Activity addParticipant(CurrentUser user, UUID id, UUID participantId) {
		Activity activity = get(user, id);
		if (!visibility.canSee(user, participantId)
				&& !visibility.lineManagers(user.orgId(), activity.ownerId(), visibility.today(user.orgId())).contains(participantId)) {
			throw InvalidInputException.of("participantIds", "validation.user.unknown");
		}
		activities.addParticipant(user.orgId(), id, participantId);
		return get(user, id);
	}

	/** Corrects what was logged: subject, notes, outcome, duration and time. */
	@Transactional
	public Activity update(CurrentUser user, UUID id, int version, ActivityEdit edit) {
		Activity current = get(user, id);
		List<FieldProblem> problems = new ArrayList<>();
		String subject = edit.subject() == null ? current.subject() : edit.subject().trim();
		if (subject.isEmpty() || subject.length() > 200) {
			problems.add(new FieldProblem("subject", "validation.text.length", 1, 200));
		}
		Integer duration = edit.durationMinutes() == null ? current.durationMinutes() : edit.durationMinutes();
		if (duration != null && (duration < 0 || duration > 1440)) {
			problems.add(new FieldProblem("durationMinutes", "validation.range", 0, 1440));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant occurredAt = current.occurredAt() != null && edit.occurredAt() != null ? edit.occurredAt() : current.occurredAt();
		Instant dueAt = current.dueAt() != null && edit.dueAt() != null ? edit.dueAt() : current.dueAt();
		if (!activities.update(user.orgId(), id, subject, edit.notes() == null ? current.notes() : blank(edit.notes()),
				edit.outcome() == null ? current.outcome() : blank(edit.outcome()), duration, occurredAt, dueAt, version)) {
			throw new ConcurrentEditException("activity", null, null);
		}
		events.publishEvent(new ActivityCorrected(user.orgId(), id, current.type(), current.channel(), current.ownerId(), user.id(),
				occurredAt, current.occurredAt()));
		return get(user, id);
	}

	@Transactional
	public void delete(CurrentUser user, UUID id) {
		Activity activity = get(user, id);
		activities.delete(user.orgId(), id);
		events.publishEvent(new ActivityDeleted(user.orgId(), id, activity.type(), activity.channel(), activity.ownerId(), user.id(),
				activity.occurredAt(), activity.done()));
	}

	/** Corrections to a logged activity; {@code null} leaves a field as it is. */
	public record ActivityEdit(@Nullable String subject, @Nullable String notes, @Nullable String outcome,
			@Nullable Integer durationMinutes, @Nullable Instant occurredAt, @Nullable Instant dueAt) {
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
