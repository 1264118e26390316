package dev.tandem.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.people.persistence.Memberships;
import dev.tandem.people.persistence.Teams;
import dev.tandem.people.persistence.Users;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.RequestMemo;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the team hierarchy and keeps dated memberships: a rep moved to another team gets their old
 * membership ended and a new one started, so reports of the past still count them where they were.
 * Everyone in an organisation may read its structure; only an admin may change it.
 */
@Service
public class TeamManagement {

	private final Teams teams;
	private final Memberships memberships;
	private final Users users;
	private final Visibility visibility;

	TeamManagement(Teams teams, Memberships memberships, Users users, Visibility visibility) {
		this.teams = teams;
		this.memberships = memberships;
		this.users = users;
		this.visibility = visibility;
	}

	public Optional<Team> find(CurrentUser viewer, UUID id) {
		return RequestMemo.get("team/" + viewer.orgId() + "/" + id, () -> teams.find(viewer.orgId(), id));
	}

	public Team get(CurrentUser viewer, UUID id) {
		return find(viewer, id).orElseThrow(() -> new RecordNotFoundException("team", id));
	}

	public List<Team> all(CurrentUser viewer) {
		return RequestMemo.get("teams/" + viewer.orgId(), () -> List.copyOf(teams.findAll(viewer.orgId())));
	}

	public Listing<Team> list(CurrentUser viewer, @Nullable TeamKind kind, ListRequest request) {
		List<Team> rows = teams.page(viewer.orgId(), kind, request.after(), request.fetchSize());
		return Listing.of(rows, teams.count(viewer.orgId(), kind), request, Team::id);
	}

	/** Every membership of the team, past and current, oldest first. */
	public List<Membership> history(CurrentUser viewer, UUID teamId) {
		get(viewer, teamId);
		return memberships.ofTeam(viewer.orgId(), teamId);
	}

	public List<Membership> membershipsOf(CurrentUser viewer, UUID userId) {
		return memberships.ofUser(viewer.orgId(), userId);
	}

	/** Who belongs to the team on the day, directly or through a team below it. */
	public List<UUID> membersOn(CurrentUser viewer, UUID teamId, LocalDate day) {
		return RequestMemo.get("members/" + viewer.orgId() + "/" + teamId + "/" + day,
				() -> List.copyOf(memberships.membersOn(viewer.orgId(), teamId, day)));
	}

	/** The teams the user belongs to on the day, directly or through a team below them. */
	public Set<UUID> teamsOf(CurrentUser viewer, UUID userId, LocalDate day) {
		return Set.copyOf(memberships.teamsOf(viewer.orgId(), userId, day));
	}

	/** The teams above this one, nearest first. */
	public List<Team> ancestors(CurrentUser viewer, UUID teamId) {
		Map<UUID, Team> byId = new HashMap<>();
		all(viewer).forEach(t -> byId.put(t.id(), t));
		List<Team> above = new ArrayList<>();
		Team team = byId.get(teamId);
		while (team != null && team.parentId() != null && above.size() < byId.size()) {
			team = byId.get(team.parentId());
			if (team != null) {
				above.add(team);
			}
		}
		return above;
	}

	/** Every membership in the organisation, past and current. */
	public List<Membership> allMemberships(CurrentUser viewer) {
		return memberships.all(viewer.orgId());
	}

	/** The memberships valid today in the organisation's time zone. */
	public List<Membership> currentMemberships(CurrentUser viewer) {
		return memberships.validOn(viewer.orgId(), visibility.today(viewer.orgId()));
	}

	@Transactional
	public Team create(CurrentUser admin, NewTeam team) {
		return create(admin, Ids.next(), team);
	}

	/** Adds a team with an id chosen beforehand, as an import that refers to the team before it exists does. */
	@Transactional
	public Team create(CurrentUser admin, UUID id, NewTeam team) {
		RequestMemo.forget();
		UserManagement.requireAdmin(admin);
		check(admin.orgId(), id, team.name(), team.parentId(), team.leaderId(), true);
		teams.insert(new Team(admin.orgId(), id, team.name().trim(), team.kind(), team.parentId(), team.leaderId(), 0,
				java.time.Instant.now(), admin.displayName()), admin.displayName());
		return get(admin, id);
	}

	@Transactional
	public Team update(CurrentUser admin, UUID id, TeamChanges changes) {
		RequestMemo.forget();
		UserManagement.requireAdmin(admin);
		Team current = get(admin, id);
		check(admin.orgId(), id, changes.name(), changes.parentId(), changes.leaderId(), false);
		Team changed = new Team(current.orgId(), id, changes.name().trim(), changes.kind(), changes.parentId(),
				changes.leaderId(), current.version(), current.updatedAt(), current.updatedBy());
		if (!teams.update(changed, changes.version(), admin.displayName())) {
			Team now = get(admin, id);
			throw new ConcurrentEditException("team", now.updatedBy(), now.updatedAt());
		}
		return get(admin, id);
	}

	@Transactional
	public Membership addMember(CurrentUser admin, UUID teamId, UUID userId, LocalDate from) {
		RequestMemo.forget();
		UserManagement.requireAdmin(admin);
		get(admin, teamId);
		users.find(admin.orgId(), userId).orElseThrow(() -> InvalidInputException.of("userId", "validation.user.unknown"));
		if (memberships.overlaps(admin.orgId(), teamId, userId, from, null)) {
			throw InvalidInputException.of("userId", "validation.membership.overlap");
		}
		Membership membership = new Membership(Ids.next(), teamId, userId, from, null);
		memberships.insert(admin.orgId(), membership);
		return membership;
	}

	/**
	 * Ends a membership on {@code on} (exclusive). A membership ended on the day it started never
	 * held, so it is removed.
	 */
	@Transactional
	public void endMembership(CurrentUser admin, UUID teamId, UUID membershipId, LocalDate on) {
		Membership membership = membershipToChange(admin, teamId, membershipId);
		if (on.isBefore(membership.validFrom())) {
			throw InvalidInputException.of("validTo", "validation.membership.end-before-start");
		}
		if (on.equals(membership.validFrom())) {
			memberships.delete(admin.orgId(), membershipId);
		}
		else {
			memberships.end(admin.orgId(), membershipId, on);
		}
	}

	private Membership membershipToChange(CurrentUser admin, UUID teamId, UUID membershipId) {
		RequestMemo.forget();
		UserManagement.requireAdmin(admin);
		return memberships.find(admin.orgId(), membershipId)
			.filter(m -> m.teamId().equals(teamId))
			.orElseThrow(() -> new RecordNotFoundException("membership", membershipId));
	}

	/**
	 * Moves the start of a membership to {@code from}, earlier or later, as long as it still starts before it ends
	 * and overlaps no other membership of the same person in the same team.
	 */
	@Transactional
	public void startMembership(CurrentUser admin, UUID teamId, UUID membershipId, LocalDate from) {
		Membership membership = membershipToChange(admin, teamId, membershipId);
		if (membership.validTo() != null && !from.isBefore(membership.validTo())) {
			throw InvalidInputException.of("validFrom", "validation.membership.end-before-start");
		}
		if (memberships.overlapsOther(admin.orgId(), membershipId, teamId, membership.userId(), from, membership.validTo())) {
			throw InvalidInputException.of("validFrom", "validation.membership.overlap");
		}
		memberships.start(admin.orgId(), membershipId, from);
	}

	/**
	 * Makes {@code teamIds} the user's teams from {@code day} on: memberships of other teams end,
	 * missing ones start, unchanged ones continue.
	 */
	@Transactional
	public void setTeams(CurrentUser admin, UUID userId, Collection<UUID> teamIds, LocalDate day) {
		RequestMemo.forget();
		UserManagement.requireAdmin(admin);
		users.find(admin.orgId(), userId).orElseThrow(() -> new RecordNotFoundException("user", userId));
		for (UUID teamId : teamIds) {
			if (teams.find(admin.orgId(), teamId).isEmpty()) {
				throw InvalidInputException.of("teamIds", "validation.team.unknown");
			}
		}
		List<Membership> current = memberships.ofUser(admin.orgId(), userId).stream().filter(m -> m.isValidOn(day)).toList();
		for (Membership m : current) {
			if (!teamIds.contains(m.teamId())) {
				endMembership(admin, m.teamId(), m.id(), day);
			}
		}
		for (UUID teamId : teamIds) {
			if (current.stream().noneMatch(m -> m.teamId().equals(teamId))) {
				addMember(admin, teamId, userId, day);
			}
		}
	}

	private void check(UUID orgId, UUID id, String name, @Nullable UUID parentId, @Nullable UUID leaderId, boolean isNew) {
		List<FieldProblem> problems = new ArrayList<>();
		if (name.isBlank()) {
			problems.add(new FieldProblem("name", "jakarta.validation.constraints.NotBlank.message"));
		}
		else if (teams.nameTaken(orgId, name.trim(), isNew ? null : id)) {
			problems.add(new FieldProblem("name", "validation.team.name-taken"));
		}
		if (parentId != null) {
			if (teams.find(orgId, parentId).isEmpty()) {
				problems.add(new FieldProblem("parentId", "validation.team.unknown"));
			}
			else if (!isNew && teams.subtree(orgId, id).contains(parentId)) {
				problems.add(new FieldProblem("parentId", "validation.team.cycle"));
			}
		}
		if (leaderId != null && users.find(orgId, leaderId).filter(User::active).isEmpty()) {
			problems.add(new FieldProblem("leaderId", "validation.user.unknown"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}
}
