package dev.tandem.crm.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.ActivityManagement;
import dev.tandem.crm.Contact;
import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.Deal;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.DealQuery;
import dev.tandem.crm.DealStatus;
import dev.tandem.crm.NewAccount;
import dev.tandem.crm.NewContact;
import dev.tandem.crm.SavedViewList;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.Htmx;
import dev.tandem.playbook.PlaybookManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lists of deals, accounts and contacts (filter, sort, page, CSV export) and the account and
 * contact pages with their timelines.
 */
@Controller
class RecordPages {

	private static final int PAGE_SIZE = 50;

	private final DealManagement deals;
	private final AccountManagement accounts;
	private final ActivityManagement activities;
	private final PlaybookManagement playbook;
	private final CrmViews views;
	private final CsvExport csv;
	private final FormErrors formErrors;
	private final SavedViewBar viewBar;

	RecordPages(DealManagement deals, AccountManagement accounts, ActivityManagement activities, PlaybookManagement playbook,
			CrmViews views, CsvExport csv, FormErrors formErrors, SavedViewBar viewBar) {
		this.viewBar = viewBar;
		this.deals = deals;
		this.accounts = accounts;
		this.activities = activities;
		this.playbook = playbook;
		this.views = views;
		this.csv = csv;
		this.formErrors = formErrors;
	}

	@GetMapping("/deals")
	String deals(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID owner,
			@RequestParam(required = false) @Nullable UUID stage,
			@RequestParam(name = "status", required = false) @Nullable String statusParam,
			@RequestParam(required = false) @Nullable LocalDate closedFrom, @RequestParam(required = false) @Nullable LocalDate closedTo,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "closeDate") String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String cols, @RequestParam(required = false) @Nullable UUID view,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		// The list opens on the open deals, nearest close date first; "any" shows every status.
		DealStatus status = DealFilters.status(statusParam, closedFrom != null || closedTo != null);
		DealQuery query = new DealQuery(owner, stage, status, closedFrom, closedTo, null, null, q);
		if ("csv".equals(format)) {
			List<Deal> all = deals.page(me, query, sort, 0, CsvExport.MAX_ROWS).items();
			csv.write(response, "deals", List.of("id", "title", "account", "owner", "amount", "closeDate", "stage", "status",
					"forecastCategory", "source", "nextStep", "nextStepDate", "lostReason", "createdAt"),
					all.stream().map(d -> List.<Object>of(d.id(), d.title(), d.accountName(), d.ownerName(),
							ActivityPages.str(d.amount()), ActivityPages.str(d.closeDate()), d.stageName(), d.status(),
							d.forecastCategory(), d.source(), ActivityPages.str(d.nextStep()), ActivityPages.str(d.nextStepDate()),
							ActivityPages.str(d.lostReason()), d.createdAt())).toList());
			return null;
		}
		int current = Math.max(0, page);
		model.addAttribute("list", deals.page(me, query, sort, current, PAGE_SIZE));
		model.addAttribute("page", current);
		model.addAttribute("size", PAGE_SIZE);
		model.addAttribute("owner", owner);
		model.addAttribute("stage", stage);
		model.addAttribute("status", status == null ? DealFilters.ANY : status.name());
		model.addAttribute("closedFrom", closedFrom);
		model.addAttribute("closedTo", closedTo);
		model.addAttribute("q", q);
		model.addAttribute("sort", sort);
		model.addAttribute("owners", views.people(me));
		model.addAttribute("statuses", DealStatus.values());
		model.addAttribute("categories", java.util.Arrays.stream(dev.tandem.playbook.ForecastCategory.values())
			.filter(c -> c != dev.tandem.playbook.ForecastCategory.CLOSED).toList());
		model.addAttribute("pipelines", playbook.pipelines(me.orgId()));
		String statusKey = status == null ? DealFilters.ANY : status.name();
		List<String> columns = DealFilters.columns(cols);
		model.addAttribute("cols", columns);
		viewBar.addTo(model, me, SavedViewList.DEALS, view, SavedViewBar.filters("owner", owner, "stage", stage, "status", statusKey,
				"closedFrom", closedFrom, "closedTo", closedTo, "q", q), sort);
		model.addAttribute("query", ListQuery.of("owner", owner, "stage", stage, "status", statusKey, "closedFrom", closedFrom,
				"closedTo", closedTo, "q", q, "sort", sort, "cols", cols, "view", view));
		model.addAttribute("filters", ListQuery.of("owner", owner, "stage", stage, "status", statusKey, "closedFrom", closedFrom,
				"closedTo", closedTo, "q", q, "cols", cols, "view", view));
		return Htmx.view(request, "crm/deals", "rows");
	}

	@GetMapping("/accounts")
	String accounts(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID owner,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "name") String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String format,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		if ("csv".equals(format)) {
			List<Account> all = accounts.page(me, owner, q, sort, 0, CsvExport.MAX_ROWS).items();
			csv.write(response, "accounts", List.of("id", "name", "sector", "size", "country", "website", "owner", "openDeals"),
					all.stream().map(a -> List.<Object>of(a.id(), a.name(), ActivityPages.str(a.sector()), ActivityPages.str(a.size()),
							ActivityPages.str(a.country()), ActivityPages.str(a.website()), a.ownerName(), a.openDeals())).toList());
			return null;
		}
		int current = Math.max(0, page);
		model.addAttribute("list", accounts.page(me, owner, q, sort, current, PAGE_SIZE));
		model.addAttribute("page", current);
		model.addAttribute("size", PAGE_SIZE);
		model.addAttribute("owner", owner);
		model.addAttribute("q", q);
		model.addAttribute("sort", sort);
		model.addAttribute("owners", views.people(me));
		model.addAttribute("query", ListQuery.of("owner", owner, "q", q, "sort", sort));
		model.addAttribute("filters", ListQuery.of("owner", owner, "q", q));
		return Htmx.view(request, "crm/accounts", "rows");
	}

	@GetMapping("/accounts/new")
	String newAccount(@AuthenticationPrincipal CurrentUser me, Model model) {
		return accountForm(me, model, null, null, Map.of());
	}

	@PostMapping("/accounts")
	String createAccount(@AuthenticationPrincipal CurrentUser me, AccountForm form, Model model) {
		return formErrors.submit(() -> "redirect:/accounts/" + accounts.create(me, form.toNew()).id(),
				errors -> accountForm(me, model, null, form, errors));
	}

	@GetMapping("/accounts/{id}")
	String account(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		Account account = accounts.get(me, id);
		model.addAttribute("account", account);
		List<dev.tandem.crm.Contact> contacts = accounts.contactsOf(me, id);
		model.addAttribute("contacts", contacts);
		model.addAttribute("logContacts", contacts);
		model.addAttribute("deals", deals.page(me, new DealQuery(null, null, null, null, null, null, id, null), "-updated", 0, 100)
			.items());
		model.addAttribute("timeline", DealPages.timeline(activities.ofAccount(me, id), deals.historyOfAccount(me, id, 200)));
		model.addAttribute("customFields", views.customFields(me, CustomFieldKind.ACCOUNT));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "crm/account";
	}

	@GetMapping("/accounts/{id}/edit")
	String editAccount(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		Account account = accounts.get(me, id);
		return accountForm(me, model, account, new AccountForm(account.version(), account.name(), account.sector(), account.size(),
				account.country(), account.website(), account.ownerId()), Map.of());
	}

	@PostMapping("/accounts/{id}")
	String updateAccount(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, AccountForm form, Model model) {
		Account account = accounts.get(me, id);
		return formErrors.submit(() -> {
			accounts.update(me, id, form.version() == null ? -1 : form.version(), form.toNew());
			return "redirect:/accounts/" + id;
		}, errors -> accountForm(me, model, account, form, errors), errors -> accountForm(me, model, accounts.get(me, id), form, errors));
	}

	private String accountForm(CurrentUser me, Model model, @Nullable Account account, @Nullable AccountForm form,
			Map<String, String> errors) {
		model.addAttribute("account", account);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("owners", views.people(me));
		model.addAttribute("sizes", List.of("1-10", "11-50", "51-200", "201-1000", "1000+"));
		return "crm/account-form";
	}

	@PostMapping("/accounts/{id}/contacts")
	String addContact(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam String name,
			@RequestParam(required = false) @Nullable String title, @RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String phone, @RequestParam(required = false) @Nullable String socialUrl,
			RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> accounts.createContact(me, new NewContact(id, name, title, email, phone, socialUrl)));
		return "redirect:/accounts/" + id + "#contacts";
	}

	@GetMapping("/contacts")
	String contacts(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable String format, HttpServletRequest request, HttpServletResponse response,
			Model model) throws IOException {
		if ("csv".equals(format)) {
			List<Contact> all = accounts.contactPage(me, q, sort, 0, CsvExport.MAX_ROWS).items();
			csv.write(response, "contacts", List.of("id", "name", "title", "account", "email", "phone", "socialUrl"),
					all.stream().map(c -> List.<Object>of(c.id(), c.name(), ActivityPages.str(c.title()), c.accountName(),
							ActivityPages.str(c.email()), ActivityPages.str(c.phone()), ActivityPages.str(c.socialUrl()))).toList());
			return null;
		}
		int current = Math.max(0, page);
		model.addAttribute("list", accounts.contactPage(me, q, sort, current, PAGE_SIZE));
		model.addAttribute("page", current);
		model.addAttribute("size", PAGE_SIZE);
		model.addAttribute("q", q);
		model.addAttribute("sort", sort);
		model.addAttribute("query", ListQuery.of("q", q, "sort", sort));
		model.addAttribute("filters", ListQuery.of("q", q));
		return Htmx.view(request, "crm/contacts", "rows");
	}

	@GetMapping("/contacts/{id}")
	String contact(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		model.addAttribute("contact", accounts.contact(me, id));
		model.addAttribute("timeline", DealPages.timeline(activities.ofContact(me, id), List.of()));
		model.addAttribute("customFields", views.customFields(me, CustomFieldKind.CONTACT));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "crm/contact";
	}

	@PostMapping("/contacts/{id}")
	String updateContact(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam String name, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String email, @RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String socialUrl, RedirectAttributes redirect) {
		Contact contact = accounts.contact(me, id);
		if (formErrors.flash(redirect,
				() -> accounts.updateContact(me, id, version, new NewContact(contact.accountId(), name, title, email, phone, socialUrl)))) {
			redirect.addFlashAttribute("flash", formErrors.message("contact.saved"));
		}
		return "redirect:/contacts/" + id;
	}

	/** A saved view as the list's menu offers it; {@code by} names the colleague who shared it, null for one's own. */
	record AccountForm(@Nullable Integer version, String name, @Nullable String sector, @Nullable String size,
			@Nullable String country, @Nullable String website, @Nullable UUID ownerId) {

		NewAccount toNew() {
			return new NewAccount(name == null ? "" : name, sector, size == null || size.isBlank() ? null : size, country, website,
					ownerId);
		}
	}
}
