package dev.tandem.crm.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.Contact;
import dev.tandem.crm.DealChanges;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.Lead;
import dev.tandem.crm.LeadManagement;
import dev.tandem.crm.NewAccount;
import dev.tandem.crm.NewContact;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Custom fields" card of the account, contact, deal and lead pages: its form sends every field as
 * {@code custom.<key>} with the record's version, an empty one clearing the value, and goes back to the record.
 */
@Controller
class CustomValuePages {

	static final String PREFIX = "custom.";

	private final AccountManagement accounts;
	private final DealManagement deals;
	private final LeadManagement leads;
	private final FormErrors formErrors;

	CustomValuePages(AccountManagement accounts, DealManagement deals, LeadManagement leads, FormErrors formErrors) {
		this.accounts = accounts;
		this.deals = deals;
		this.leads = leads;
		this.formErrors = formErrors;
	}

	@PostMapping("/accounts/{id}/custom-fields")
	String account(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Account a = accounts.get(me, id);
		saved(redirect, formErrors.flash(redirect, () -> accounts.update(me, id, version,
				new NewAccount(a.name(), a.sector(), a.size(), a.country(), a.website(), a.ownerId()), values(params))));
		return "redirect:/accounts/" + id + "#custom-fields";
	}

	@PostMapping("/contacts/{id}/custom-fields")
	String contact(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Contact c = accounts.contact(me, id);
		saved(redirect, formErrors.flash(redirect, () -> accounts.updateContact(me, id, version,
				new NewContact(c.accountId(), c.name(), c.title(), c.email(), c.phone(), c.socialUrl()), values(params))));
		return "redirect:/contacts/" + id + "#custom-fields";
	}

	@PostMapping("/deals/{id}/custom-fields")
	String deal(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		saved(redirect, formErrors.flash(redirect, () -> deals.update(me, id,
				new DealChanges(version, Set.of(), null, null, null, null, null, null, null, null, null), values(params))));
		return "redirect:/deals/" + id + "#custom-fields";
	}

	@PostMapping("/leads/{id}/custom-fields")
	String lead(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Lead l = leads.get(me, id);
		saved(redirect, formErrors.flash(redirect,
				() -> leads.changeStatus(me, id, l.status(), l.disqualifiedReason(), version, values(params))));
		return "redirect:/leads/" + id + "#custom-fields";
	}

	private void saved(RedirectAttributes redirect, boolean saved) {
		if (saved) {
			redirect.addFlashAttribute("flash", formErrors.message("custom-fields.card.saved"));
		}
	}

	private static Map<String, @Nullable Object> values(Map<String, String> params) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(PREFIX)) {
				values.put(name.substring(PREFIX.length()), value);
			}
		});
		return values;
	}
}
