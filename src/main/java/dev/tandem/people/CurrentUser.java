package dev.tandem.people;

import java.io.Serializable;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;

import dev.tandem.platform.TenantPrincipal;

/**
 * The signed-in user as every request sees it: organisation, id, role and language.
 */
public record CurrentUser(UUID orgId, UUID id, String email, String displayName, Role role, String locale)
		implements Serializable, Principal, TenantPrincipal {

	/** The user as a request acts for them. */
	public static CurrentUser of(User user) {
		return new CurrentUser(user.orgId(), user.id(), user.email(), user.displayName(), user.role(), user.locale());
	}

	/** The login name, which is the e-mail address. */
	@Override
	public String getName() {
		return email;
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

	public Locale language() {
		return Locale.forLanguageTag(locale);
	}

	public CurrentUser withLocale(String newLocale) {
		return new CurrentUser(orgId, id, email, displayName, role, newLocale);
	}

	public CurrentUser withDisplayName(String newName) {
		return new CurrentUser(orgId, id, email, newName, role, locale);
	}
}
