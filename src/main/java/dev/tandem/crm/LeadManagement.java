package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tandem.crm.persistence.Leads;
import dev.tandem.crm.persistence.Routing;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Membership;
import dev.tandem.people.Role;
import dev.tandem.people.Team;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads from first touch to conversion, and fair routing.
 * <p>
 * Routing is smooth weighted round-robin ({@link RoundRobin}) among the reps who are members of the
 * team today. Every assignment is logged with the rule, all candidates (skipped ones with the reason)
 * and why the chosen rep won the turn.
 */
@Service
public class LeadManagement {

	static final String REASON_TURN = "routing.reason.turn";
	static final String REASON_OWNER = "routing.reason.owner";
	static final String REASON_MANUAL = "routing.reason.manual";

	private final Leads leads;
	private final Routing routing;
	private final TeamManagement teams;
	private final UserManagement users;
	private final Visibility visibility;
	private final AccountManagement accounts;
	private final DealManagement deals;
	private final Access access;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final RecycleBin bin;
	private final CustomFieldManagement customFields;

	LeadManagement(Leads leads, Routing routing, TeamManagement teams, UserManagement users, Visibility visibility,
			AccountManagement accounts, DealManagement deals, Access access, ApplicationEventPublisher events, Clock clock,
			RecycleBin bin, CustomFieldManagement customFields) {
		this.customFields = customFields;
		this.bin = bin;
		this.leads = leads;
		this.routing = routing;
		this.teams = teams;
		this.users = users;
		this.visibility = visibility;
		this.accounts = accounts;
		this.deals = deals;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	public Lead get(CurrentUser viewer, UUID id) {
		Lead lead = leads.find(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("lead", id));
		boolean visible = lead.ownerId() != null ? visibility.canSee(viewer, lead.ownerId())
				: lead.teamId() == null ? viewer.isAdmin() : routedTeams(viewer).contains(lead.teamId());
		if (!visible) {
			throw new RecordNotFoundException("lead", id);
		}
		return lead;
	}

	public Listing<Lead> list(CurrentUser viewer, LeadFilter filter, ListRequest request) {
		List<Lead> rows = leads.list(viewer.orgId(), access.owners(viewer), routedTeams(viewer), viewer.isAdmin(), filter,
				request.after(), request.fetchSize(), 0, false);
		return Listing.of(rows, leads.count(viewer.orgId(), access.owners(viewer), routedTeams(viewer), viewer.isAdmin(), filter),
				request, Lead::id);
	}

	/** A page of the inbox, newest first; {@code page} counts from 0. */
	public Listing<Lead> page(CurrentUser viewer, LeadFilter filter, int page, int size) {
		List<Lead> rows = leads.list(viewer.orgId(), access.owners(viewer), routedTeams(viewer), viewer.isAdmin(), filter, null,
				size, page * size, true);
		return new Listing<>(rows, leads.count(viewer.orgId(), access.owners(viewer), routedTeams(viewer), viewer.isAdmin(), filter),
				null);
	}

	public List<LeadAssignment> routingLog(CurrentUser viewer, UUID leadId) {
		get(viewer, leadId);
		return routing.logOf(viewer.orgId(), leadId);
	}

	/** The sales teams whose leads this user routes and sees unassigned: those they lead and all below; every team for an admin. */
	public Set<UUID> routedTeams(CurrentUser viewer) {
		return access.routedTeams(viewer);
	}

	/**
	 * Takes in a lead. With an owner it goes to them; with a team it is routed among the team's reps;
	 * with neither it is the creator's own lead.
	 */
	@Transactional
	public Lead create(CurrentUser user, NewLead lead) {
		return create(user, lead, Map.of());
	}

	/** A new lead with values of its custom fields (see {@link CustomFieldManagement}), in one command. */
	@Transactional
	public Lead create(CurrentUser user, NewLead lead, @Nullable Map<String, ? extends @Nullable Object> custom) {
		List<FieldProblem> problems = new ArrayList<>();
		if (lead.personName() == null || lead.personName().isBlank()) {
			problems.add(new FieldProblem("personName", "jakarta.validation.constraints.NotBlank.message"));
		}
		if (lead.company() == null || lead.company().isBlank()) {
			problems.add(new FieldProblem("company", "jakarta.validation.constraints.NotBlank.message"));
		}
		if (lead.score() != null && (lead.score() < 0 || lead.score() > 100)) {
			problems.add(new FieldProblem("score", "validation.range", 0, 100));
		}
		if (lead.email() != null && !lead.email().isBlank() && !lead.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			problems.add(new FieldProblem("email", "jakarta.validation.constraints.Email.message"));
		}
		Team team = null;
		if (lead.teamId() != null) {
			team = teams.find(user, lead.teamId()).filter(t -> t.kind() == dev.tandem.people.TeamKind.SALES).orElse(null);
			if (team == null) {
				problems.add(new FieldProblem("teamId", "validation.team.unknown"));
			}
		}
		UUID ownerId = lead.ownerId();
		if (ownerId != null && !access.mayAssignTo(user, ownerId)) {
			problems.add(new FieldProblem("ownerId", "validation.owner.not-yours"));
		}
		if (ownerId == null && team == null && user.role() != Role.REP && user.role() != Role.MANAGER) {
			problems.add(new FieldProblem("teamId", "validation.lead.team-or-owner"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = Ids.next();
		Instant now = clock.instant();
		leads.insert(user.orgId(), new Lead(id, lead.personName().trim(), lead.company().trim(), blank(lead.email()),
				blank(lead.phone()), lead.source() == null ? DealSource.INBOUND : lead.source(), blank(lead.campaign()),
				lead.score() == null ? 0 : lead.score(), LeadStatus.NEW, null, team == null ? null : team.id(), null, null, null,
				null, null, now, 0, Map.of()), user.displayName());
		customFields.store(user, CustomFieldKind.LEAD, id, custom);
		if (ownerId != null || team == null) {
			UUID owner = ownerId != null ? ownerId : user.id();
			assign(user.orgId(), id, team == null ? null : team.id(), owner, "MANUAL", List.of(), REASON_OWNER, now, user.id());
		}
		else {
			route(user, id, team, now);
		}
		return leads.find(user.orgId(), id).orElseThrow();
	}

	/** A manager hands a lead to someone else; the log keeps who did it and why. */
	@Transactional
	public Lead reassign(CurrentUser user, UUID leadId, UUID ownerId, @Nullable String reason, int version) {
		Lead lead = get(user, leadId);
		if (lead.version() != version) {
			throw new ConcurrentEditException("lead", null, null);
		}
		if (!user.isAdmin() && !(lead.ownerId() == null || access.manages(user, lead.ownerId()))) {
			throw InvalidInputException.of("ownerId", "validation.lead.reassign-managers");
		}
		if (!access.mayAssignTo(user, ownerId)) {
			throw InvalidInputException.of("ownerId", "validation.owner.not-yours");
		}
		assign(user.orgId(), leadId, lead.teamId(), ownerId, "MANUAL", List.of(),
				reason == null || reason.isBlank() ? REASON_MANUAL : reason.trim(), clock.instant(), user.id());
		return leads.find(user.orgId(), leadId).orElseThrow();
	}

	@Transactional
	public Lead changeStatus(CurrentUser user, UUID leadId, LeadStatus status, @Nullable String reason, int version) {
		return changeStatus(user, leadId, status, reason, version, Map.of());
	}

	/** Changes the status and the custom values sent (null removes one), in one command. */
	@Transactional
	public Lead changeStatus(CurrentUser user, UUID leadId, LeadStatus status, @Nullable String reason, int version,
			@Nullable Map<String, ? extends @Nullable Object> custom) {
		Lead lead = get(user, leadId);
		if (status == LeadStatus.CONVERTED) {
			throw InvalidInputException.of("status", "validation.lead.convert-instead");
		}
		if (lead.status() == LeadStatus.CONVERTED) {
			throw InvalidInputException.of("status", "validation.lead.converted");
		}
		if (status == LeadStatus.DISQUALIFIED && (reason == null || reason.isBlank())) {
			throw InvalidInputException.of("disqualifiedReason", "jakarta.validation.constraints.NotBlank.message");
		}
		if (!leads.setStatus(user.orgId(), leadId, status, status == LeadStatus.DISQUALIFIED ? reason.trim() : null,
				user.displayName(), version, clock.instant())) {
			throw new ConcurrentEditException("lead", null, null);
		}
		customFields.store(user, CustomFieldKind.LEAD, leadId, custom);
		return leads.find(user.orgId(), leadId).orElseThrow();
	}

	/**
	 * Converts a lead: the account of the company (an existing one the owner may see, or a new one),
	 * a contact for the person and, when a deal title is given, a deal in the first stage. The lead's custom values go
	 * along to each of them that has a field of the same key (an existing account keeps the values it has).
	 */
	@Transactional
	public Conversion convert(CurrentUser user, UUID leadId, @Nullable String dealTitle, @Nullable BigDecimal amount,
			@Nullable LocalDate closeDate, int version) {
		Lead lead = get(user, leadId);
		if (lead.status() == LeadStatus.CONVERTED || lead.status() == LeadStatus.DISQUALIFIED) {
			throw InvalidInputException.of("status", "validation.lead.converted");
		}
		if (lead.ownerId() == null) {
			throw InvalidInputException.of("ownerId", "validation.lead.unassigned");
		}
		Account account = accounts.findOrCreate(user, lead.company(), lead.ownerId());
		Contact contact = accounts.createContact(user,
				new NewContact(account.id(), lead.personName(), null, lead.email(), lead.phone(), null));
		Deal deal = null;
		if (dealTitle != null && !dealTitle.isBlank()) {
			deal = deals.create(user, new NewDeal(account.id(), dealTitle, amount, closeDate, null, null, lead.ownerId(),
					lead.source(), null, null), null);
		}
		// What the lead's custom fields say goes to the records made from it, where they have a field of that key.
		customFields.carryOver(user, lead.customFields(), CustomFieldKind.ACCOUNT, account.id(), account.customFields());
		customFields.carryOver(user, lead.customFields(), CustomFieldKind.CONTACT, contact.id(), Map.of());
		if (deal != null) {
			customFields.carryOver(user, lead.customFields(), CustomFieldKind.DEAL, deal.id(), Map.of());
		}
		if (!leads.converted(user.orgId(), leadId, account.id(), contact.id(), deal == null ? null : deal.id(),
				user.displayName(), version, clock.instant())) {
			throw new ConcurrentEditException("lead", null, null);
		}
		events.publishEvent(new LeadConverted(user.orgId(), leadId, account.id(), contact.id(), deal == null ? null : deal.id(),
				lead.ownerId()));
		return new Conversion(leads.find(user.orgId(), leadId).orElseThrow(), account, contact, deal);
	}

	/**
	 * The routing weights of a team's reps (1 is a full share); reps without a row have weight 1. For those who
	 * route the team's leads and for its own reps, who may see how leads are shared among them; not found for others.
	 */
	public List<Weight> weights(CurrentUser viewer, UUID teamId) {
		Team team = teams.get(viewer, teamId);
		if (!viewer.isAdmin() && !routedTeams(viewer).contains(team.id())
				&& members(viewer, team).stream().noneMatch(u -> u.id().equals(viewer.id()))) {
			throw new RecordNotFoundException("team", teamId);
		}
		Map<UUID, Routing.State> states = routing.states(viewer.orgId(), team.id());
		Map<UUID, Integer> counts = routing.routedCounts(viewer.orgId(), team.id());
		return members(viewer, team).stream()
			.map(u -> new Weight(u.id(), u.displayName(), u.active(),
					states.containsKey(u.id()) ? states.get(u.id()).weight() : BigDecimal.ONE, counts.getOrDefault(u.id(), 0)))
			.toList();
	}

	@Transactional
	public void setWeight(CurrentUser user, UUID teamId, UUID userId, BigDecimal weight) {
		Team team = teams.get(user, teamId);
		if (!user.isAdmin() && !routedTeams(user).contains(team.id())) {
			throw new RecordNotFoundException("team", teamId);
		}
		if (weight.signum() < 0 || weight.compareTo(BigDecimal.TEN) > 0) {
			throw InvalidInputException.of("weight", "validation.range", 0, 10);
		}
		if (members(user, team).stream().noneMatch(u -> u.id().equals(userId))) {
			throw InvalidInputException.of("userId", "validation.routing.not-a-rep");
		}
		routing.setWeight(user.orgId(), team.id(), userId, weight);
	}

	private void route(CurrentUser user, UUID leadId, Team team, Instant now) {
		routing.lockTeam(user.orgId(), team.id());
		Map<UUID, Routing.State> states = routing.states(user.orgId(), team.id());
		Map<UUID, Integer> counts = routing.routedCounts(user.orgId(), team.id());
		List<RoundRobin.Seat> seats = members(user, team).stream().map(rep -> {
			Routing.State state = states.get(rep.id());
			return new RoundRobin.Seat(rep.id(), rep.displayName(), state == null ? BigDecimal.ONE : state.weight(),
					state == null ? BigDecimal.ZERO : state.current(), counts.getOrDefault(rep.id(), 0), rep.active());
		}).toList();
		RoundRobin.play(seats).ifPresent(turn -> {
			for (RoundRobin.Seat seat : seats) {
				BigDecimal position = turn.positions().get(seat.userId());
				if (position != null) {
					routing.saveState(user.orgId(), team.id(), seat.userId(), seat.weight(), position);
				}
			}
			assign(user.orgId(), leadId, team.id(), turn.chosen(), turn.rule(), turn.candidates(), REASON_TURN, now, user.id());
		});
	}

	private void assign(UUID orgId, UUID leadId, @Nullable UUID teamId, UUID ownerId, String rule,
			List<LeadAssignment.Candidate> candidates, String reason, Instant at, UUID by) {
		leads.assign(orgId, leadId, ownerId);
		routing.log(orgId, Ids.next(), leadId, teamId, ownerId, rule, candidates, reason, at, by);
		events.publishEvent(new LeadAssigned(orgId, leadId, ownerId, teamId, rule, by));
	}

	/** Reps who are members of the team today, ordered by id (the stable order of the round). */
	private List<User> members(CurrentUser viewer, Team team) {
		LocalDate today = visibility.today(viewer.orgId());
		Set<UUID> memberIds = teams.history(viewer, team.id()).stream().filter(m -> m.isValidOn(today)).map(Membership::userId)
			.collect(Collectors.toSet());
		Map<UUID, User> byId = users.all(viewer).stream().collect(Collectors.toMap(User::id, Function.identity()));
		return memberIds.stream().map(byId::get).filter(u -> u != null && u.role() == Role.REP)
			.sorted(Comparator.comparing(User::id)).toList();
	}

	/**
	 * Moves a lead into the recycle bin with its routing log, for whoever may see it; its owner's line, or for an
	 * unassigned lead its team's routers, may restore it.
	 */
	@Transactional
	public void delete(CurrentUser user, UUID id) {
		Lead lead = get(user, id);
		bin.put(user, BinKind.LEAD, id, lead.personName() + ", " + lead.company(), lead.ownerId(),
				lead.ownerId() == null ? lead.teamId() : null);
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** A rep's routing weight in a team and how many leads routing gave them. */
	public record Weight(UUID userId, String name, boolean active, BigDecimal weight, int routed) {
	}

	/** What a conversion made. */
	public record Conversion(Lead lead, Account account, Contact contact, @Nullable Deal deal) {
	}
}
