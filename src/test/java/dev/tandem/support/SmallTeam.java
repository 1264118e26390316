package dev.tandem.support;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;

/**
 * An organisation of a test's own, in euros in Amsterdam, with every role around one team: Mia (manager) leads Team A
 * with the reps Ann and Ben; Cas is a rep in Team B, which nobody leads. Everyone signs in with {@code password}
 * at {@code name@domain}.
 */
public record SmallTeam(String domain, CurrentUser admin, CurrentUser mia, CurrentUser ann, CurrentUser ben, CurrentUser cas,
		UUID teamA, UUID teamB) {

	public static SmallTeam open(OrganisationManagement organisations, UserManagement users, TeamManagement teams, String prefix,
			String password, String benLocale) {
		String domain = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation(prefix + " " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", password);
		CurrentUser mia = user(users, admin, domain, "Mia", Role.MANAGER, "en", password);
		CurrentUser ann = user(users, admin, domain, "Ann", Role.REP, "en", password);
		CurrentUser ben = user(users, admin, domain, "Ben", Role.REP, benLocale, password);
		CurrentUser cas = user(users, admin, domain, "Cas", Role.REP, "en", password);
		UUID teamA = teams.create(admin, new NewTeam("Team A", TeamKind.SALES, null, mia.id())).id();
		UUID teamB = teams.create(admin, new NewTeam("Team B", TeamKind.SALES, null, null)).id();
		LocalDate since = LocalDate.of(2026, 1, 1);
		teams.addMember(admin, teamA, ann.id(), since);
		teams.addMember(admin, teamA, ben.id(), since);
		teams.addMember(admin, teamB, cas.id(), since);
		return new SmallTeam(domain, admin, mia, ann, ben, cas, teamA, teamB);
	}

	private static CurrentUser user(UserManagement users, CurrentUser admin, String domain, String name, Role role, String locale,
			String password) {
		String email = name.toLowerCase(java.util.Locale.ROOT) + "@" + domain;
		return CurrentUser.of(users.create(admin, new NewUser(email, name, role, locale, password, List.of())).user());
	}
}
