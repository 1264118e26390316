package dev.tandem.people;

import java.io.Serializable;
import java.security.Principal;
import java.util.Locale;
import java.util.UUID;

import dev.tandem.platform.TenantPrincipal;

/**
 * The signed-in user as every request sees it: organisation, id, role and language. {@code languageChosen} is false
 * while the user never chose a language themselves: the pages then follow the browser's language, and {@code locale}
 * (the organisation's default when they were added) is what e-mails and notices use.
 */
public record CurrentUser(UUID orgId, UUID id, String email, String displayName, Role role, String locale, boolean languageChosen)
		implements Serializable, Principal, TenantPrincipal {

	/** A user whose language is their own choice. */
	public CurrentUser(UUID orgId, UUID id, String email, String displayName, Role role, String locale) {
		this(orgId, id, email, displayName, role, locale, true);
	}

	/** The user as a request acts for them. */
	public static CurrentUser of(User user) {
		return new CurrentUser(user.orgId(), user.id(), user.email(), user.displayName(), user.role(), user.locale());
	}

	/** The user as signed in, with whether their language is their own choice yet. */
	public static CurrentUser of(User user, boolean languageChosen) {
		return new CurrentUser(user.orgId(), user.id(), user.email(), user.displayName(), user.role(), user.locale(), languageChosen);
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

	/** The user after choosing a language. */
	public CurrentUser withLocale(String newLocale) {
		return new CurrentUser(orgId, id, email, displayName, role, newLocale, true);
	}

	public CurrentUser withDisplayName(String newName) {
		return new CurrentUser(orgId, id, email, newName, role, locale, languageChosen);
	}
}
