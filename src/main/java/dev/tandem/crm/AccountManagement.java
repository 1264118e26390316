package dev.tandem.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.persistence.Accounts;
import dev.tandem.crm.persistence.Deals;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and their contacts, within what the user may see.
 */
@Service
public class AccountManagement {

	static final Set<String> SIZES = Set.of("1-10", "11-50", "51-200", "201-1000", "1000+");

	private final Accounts accounts;
	private final Deals deals;
	private final Access access;
	private final RecycleBin bin;
	private final CustomFieldManagement customFields;

	AccountManagement(Accounts accounts, Deals deals, Access access, RecycleBin bin, CustomFieldManagement customFields) {
		this.customFields = customFields;
		this.accounts = accounts;
		this.deals = deals;
		this.access = access;
		this.bin = bin;
	}

	public Account get(CurrentUser viewer, UUID id) {
		Set<UUID> owners = access.owners(viewer);
		Account account = accounts.find(viewer.orgId(), id, owners).orElseThrow(() -> new RecordNotFoundException("account", id));
		if (!accounts.visible(viewer.orgId(), id, owners)) {
			throw new RecordNotFoundException("account", id);
		}
		return account;
	}

	public Listing<Account> list(CurrentUser viewer, @Nullable UUID ownerId, @Nullable String text, ListRequest request) {
		Set<UUID> owners = access.owners(viewer);
		List<Account> rows = accounts.list(viewer.orgId(), owners, ownerId, text, "id", request.after(), request.fetchSize(), 0);
		return Listing.of(rows, accounts.count(viewer.orgId(), owners, ownerId, text), request, Account::id);
	}

	public Listing<Account> page(CurrentUser viewer, @Nullable UUID ownerId, @Nullable String text, String sort, int page, int size) {
		Sorts.check(sort, Accounts.SORTS.keySet());
		Set<UUID> owners = access.owners(viewer);
		return new Listing<>(accounts.list(viewer.orgId(), owners, ownerId, text, sort, null, size, page * size),
				accounts.count(viewer.orgId(), owners, ownerId, text), null);
	}

	@Transactional
	public Account create(CurrentUser user, NewAccount account) {
		return create(user, account, Map.of());
	}

	/** A new account with values of its custom fields (see {@link CustomFieldManagement}), in one command. */
	@Transactional
	public Account create(CurrentUser user, NewAccount account, @Nullable Map<String, ? extends @Nullable Object> custom) {
		UUID ownerId = account.ownerId() == null ? user.id() : account.ownerId();
		check(user, account.name(), account.size(), ownerId);
		UUID id = dev.tandem.platform.Ids.next();
		accounts.insert(user.orgId(), id, account.name().trim(), trim(account.sector()), account.size(), trim(account.country()),
				trim(account.website()), ownerId, user.displayName());
		customFields.store(user, CustomFieldKind.ACCOUNT, id, custom);
		return get(user, id);
	}

	@Transactional
	public Account update(CurrentUser user, UUID id, int version, NewAccount changes) {
		return update(user, id, version, changes, Map.of());
	}

	/** Changes the account and the custom values sent (null removes one), in one command. */
	@Transactional
	public Account update(CurrentUser user, UUID id, int version, NewAccount changes,
			@Nullable Map<String, ? extends @Nullable Object> custom) {
		Account current = get(user, id);
		UUID ownerId = changes.ownerId() == null ? current.ownerId() : changes.ownerId();
		check(user, changes.name(), changes.size(), ownerId.equals(current.ownerId()) ? null : ownerId);
		if (!accounts.update(user.orgId(), id, changes.name().trim(), trim(changes.sector()), changes.size(),
				trim(changes.country()), trim(changes.website()), ownerId, user.displayName(), version)) {
			Account now = get(user, id);
			throw new ConcurrentEditException("account", now.updatedBy(), now.updatedAt());
		}
		customFields.store(user, CustomFieldKind.ACCOUNT, id, custom);
		return get(user, id);
	}

	/** The account of that name the user may see, or a new one of theirs. */
	@Transactional
	public Account findOrCreate(CurrentUser user, String name) {
		return findOrCreate(user, name, user.id());
	}

	/** The account of that name {@code ownerId} may see, or a new one of theirs. */
	@Transactional
	public Account findOrCreate(CurrentUser user, String name, UUID ownerId) {
		return accounts.findByName(user.orgId(), name)
			.filter(id -> accounts.visible(user.orgId(), id, access.owners(user)))
			.map(id -> get(user, id))
			.orElseGet(() -> create(user, new NewAccount(name, null, null, null, null, ownerId)));
	}

	public List<Contact> contactsOf(CurrentUser viewer, UUID accountId) {
		get(viewer, accountId);
		return accounts.contactsOf(viewer.orgId(), accountId);
	}

	public Contact contact(CurrentUser viewer, UUID id) {
		Contact contact = accounts.findContact(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("contact", id));
		if (!accounts.visible(viewer.orgId(), contact.accountId(), access.owners(viewer))) {
			throw new RecordNotFoundException("contact", id);
		}
		return contact;
	}

	public Listing<Contact> contacts(CurrentUser viewer, @Nullable String text, ListRequest request) {
		Set<UUID> owners = access.owners(viewer);
		List<Contact> rows = accounts.contacts(viewer.orgId(), owners, text, "id", request.after(), request.fetchSize(), 0);
		return Listing.of(rows, accounts.countContacts(viewer.orgId(), owners, text), request, Contact::id);
	}

	public Listing<Contact> contactPage(CurrentUser viewer, @Nullable String text, String sort, int page, int size) {
		Sorts.check(sort, Accounts.CONTACT_SORTS);
		Set<UUID> owners = access.owners(viewer);
		return new Listing<>(accounts.contacts(viewer.orgId(), owners, text, sort, null, size, page * size),
				accounts.countContacts(viewer.orgId(), owners, text), null);
	}

	@Transactional
	public Contact createContact(CurrentUser user, NewContact contact) {
		return createContact(user, contact, Map.of());
	}

	@Transactional
	public Contact createContact(CurrentUser user, NewContact contact, @Nullable Map<String, ? extends @Nullable Object> custom) {
		if (!accounts.visible(user.orgId(), contact.accountId(), access.owners(user))) {
			throw InvalidInputException.of("accountId", "validation.account.unknown");
		}
		checkContact(contact.name(), contact.email());
		UUID id = dev.tandem.platform.Ids.next();
		accounts.insertContact(user.orgId(), id, contact.accountId(), contact.name().trim(), trim(contact.title()),
				trim(contact.email()), trim(contact.phone()), trim(contact.socialUrl()), user.displayName());
		customFields.store(user, CustomFieldKind.CONTACT, id, custom);
		return contact(user, id);
	}

	@Transactional
	public Contact updateContact(CurrentUser user, UUID id, int version, NewContact changes) {
		return updateContact(user, id, version, changes, Map.of());
	}

	@Transactional
	public Contact updateContact(CurrentUser user, UUID id, int version, NewContact changes,
			@Nullable Map<String, ? extends @Nullable Object> custom) {
		contact(user, id);
		checkContact(changes.name(), changes.email());
		if (!accounts.updateContact(user.orgId(), id, changes.name().trim(), trim(changes.title()), trim(changes.email()),
				trim(changes.phone()), trim(changes.socialUrl()), user.displayName(), version)) {
			throw new ConcurrentEditException("contact", null, null);
		}
		customFields.store(user, CustomFieldKind.CONTACT, id, custom);
		return contact(user, id);
	}

	private void check(CurrentUser user, @Nullable String name, @Nullable String size, @Nullable UUID newOwner) {
		List<FieldProblem> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 200) {
			problems.add(new FieldProblem("name", "validation.text.length", 1, 200));
		}
		if (size != null && !SIZES.contains(size)) {
			problems.add(new FieldProblem("size", "validation.enum", "1-10, 11-50, 51-200, 201-1000, 1000+"));
		}
		if (newOwner != null && !access.mayAssignTo(user, newOwner)) {
			problems.add(new FieldProblem("ownerId", "validation.owner.not-yours"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void checkContact(@Nullable String name, @Nullable String email) {
		List<FieldProblem> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 200) {
			problems.add(new FieldProblem("name", "validation.text.length", 1, 200));
		}
		if (email != null && !email.isBlank() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			problems.add(new FieldProblem("email", "jakarta.validation.constraints.Email.message"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static @Nullable String trim(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/**
	 * Moves an account into the recycle bin together with its contacts, its deals and their activities and the
	 * activities on the account, to be restored together. Only the owner's line may, and only when they may delete
	 * every deal on it too: a deal of a colleague outside their line, or a won or lost one for a rep, refuses it.
	 */
	@Transactional
	public void delete(CurrentUser user, UUID id) {
		Account account = get(user, id);
		requireLine(user, account);
		List<Deal> onAccount = deals.ofAccount(user.orgId(), id);
		onAccount.stream().filter(d -> !access.canSee(user, d.ownerId())).findFirst().ifPresent(d -> {
			throw new DeletionRefusedException("recycle.refused.colleague-deals", d.ownerName());
		});
		if (onAccount.stream().anyMatch(d -> !d.deletableBy(user.role()))) {
			throw new DeletionRefusedException("recycle.refused.closed-deal-of-account");
		}
		bin.put(user, BinKind.ACCOUNT, id, account.name(), account.ownerId(), null);
	}

	/**
	 * Moves a contact into the recycle bin; refused while it is in a buying group or came from a lead, and for anyone
	 * but the account owner's line, who restore it.
	 */
	@Transactional
	public void deleteContact(CurrentUser user, UUID id) {
		Contact contact = contact(user, id);
		Account account = get(user, contact.accountId());
		requireLine(user, account);
		if (accounts.contactInUse(user.orgId(), id)) {
			throw InvalidInputException.of("id", "validation.contact.in-use");
		}
		bin.put(user, BinKind.CONTACT, id, contact.name() + ", " + account.name(), account.ownerId(), null);
	}

	/** An account (and its contacts) is its owner's: a rep who sees it through a deal of theirs on it may not delete it. */
	private void requireLine(CurrentUser user, Account account) {
		if (!access.canSee(user, account.ownerId())) {
			throw new DeletionRefusedException("recycle.refused.not-your-line", account.ownerName());
		}
	}
}
