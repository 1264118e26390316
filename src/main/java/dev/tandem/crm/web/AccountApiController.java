package dev.tandem.crm.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.Activity;
import dev.tandem.crm.ActivityManagement;
import dev.tandem.crm.Contact;
import dev.tandem.crm.NewAccount;
import dev.tandem.crm.NewContact;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts and contacts", description = "Companies and the people at them; an account belongs to a rep")
class AccountApiController {

	private final AccountManagement accounts;
	private final ActivityManagement activities;

	AccountApiController(AccountManagement accounts, ActivityManagement activities) {
		this.accounts = accounts;
		this.activities = activities;
	}

	@GetMapping("/api/v1/accounts")
	@Operation(summary = "List accounts", description = "owner: me or a user id; q: text in the name.")
	Listing<Account> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String owner,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return accounts.list(me, ApiParams.owner(me, owner), q, ListRequest.of(limit, cursor));
	}

	@GetMapping("/api/v1/accounts/{id}")
	@Operation(summary = "Get an account")
	Account get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return accounts.get(me, id);
	}

	@GetMapping("/api/v1/accounts/{id}/timeline")
	@Operation(summary = "The account's timeline", description = "Activities across all its deals and channels, newest first.")
	Listing<Activity> timeline(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return Listing.all(activities.ofAccount(me, id));
	}

	@PostMapping("/api/v1/accounts")
	@Operation(summary = "Add an account", description = "Without ownerId it is yours. customFields: values by key of the "
			+ "account custom fields (a number, yyyy-mm-dd date, one of the choices or text); reads return them as text.")
	ResponseEntity<Account> create(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody AccountRequest request) {
		Account account = accounts.create(me, request.toNew(), request.customFields());
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(account);
	}

	@PatchMapping("/api/v1/accounts/{id}")
	@Operation(summary = "Change an account", description = "Send the version you read; a stale version answers 409. "
			+ "customFields: the values sent change (null removes one), the others stay.")
	Account update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody AccountPatch patch) {
		Account current = accounts.get(me, id);
		return accounts.update(me, id, patch.version(), new NewAccount(
				patch.name() == null ? current.name() : patch.name(), patch.sector() == null ? current.sector() : patch.sector(),
				patch.size() == null ? current.size() : patch.size(), patch.country() == null ? current.country() : patch.country(),
				patch.website() == null ? current.website() : patch.website(), patch.ownerId()), patch.customFields());
	}

	@DeleteMapping("/api/v1/accounts/{id}")
	@Operation(summary = "Delete an account", description = "Moves it into the recycle bin together with its contacts, deals and "
			+ "activities, which come back with it on restore. Refused (403) for anyone outside the owner's line, while a deal "
			+ "of a colleague outside it is on the account, and for a rep while a won or lost deal is.")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		accounts.delete(me, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/contacts")
	@Operation(summary = "List contacts", description = "q: text in name, e-mail or account.")
	Listing<Contact> contacts(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
		return accounts.contacts(me, q, ListRequest.of(limit, cursor));
	}

	@GetMapping("/api/v1/accounts/{id}/contacts")
	@Operation(summary = "The contacts of an account")
	Listing<Contact> contactsOf(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return Listing.all(accounts.contactsOf(me, id));
	}

	@GetMapping("/api/v1/contacts/{id}")
	@Operation(summary = "Get a contact")
	Contact contact(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return accounts.contact(me, id);
	}

	@PostMapping("/api/v1/contacts")
	@Operation(summary = "Add a contact to an account")
	ResponseEntity<Contact> createContact(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody ContactRequest request) {
		Contact contact = accounts.createContact(me, new NewContact(request.accountId(), request.name(), request.title(),
				request.email(), request.phone(), request.socialUrl()), request.customFields());
		return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id())).body(contact);
	}

	@PatchMapping("/api/v1/contacts/{id}")
	@Operation(summary = "Change a contact", description = "Send the version you read; a stale version answers 409.")
	Contact updateContact(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody ContactPatch patch) {
		Contact current = accounts.contact(me, id);
		return accounts.updateContact(me, id, patch.version(), new NewContact(current.accountId(),
				patch.name() == null ? current.name() : patch.name(), patch.title() == null ? current.title() : patch.title(),
				patch.email() == null ? current.email() : patch.email(), patch.phone() == null ? current.phone() : patch.phone(),
				patch.socialUrl() == null ? current.socialUrl() : patch.socialUrl()), patch.customFields());
	}

	@DeleteMapping("/api/v1/contacts/{id}")
	@Operation(summary = "Delete a contact", description = "Moves it into the recycle bin. Refused (400) while the contact is in "
			+ "a buying group or came from a lead, and (403) for anyone outside the account owner's line.")
	ResponseEntity<Void> deleteContact(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		accounts.deleteContact(me, id);
		return ResponseEntity.noContent().build();
	}

	record AccountRequest(@NotBlank @Size(max = 200) String name, @Nullable @Size(max = 100) String sector,
			@Nullable String size, @Nullable @Size(max = 100) String country, @Nullable @Size(max = 300) String website,
			@Nullable UUID ownerId, @Nullable Map<String, @Nullable Object> customFields) {

		NewAccount toNew() {
			return new NewAccount(name, sector, size, country, website, ownerId);
		}
	}

	record AccountPatch(@NotNull Integer version, @Nullable @Size(min = 1, max = 200) String name,
			@Nullable @Size(max = 100) String sector, @Nullable String size, @Nullable @Size(max = 100) String country,
			@Nullable @Size(max = 300) String website, @Nullable UUID ownerId, @Nullable Map<String, @Nullable Object> customFields) {
	}

	record ContactRequest(@NotNull UUID accountId, @NotBlank @Size(max = 200) String name, @Nullable @Size(max = 200) String title,
			@Nullable @Size(max = 200) String email, @Nullable @Size(max = 50) String phone,
			@Nullable @Size(max = 300) String socialUrl, @Nullable Map<String, @Nullable Object> customFields) {
	}

	record ContactPatch(@NotNull Integer version, @Nullable @Size(min = 1, max = 200) String name,
			@Nullable @Size(max = 200) String title, @Nullable @Size(max = 200) String email,
			@Nullable @Size(max = 50) String phone, @Nullable @Size(max = 300) String socialUrl, @Nullable Map<String, @Nullable Object> customFields) {
	}
}
