package dev.tandem.crm.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.CustomField;
import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.CustomFieldManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Role;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import org.springframework.stereotype.Component;

/**
 * What several CRM pages need alongside their records: today in the organisation, the people the
 * user may pick as owner, the accounts to pick from, the custom fields of a kind of record.
 */
@Component
class CrmViews {

	private final Visibility visibility;
	private final UserManagement users;
	private final AccountManagement accounts;
	private final CustomFieldManagement customFields;

	CrmViews(Visibility visibility, UserManagement users, AccountManagement accounts, CustomFieldManagement customFields) {
		this.customFields = customFields;
		this.visibility = visibility;
		this.users = users;
		this.accounts = accounts;
	}

	LocalDate today(CurrentUser me) {
		return visibility.today(me.orgId());
	}

	/** The active people whose records the user may see (themselves first), for owner pickers and filters. */
	List<Person> people(CurrentUser me) {
		Set<UUID> visible = visibility.visibleUsers(me);
		return users.all(me).stream()
			.filter(u -> visible.contains(u.id()) && u.active() && u.role() != Role.PARTNER)
			.sorted(Comparator.comparing((User u) -> !u.id().equals(me.id())).thenComparing(User::displayName))
			.map(u -> new Person(u.id(), u.displayName()))
			.toList();
	}

	/** Whether the user sees anyone's records but their own, so pages show owner columns and filters. */
	boolean seesOthers(CurrentUser me) {
		return visibility.visibleUsers(me).size() > 1;
	}

	/** The active custom fields of a kind of record, for the record page's card. */
	List<CustomField> customFields(CurrentUser me, CustomFieldKind kind) {
		return customFields.list(me, kind, false);
	}

	List<Account> accountChoices(CurrentUser me) {
		return accounts.page(me, null, null, "name", 0, 500).items();
	}

	record Person(UUID id, String name) {
	}
}
