package dev.tandem.crm.web;

import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.BinEntry;
import dev.tandem.crm.BinKind;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.LeadManagement;
import dev.tandem.crm.RecycleBin;
import dev.tandem.crm.RestoreRefusedException;
import dev.tandem.crm.RuleRefusedException;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
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
 * Moving records into the recycle bin from their pages, and the bin itself: what the user may restore, with who
 * deleted it, when, and when it goes for good; restoring answers the bin's fragment for htmx and the page otherwise.
 */
@Controller
class RecycleBinPages {

	private static final int PAGE_SIZE = 50;

	private final RecycleBin bin;
	private final DealManagement deals;
	private final AccountManagement accounts;
	private final LeadManagement leads;
	private final FormErrors formErrors;

	RecycleBinPages(RecycleBin bin, DealManagement deals, AccountManagement accounts, LeadManagement leads, FormErrors formErrors) {
		this.bin = bin;
		this.deals = deals;
		this.accounts = accounts;
		this.leads = leads;
		this.formErrors = formErrors;
	}

	@GetMapping("/recycle-bin")
	String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String cursor,
			HttpServletRequest request, Model model) {
		fill(me, cursor, model);
		return Htmx.view(request, "crm/recycle-bin", "entries");
	}

	@PostMapping("/recycle-bin/{kind}/{id}/restore")
	String restore(@AuthenticationPrincipal CurrentUser me, @PathVariable BinKind kind, @PathVariable UUID id,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Map<String, Object> outcome;
		try {
			BinEntry entry = bin.restore(me, kind, id);
			outcome = Map.of("flash", formErrors.message("recycle.restored", entry.label()), "restoredPath", pathOf(kind, id));
		}
		catch (RestoreRefusedException ex) {
			outcome = Map.of("errors", Map.of("form", formErrors.message(ex.messageKey(), ex.arguments())));
		}
		if (Htmx.isHtmx(request)) {
			model.addAllAttributes(outcome);
			fill(me, null, model);
			return "crm/recycle-bin :: entries";
		}
		outcome.forEach(redirect::addFlashAttribute);
		return "redirect:/recycle-bin";
	}

	@PostMapping("/deals/{id}/delete")
	String deleteDeal(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		String title = deals.get(me, id).title();
		return intoBin(() -> deals.delete(me, id), title, "/deals/" + id, redirect);
	}

	@PostMapping("/accounts/{id}/delete")
	String deleteAccount(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		String name = accounts.get(me, id).name();
		return intoBin(() -> accounts.delete(me, id), name, "/accounts/" + id, redirect);
	}

	@PostMapping("/contacts/{id}/delete")
	String deleteContact(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		String name = accounts.contact(me, id).name();
		return intoBin(() -> accounts.deleteContact(me, id), name, "/contacts/" + id, redirect);
	}

	@PostMapping("/leads/{id}/delete")
	String deleteLead(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		String name = leads.get(me, id).personName();
		return intoBin(() -> leads.delete(me, id), name, "/leads/" + id, redirect);
	}

	/** Deletes, then shows the bin where it can be undone; a refusal goes back to the record, saying which rule. */
	private String intoBin(Runnable delete, String label, String back, RedirectAttributes redirect) {
		Map<String, String> refused;
		try {
			refused = formErrors.attempt(delete);
		}
		catch (RuleRefusedException ex) {
			redirect.addFlashAttribute("errors", Map.of("form", formErrors.message(ex.messageKey(), ex.arguments())));
			return "redirect:" + back;
		}
		if (!refused.isEmpty()) {
			redirect.addFlashAttribute("errors", Map.of("form", label + ": " + String.join(" ", refused.values())));
			return "redirect:" + back;
		}
		redirect.addFlashAttribute("flash", formErrors.message("recycle.moved", label, bin.retention().toDays()));
		return "redirect:/recycle-bin";
	}

	private void fill(CurrentUser me, @Nullable String cursor, Model model) {
		model.addAttribute("bin", bin.list(me, ListRequest.of(PAGE_SIZE, cursor)));
		model.addAttribute("days", bin.retention().toDays());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
	}

	private static String pathOf(BinKind kind, UUID id) {
		return "/" + kind.key() + "s/" + id;
	}
}
