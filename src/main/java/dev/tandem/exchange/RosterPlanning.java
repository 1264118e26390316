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
	// Ids chosen before any row for the people this roster adds (by e-mail and by name), so a row may name a manager
	// whose own row comes later.
	private final Map<String, UUID> plannedByEmail = new HashMap<>();
	private final Map<String, UUID> plannedByName = new HashMap<>();
	// Managers named in the manager column without a row of their own nor an e-mail, when placeholders are not wanted.
	private final Set<String> managersWithoutEmail = new HashSet<>();
	private final Set<String> placeholdersTaken = new HashSet<>();
	private final Set<UUID> existingTouched = new HashSet<>();
	private final Map<UUID, List<dev.tandem.people.Membership>> membershipCache = new HashMap<>();
	private final @Nullable LocalDate chosenStart;
	private final boolean placeholders;

	private final java.util.function.Function<UUID, List<dev.tandem.people.Membership>> memberships;

	RosterPlanning(PlanContext ctx, java.util.function.Predicate<String> emailInUse,
			java.util.function.Function<UUID, List<dev.tandem.people.Membership>> memberships) {
		this.ctx = ctx;
		this.emailInUse = emailInUse;
		this.memberships = memberships;
		String chosen = ctx.settings.valueFor("roster", "memberFrom");
		LocalDate start = null;
		try {
			start = chosen == null || chosen.isBlank() ? null : LocalDate.parse(chosen.trim());
		}
		catch (java.time.format.DateTimeParseException notADate) {
			ctx.findings.problemsTotal++;
			ctx.findings.problems.add(new ImportReport.RowProblem("", 0, null, chosen, "exchange.rule.member-from-setting", List.of()));
		}
		this.chosenStart = start;
		this.placeholders = "PLACEHOLDER".equalsIgnoreCase(String.valueOf(ctx.settings.valueFor("roster", "missingEmail")));
	}

	private List<dev.tandem.people.Membership> membershipsOf(UUID user) {
		return membershipCache.computeIfAbsent(user, memberships::apply);
	}

	/** Before any row: who is someone's manager (they default to MANAGER), and the teams a teams file will add. */
	void prepare(List<Row> users, List<Row> teams) {
		Map<String, String> named = new LinkedHashMap<>();
		Set<String> rowPeople = new HashSet<>();
		for (Row r : users) {
			String email = r.get("email").toLowerCase(Locale.ROOT);
			String name = r.name("name", "firstName", "lastName");
			if (!email.isEmpty()) {
				rowPeople.add(key(email));
			}
			if (!name.isEmpty()) {
				rowPeople.add(key(name));
			}
			if (!r.get("manager").isEmpty()) {
				managers.add(key(r.get("manager")));
				named.putIfAbsent(key(r.get("manager")), r.get("manager").trim());
			}
			// A person this roster adds gets their id now, so rows before theirs can name them as manager.
			if (!name.isEmpty() && known(email, name) == null && (!email.isEmpty() || placeholders)) {
				UUID id = email.isEmpty() ? null : plannedByEmail.get(key(email));
				if (id == null) {
					id = Ids.next();
					if (!email.isEmpty()) {
						plannedByEmail.put(key(email), id);
					}
				}
				plannedByName.putIfAbsent(key(name), id);
			}
		}
		// Managers only named in the manager column are people too: made here, before any row refers to them.
		List<String> madeManagers = new ArrayList<>();
		named.forEach((k, manager) -> {
			if (rowPeople.contains(k) || (manager.matches(EMAIL) ? known(manager, manager) : known("", manager)) != null) {
				return;
			}
			String email = manager.matches(EMAIL) ? manager.toLowerCase(Locale.ROOT) : placeholders ? placeholder(manager) : null;
			if (email == null || emailInUse.test(email)) {
				managersWithoutEmail.add(k);
				return;
			}
			String name = manager.matches(EMAIL) ? PlanContext.nameFromEmail(email) : manager;
			UUID id = Ids.next();
			ctx.writes.newUsers.add(new Plan.UserToCreate(id, new NewUser(email, name, Role.MANAGER, null, null, List.of())));
			ctx.known.addUser(id, email, name);
			newUsers.put(email, id);
			ctx.count(EntityKind.USERS, CREATED);
			madeManagers.add(name);
			if (email.endsWith(PLACEHOLDER_DOMAIN)) {
				ctx.note("placeholders", "", 1);
			}
		});
		if (!madeManagers.isEmpty()) {
			ctx.note("managers", String.join(", ", madeManagers), madeManagers.size());
		}
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

	private static final String PLACEHOLDER_DOMAIN = "@placeholder.invalid";

	/** The user this e-mail or name is, in the organisation or planned by this roster. */
	private @Nullable UUID known(String email, String name) {
		UUID id = email.isEmpty() ? null : ctx.known.usersByEmail.get(key(email));
		if (id == null && !email.isEmpty()) {
			id = plannedByEmail.get(key(email));
		}
		if (id == null && email.isEmpty() && !name.isEmpty()) {
			id = ctx.known.usersByName.get(key(name));
		}
		return id;
	}

	/**
	 * A login for a person the file gives no e-mail, clearly marked: {@code first.last@placeholder.invalid} (RFC 2606
	 * reserves {@code .invalid}, so it never reaches anyone), numbered when taken. The admin enters the real one later.
	 */
	private String placeholder(String name) {
		String base = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.+|\\.+$", "");
		if (base.isEmpty()) {
			base = "person";
		}
		String email = base + PLACEHOLDER_DOMAIN;
		for (int n = 2; placeholdersTaken.contains(email) || emailInUse.test(email) || ctx.known.usersByEmail.containsKey(key(email)); n++) {
			email = base + "." + n + PLACEHOLDER_DOMAIN;
		}
		placeholdersTaken.add(email);
		return email;
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
		if (email.isEmpty() && placeholders && !name.isEmpty()) {
			UUID existing = ctx.known.usersByName.get(key(name));
			email = existing != null && ctx.known.emailsById.containsKey(existing) ? ctx.known.emailsById.get(existing)
					: placeholderOf(name);
		}
		if (email.isEmpty() || !email.matches(EMAIL)) {
			ctx.problem(row, "email", email.isEmpty() ? "exchange.rule.required-or-placeholder" : "exchange.rule.email");
		}
		if (managersWithoutEmail.contains(key(row.get("manager")))) {
			ctx.problem(row, "manager", "exchange.rule.manager-no-email");
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
			if (ctx.known.inactiveUsers.contains(existing) && !inactive(row)
					&& existingTouched.add(existing)) {
				// Deactivated, by an undo of an earlier import or by hand, and in the roster again: active again.
				ctx.writes.reactivate.add(existing);
				ctx.note("reactivated", "", 1);
			}
			LocalDate start = start(from, email, name);
			String teamName = row.get("team").isEmpty() && !row.get("manager").isEmpty() ? "Team " + row.get("manager") : row.get("team");
			UUID team = teamName.isEmpty() ? null : ctx.known.teamsByName.get(key(teamName));
			if ((team == null || membershipsOf(existing).stream().noneMatch(m -> m.teamId().equals(team)
					&& overlaps(m.validFrom(), m.validTo(), start, until))) && membership(row, existing, start, until, from == null)) {
				startedAt(email, from, start);
				ctx.note("membershipsAdded", "", 1);
			}
			return;
		}
		if (id == null) {
			if (emailInUse.test(email)) {
				ctx.problem(row, "email", "exchange.rule.email-taken");
				return;
			}
			id = plannedByEmail.getOrDefault(key(email), plannedByName.getOrDefault(key(name), Ids.next()));
			String language = row.get("language").toLowerCase(Locale.ROOT);
			ctx.writes.newUsers.add(new Plan.UserToCreate(id, new NewUser(email, name, role,
					language.equals("en") || language.equals("nl") ? language : null, null, List.of())));
			ctx.known.addUser(id, email, name);
			newUsers.put(email, id);
			ctx.count(EntityKind.USERS, CREATED);
			if (email.endsWith(PLACEHOLDER_DOMAIN)) {
				ctx.note("placeholders", "", 1);
			}
			if (inactive(row)) {
				ctx.writes.deactivate.add(id);
			}
		}
		LocalDate start = start(from, email, name);
		if (membership(row, id, start, until, from == null)) {
			startedAt(email, from, start);
		}
	}

	/** Whether the row says the person is inactive; an empty cell says nothing. */
	private static boolean inactive(Row row) {
		return !row.get("active").isEmpty() && Boolean.FALSE.equals(ValueParsers.yesNo(row.get("active")));
	}

	/** The placeholder login of a person without an e-mail, the same one on each of their rows. */
	private String placeholderOf(String name) {
		return placeholderByName.computeIfAbsent(key(name), k -> placeholder(name));
	}

	private final Map<String, String> placeholderByName = new HashMap<>();

	/** Where a membership starts: the row's date, else the date the admin chose for all, else where the person's records start. */
	private LocalDate start(@Nullable LocalDate given, String email, String name) {
		return given != null ? given : chosenStart != null ? chosenStart : defaultStart(email, name);
	}

	/** The report says once a person where a membership without a start date starts: on the admin's date or at their records. */
	private void startedAt(String email, @Nullable LocalDate given, LocalDate start) {
		if (given == null && chosenStart != null) {
			if (startedAtRecords.add(key(email))) {
				ctx.note("memberChosen", chosenStart.toString(), 1);
			}
			return;
		}
		startedAtRecords(email, given, start);
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
	private boolean membership(Row row, UUID userId, LocalDate from, @Nullable LocalDate until, boolean undated) {
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
			ctx.createdNamed("team", teamId, teamName);
			ctx.count(EntityKind.TEAMS, CREATED);
		}
		else {
			ctx.referred(teamId);
			if (!row.get("region").isEmpty()) {
				ctx.referred(ctx.known.teamsByName.get(key(row.get("region"))));
			}
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
		// Undated and not set by the admin: a later import of the person's older records may start it earlier.
		ctx.writes.memberships.add(new Plan.MembershipToAdd(teamId, userId, from, until, undated && chosenStart == null));
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
			ctx.createdNamed("team", id, name);
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
			id = plannedByEmail.getOrDefault(key(manager), plannedByName.get(key(manager)));
		}
		if (id == null && managersWithoutEmail.contains(key(manager))) {
			return null;
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

	/**
	 * After every row: a membership an earlier roster import dated from the person's records (the file gave no start)
	 * starts earlier when this import brings older deals or activities of that person, so their history counts for
	 * the team. Only the person's first memberships move, never over a membership they had before.
	 */
	void extendBack(Set<UUID> datedFromRecords) {
		if (datedFromRecords.isEmpty()) {
			return;
		}
		Map<UUID, LocalDate> first = new HashMap<>();
		ctx.writes.creates.deals.forEach(d -> {
			earliest(first, d.ownerId(), d.engagedOn());
			earliest(first, d.ownerId(), LocalDate.ofInstant(d.createdAt(), ctx.zone));
			earliest(first, d.ownerId(), d.closeDate());
		});
		ctx.writes.creates.activities.forEach(a -> earliest(first, a.ownerId(),
				a.occurredAt() == null ? null : LocalDate.ofInstant(a.occurredAt(), ctx.zone)));
		Set<UUID> moved = new HashSet<>();
		LocalDate[] earliest = new LocalDate[1];
		first.forEach((user, date) -> {
			if (newUsers.containsValue(user)) {
				return;
			}
			List<dev.tandem.people.Membership> all = membershipsOf(user);
			for (dev.tandem.people.Membership m : all) {
				// The person was elsewhere before: that history stays theirs.
				boolean blocked = all.stream().anyMatch(o -> o != m && o.validFrom().isBefore(m.validFrom())
						&& (o.validTo() == null || o.validTo().isAfter(date)));
				if (datedFromRecords.contains(m.id()) && date.isBefore(m.validFrom()) && !blocked) {
					ctx.writes.moves.add(new Plan.MembershipToMove(m.teamId(), m.id(), date, m.validFrom()));
					moved.add(user);
					earliest[0] = earliest[0] == null || date.isBefore(earliest[0]) ? date : earliest[0];
				}
			}
		});
		if (!moved.isEmpty()) {
			ctx.note("membersMoved", earliest[0].toString(), moved.size());
		}
	}

	private void earliest(Map<UUID, LocalDate> first, UUID user, @Nullable LocalDate date) {
		if (date != null && date.isBefore(ctx.today)) {
			first.merge(user, date, (a, b) -> a.isBefore(b) ? a : b);
		}
	}

	/**
	 * After {@link #extendBack}: how many closed deals this import creates fall outside every team of their owner on
	 * their close date, with the organisation's memberships as they will be (team figures would not count them).
	 */
	void warnOutsideTeams() {
		Map<UUID, List<LocalDate[]>> periods = new HashMap<>();
		Map<UUID, LocalDate> movedTo = new HashMap<>();
		ctx.writes.moves.forEach(x -> movedTo.putIfAbsent(x.membershipId(), x.from()));
		Map<UUID, List<Plan.MembershipToAdd>> added = new HashMap<>();
		ctx.writes.memberships.forEach(m -> added.computeIfAbsent(m.userId(), u -> new ArrayList<>()).add(m));
		java.util.function.Function<UUID, List<LocalDate[]>> of = user -> periods.computeIfAbsent(user, u -> {
			List<LocalDate[]> list = new ArrayList<>();
			if (!newUsers.containsValue(u)) {
				for (dev.tandem.people.Membership m : membershipsOf(u)) {
					list.add(new LocalDate[] { movedTo.getOrDefault(m.id(), m.validFrom()), m.validTo() });
				}
			}
			added.getOrDefault(u, List.of()).forEach(m -> list.add(new LocalDate[] { m.from(), m.until() }));
			return list;
		});
		int outside = 0;
		for (dev.tandem.crm.BulkLoadRows.DealRow d : ctx.writes.creates.deals) {
			if (d.status() == dev.tandem.crm.DealStatus.OPEN || d.closeDate() == null) {
				continue;
			}
			LocalDate day = d.closeDate();
			if (of.apply(d.ownerId()).stream().noneMatch(p -> !p[0].isAfter(day) && (p[1] == null || p[1].isAfter(day)))) {
				outside++;
			}
		}
		if (outside > 0) {
			ctx.note("outsideTeams", "", outside);
		}
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
