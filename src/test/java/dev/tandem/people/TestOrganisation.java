package dev.tandem.people;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An organisation of a test's own, so it may change its people without touching the demo or other tests; everyone
 * in it, its admin included, has the same password.
 */
record TestOrganisation(CurrentUser admin, String domain, String password) {

	static TestOrganisation open(OrganisationManagement organisations, String name, String password) {
		String domain = name.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation(name + " " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", password);
		return new TestOrganisation(admin, domain, password);
	}

	/** A new user {@code login@domain} named "Person login". */
	User user(UserManagement users, String login, Role role, String locale) {
		return users.create(admin, new NewUser(login + "@" + domain, "Person " + login, role, locale, password, List.of())).user();
	}
}
