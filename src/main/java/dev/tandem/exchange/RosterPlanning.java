package dev.tandem.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.platform.Ids;
import org.jspecify.annotations.Nullable;

import static dev.tandem.exchange.CrmPlanning.names;
import static dev.tandem.exchange.PlanContext.CREATED;
import static dev.tandem.exchange.PlanContext.SKIPPED;
import static dev.tandem.exchange.PlanContext.key;

/**
 * Reads a team roster: users (name, e-mail, role, manager, team, region) and, from a full export, the
 * teams with their kind, parent and leader. A roster builds the hierarchy region, then the manager's
 * team, then its reps, with memberships dated from the row's start date. A row without one starts
 * where the person's deals and activities of the same import start, so the history it brings counts
 * for their teams; without any, today.
 * <p>
 * A row per membership is allowed: the same e-mail on several rows is one user in several teams (or
 * in one team over several periods), which is how Tandem's export writes membership history.
 */
final class RosterPlanning {

	private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	private final PlanContext ctx;
	private final java.util.function.Predicate<String> emailInUse;
	private final Map<String, UUID> newUsers = new HashMap<>();
	private final Set<String> skippedUsers = new HashSet<>();
	private final Map<String, Set<String>> periods = new HashMap<>();
	private final Set<String> managers = new HashSet<>();
	private final Map<String, TeamDraft> teamDrafts = new LinkedHashMap<>();
	private final Map<String, LocalDate> firstRecords = new HashMap<>();
	private final Set<String> startedAtRecords = new HashSet<>();

	private final java.util.function.Function<UUID, List<dev.tandem.people.Membership>> memberships;

	RosterPlanning(PlanContext ctx, java.util.function.Predicate<String> emailInUse,
			java.util.function.Function<UUID, List<dev.tandem.people.Membership>> memberships) {
		this.ctx = ctx;
		this.emailInUse = emailInUse;
		this.memberships = memberships;
	}

	/** Before any row: who is someone's manager (they default to MANAGER), and the teams a teams file will add. */
	void prepare(List<Row> users, List<Row> teams) {
		users.forEach(r -> {
			if (!r.get("manager").isEmpty()) {
				managers.add(key(r.get("manager")));
			}
		});
		for (Row r : teams) {
			String name = r.get("name");
			if (!name.isEmpty() && !ctx.known.teamsByName.containsKey(key(name))) {
				UUID id = Ids.next();
				ctx.known.teamsByName.put(key(name), id);
				teamDrafts.put(key(name), new TeamDraft(id, name, r));
			}
		}
	}

	/**
	 * Before any row: the first date of each owner's deals and activities in the same import (a roster
	 * and its history in one ZIP), by the owner's e-mail or name, for memberships without a start date.
	 */
	void firstRecords(List<Row> deals, List<Row> activities) {
		deals.forEach(r -> firstRecord(r, "createdAt", "engagedOn", "closeDate", "closedAt", "wonAt", "lostAt"));
		activities.forEach(r -> firstRecord(r, "occurredAt", "createdAt"));
	}

	private void firstRecord(Row row, String... fields) {
		String owner = row.get("owner");
		if (owner.isEmpty()) {
			return;
		}
		for (String field : fields) {
			String text = row.get(field);
			if (text.isEmpty()) {
				continue;
			}
			LocalDate date = ValueParsers.date(text, ctx.dateOrder);
			if (date == null) {
				java.time.Instant instant = ValueParsers.instant(text, ctx.dateOrder, ctx.zone);
				date = instant == null ? null : LocalDate.ofInstant(instant, ctx.zone);
			}
			if (date != null) {
				firstRecords.merge(key(owner), date, (a, b) -> a.isBefore(b) ? a : b);
			}
		}
	}

	/** Where a membership without a start date starts: the person's first record in this import when that is before today, else today. */
	private LocalDate defaultStart(String email, String name) {
		LocalDate first = null;
		for (String owner : List.of(email, name)) {
			LocalDate date = owner.isEmpty() ? null : firstRecords.get(key(owner));
			if (date != null && (first == null || date.isBefore(first))) {
				first = date;
			}
		}
		return first == null || !first.isBefore(ctx.today) ? ctx.today : first;
	}

	/** A membership without a start date that starts before today starts at the person's records: the report says so, once a person. */
	private void startedAtRecords(String email, @Nullable LocalDate given, LocalDate start) {
		if (given == null && start.isBefore(ctx.today) && startedAtRecords.add(key(email))) {
			ctx.created("memberFrom", start.toString());
		}
	}

	void user(Row row) {
		String email = row.get("email").toLowerCase(Locale.ROOT);
		String name = row.name("name", "firstName", "lastName");
		if (email.isEmpty() || !email.matches(EMAIL)) {
			ctx.problem(row, "email", email.isEmpty() ? "exchange.rule.required" : "exchange.rule.email");
		}
		if (name.isEmpty()) {
			ctx.problem(row, "name", "exchange.rule.required");
		}
		LocalDate from = ctx.date(row, "memberFrom");
		LocalDate until = ctx.date(row, "memberUntil");
		if (from != null && until != null && !until.isAfter(from)) {
			ctx.problem(row, "memberUntil", "exchange.rule.until-after-from");
		}
		Role role = role(row, name, email);
		if (row.failed || role == null) {
			return;
		}
		UUID id = ctx.known.usersByEmail.get(key(email));
		boolean isNew = newUsers.containsKey(email);
		if (id != null && !isNew) {
			if (skippedUsers.add(email)) {
				ctx.count(EntityKind.USERS, SKIPPED);
			}
			// The user is there already; a membership of the file they lack is added, one they have is left alone.
			UUID existing = id;
			LocalDate start = from == null ? defaultStart(email, name) : from;
			UUID team = row.get("team").isEmpty() ? null : ctx.known.teamsByName.get(key(row.get("team")));
			if ((team == null || memberships.apply(existing).stream().noneMatch(m -> m.teamId().equals(team)
					&& overlaps(m.validFrom(), m.validTo(), start, until))) && membership(row, existing, start, until)) {
				startedAtRecords(email, from, start);
			}
			return;
		}
		if (id == null) {
			if (emailInUse.test(email)) {
				ctx.problem(row, "email", "exchange.rule.email-taken");
				return;
			}
			id = Ids.next();
			String language = row.get("language").toLowerCase(Locale.ROOT);
			ctx.writes.newUsers.add(new Plan.UserToCreate(id, new NewUser(email, name, role,
					language.equals("en") || language.equals("nl") ? language : null, null, List.of())));
			ctx.known.addUser(id, email, name);
			newUsers.put(email, id);
			ctx.count(EntityKind.USERS, CREATED);
			if (Boolean.FALSE.equals(ValueParsers.yesNo(row.get("active")))) {
				ctx.writes.deactivate.add(id);
			}
		}
		LocalDate start = from == null ? defaultStart(email, name) : from;
		if (membership(row, id, start, until)) {
			startedAtRecords(email, from, start);
		}
	}

	private @Nullable Role role(Row row, String name, String email) {
		String given = row.get("role");
		if (given.isEmpty()) {
			return managers.contains(key(email)) || managers.contains(key(name)) ? Role.MANAGER : Role.REP;
		}
		String word = ctx.word("role", given, names(Role.values()));
		return word == null ? null : Role.valueOf(word);
	}

	/**
	 * The user joins the row's team; a team the organisation lacks is created under the row's region, led by its manager.
	 * Answers whether the plan adds the membership.
	 */
	private boolean membership(Row row, UUID userId, LocalDate from, @Nullable LocalDate until) {
		String teamName = row.get("team");
		String managerName = row.get("manager");
		if (teamName.isEmpty() && !managerName.isEmpty()) {
			teamName = "Team " + managerName;
		}
		if (teamName.isEmpty()) {
			return false;
		}
		UUID teamId = ctx.known.teamsByName.get(key(teamName));
		if (teamId == null) {
			UUID parent = region(row.get("region"));
			UUID leader = managerName.isEmpty() ? null : leader(row, managerName);
			teamId = Ids.next();
			ctx.known.teamsByName.put(key(teamName), teamId);
			ctx.writes.newTeams.add(new Plan.TeamToCreate(teamId, new NewTeam(teamName, TeamKind.SALES, parent, leader)));
			ctx.created("team", teamName);
			ctx.count(EntityKind.TEAMS, CREATED);
		}
		String period = teamId + "|" + from + "|" + until;
		Set<String> known = periods.computeIfAbsent(userId.toString(), k -> new HashSet<>());
		for (String other : known) {
			String[] parts = other.split("\\|");
			if (parts[0].equals(teamId.toString()) && overlaps(LocalDate.parse(parts[1]), parts[2].equals("null") ? null
					: LocalDate.parse(parts[2]), from, until)) {
				ctx.problem(row, "memberFrom", "exchange.rule.membership-overlap");
				return false;
			}
		}
		known.add(period);
		ctx.writes.memberships.add(new Plan.MembershipToAdd(teamId, userId, from, until));
		return true;
	}

	private static boolean overlaps(LocalDate aFrom, @Nullable LocalDate aTo, LocalDate bFrom, @Nullable LocalDate bTo) {
		return (aTo == null || aTo.isAfter(bFrom)) && (bTo == null || bTo.isAfter(aFrom));
	}

	private @Nullable UUID region(String name) {
		if (name.isEmpty()) {
			return null;
		}
		UUID id = ctx.known.teamsByName.get(key(name));
		if (id == null) {
			id = Ids.next();
			ctx.known.teamsByName.put(key(name), id);
			ctx.writes.newTeams.add(new Plan.TeamToCreate(id, new NewTeam(name, TeamKind.SALES, null, null)));
			ctx.created("team", name);
			ctx.count(EntityKind.TEAMS, CREATED);
		}
		return id;
	}

	private @Nullable UUID leader(Row row, String manager) {
		UUID id = ctx.known.usersByEmail.get(key(manager));
		if (id == null) {
			id = ctx.known.usersByName.get(key(manager));
		}
		if (id == null) {
			ctx.problem(row, "manager", "exchange.rule.manager-unknown");
		}
		return id;
	}

	/** A row of a teams file (Tandem's export): created in order, parents before their teams. */
	void team(Row row) {
		String name = row.get("name");
		if (name.isEmpty()) {
			ctx.problem(row, "name", "exchange.rule.required");
			return;
		}
		TeamDraft draft = teamDrafts.get(key(name));
		if (draft == null || draft.row != row) {
			ctx.count(EntityKind.TEAMS, SKIPPED);
			return;
		}
		TeamKind kind = row.get("kind").isEmpty() ? TeamKind.SALES : names(TeamKind.values()).contains(row.get("kind"))
				? TeamKind.valueOf(row.get("kind")) : null;
		if (kind == null) {
			ctx.problem(row, "kind", "exchange.rule.one-of", String.join(", ", names(TeamKind.values())));
		}
		UUID parent = row.get("parent").isEmpty() ? null : ctx.known.teamsByName.get(key(row.get("parent")));
		if (!row.get("parent").isEmpty() && parent == null) {
			ctx.problem(row, "parent", "exchange.rule.reference");
		}
		UUID leader = row.get("leader").isEmpty() ? null : leader(row, row.get("leader"));
		if (row.failed || kind == null) {
			return;
		}
		draft.team = new NewTeam(name, kind, parent, leader);
		ctx.count(EntityKind.TEAMS, CREATED);
	}

	/** Adds the teams of a teams file to the plan, each after its parent. */
	void finish() {
		Map<UUID, TeamDraft> byId = new HashMap<>();
		teamDrafts.values().forEach(d -> byId.put(d.id, d));
		List<UUID> done = new ArrayList<>();
		for (TeamDraft draft : teamDrafts.values()) {
			add(draft, byId, done, 0);
		}
	}

	private void add(TeamDraft draft, Map<UUID, TeamDraft> byId, List<UUID> done, int depth) {
		if (draft.team == null || done.contains(draft.id) || depth > 50) {
			return;
		}
		TeamDraft parent = draft.team.parentId() == null ? null : byId.get(draft.team.parentId());
		if (parent != null) {
			add(parent, byId, done, depth + 1);
		}
		done.add(draft.id);
		ctx.writes.newTeams.add(new Plan.TeamToCreate(draft.id, draft.team));
	}

	private static final class TeamDraft {
		final UUID id;
		final String name;
		final Row row;
		@Nullable NewTeam team;

		TeamDraft(UUID id, String name, Row row) {
			this.id = id;
			this.name = name;
			this.row = row;
		}
	}
}
