package dev.tandem.coaching.help.web;

import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.coaching.help.HelpCategory;
import dev.tandem.coaching.help.HelpRequest;
import dev.tandem.coaching.help.HelpRequestManagement;
import dev.tandem.coaching.help.HelpUrgency;
import dev.tandem.coaching.help.NewHelpRequest;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.Activity;
import dev.tandem.crm.ActivityManagement;
import dev.tandem.crm.Deal;
import dev.tandem.crm.DealManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.playbook.BuyingRole;
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
 * The help-request pages: the inbox of the people in the viewer's line beside their own requests, the form that raises
 * a hand on a deal or an account, and a request with the deal's facts, its thread and what the rep and the manager can
 * do next.
 */
@Controller
class HelpPages {

	/** The buying-group roles whose presence the inbox shows: who decides, who pays, who sells it inside. */
	static final Set<BuyingRole> KEY_ROLES = EnumSet.of(BuyingRole.DECISION_MAKER, BuyingRole.ECONOMIC_BUYER, BuyingRole.CHAMPION);

	private final HelpRequestManagement help;
	private final DealManagement deals;
	private final AccountManagement accounts;
	private final ActivityManagement activities;
	private final Visibility visibility;
	private final OrganisationManagement organisations;
	private final FormErrors formErrors;

	HelpPages(HelpRequestManagement help, DealManagement deals, AccountManagement accounts, ActivityManagement activities,
			Visibility visibility, OrganisationManagement organisations, FormErrors formErrors) {
		this.help = help;
		this.deals = deals;
		this.accounts = accounts;
		this.activities = activities;
		this.visibility = visibility;
		this.organisations = organisations;
		this.formErrors = formErrors;
	}

	@GetMapping("/coaching/help")
	String inbox(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false, defaultValue = "false") boolean all, Model model) {
		List<HelpRequest> inbox = help.inbox(me, !all);
		model.addAttribute("inbox", inbox);
		model.addAttribute("overdue", inbox.stream().filter(r -> help.overdue(me.orgId(), r)).map(HelpRequest::id).collect(Collectors.toSet()));
		model.addAttribute("mine", help.mine(me));
		model.addAttribute("all", all);
		model.addAttribute("leads", !visibility.managedUsers(me.orgId(), me.id(), visibility.today(me.orgId())).isEmpty() || me.isAdmin());
		return "coaching/help/inbox";
	}

	@GetMapping("/coaching/help/new")
	String form(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID dealId,
			@RequestParam(required = false) @Nullable UUID accountId, Model model) {
		if (dealId != null) {
			model.addAttribute("deal", deals.get(me, dealId));
		}
		else if (accountId != null) {
			model.addAttribute("account", accounts.get(me, accountId));
		}
		model.addAttribute("dealId", dealId);
		model.addAttribute("accountId", dealId == null ? accountId : null);
		model.addAttribute("categories", HelpCategory.values());
		model.addAttribute("urgencies", HelpUrgency.values());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "coaching/help/new";
	}

	@PostMapping("/coaching/help")
	String ask(@AuthenticationPrincipal CurrentUser me, HelpForm form, RedirectAttributes redirect) {
		return formErrors.submit(() -> "redirect:/coaching/help/" + help.ask(me, form.request(), null).id(), errors -> {
			redirect.addFlashAttribute("errors", errors);
			redirect.addFlashAttribute("form", form);
			return "redirect:/coaching/help/new" + (form.dealId() != null ? "?dealId=" + form.dealId()
					: form.accountId() != null ? "?accountId=" + form.accountId() : "");
		});
	}

	@GetMapping("/coaching/help/{id}")
	String request(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		HelpRequest request = help.get(me, id);
		model.addAttribute("r", request);
		model.addAttribute("answers", help.answers(me, id));
		model.addAttribute("isRep", me.id().equals(request.repId()));
		model.addAttribute("managesRep", help.managesRep(me, request));
		model.addAttribute("overdue", help.overdue(me.orgId(), request));
		model.addAttribute("dueBy", help.dueBy(me.orgId(), request));
		if (request.dealId() != null) {
			Deal deal = deals.get(me, request.dealId());
			model.addAttribute("deal", deal);
			model.addAttribute("daysInStage", ChronoUnit.DAYS.between(
					deal.stageEnteredAt().atZone(organisations.get(me.orgId()).timeZone()).toLocalDate(), visibility.today(me.orgId())));
			var group = deals.stakeholders(me, deal.id());
			Set<BuyingRole> covered = group.stream().map(s -> s.role().buyingRole()).collect(Collectors.toSet());
			model.addAttribute("stakeholders", group.size());
			model.addAttribute("keyRoles", KEY_ROLES);
			model.addAttribute("covered", covered);
			model.addAttribute("recent", recent(activities.ofDeal(me, deal.id())));
		}
		else if (request.accountId() != null) {
			model.addAttribute("account", accounts.get(me, request.accountId()));
			model.addAttribute("recent", recent(activities.ofAccount(me, request.accountId())));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "coaching/help/request";
	}

	private static List<Activity> recent(List<Activity> all) {
		return all.stream().filter(Activity::done).limit(5).toList();
	}

	@PostMapping("/coaching/help/{id}/answers")
	String answer(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> help.answer(me, id, text, version));
		return "redirect:/coaching/help/" + id;
	}

	@PostMapping("/coaching/help/{id}/resolve")
	String resolve(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable String resolution,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> help.resolve(me, id, resolution, version));
		return "redirect:/coaching/help/" + id;
	}

	@PostMapping("/coaching/help/{id}/join")
	String join(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version,
			RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> help.join(me, id, version));
		return "redirect:/coaching/help/" + id;
	}

	@PostMapping("/coaching/help/{id}/take-over")
	String takeOver(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> help.takeOver(me, id, reason, version));
		return "redirect:/coaching/help/" + id;
	}

	/** The raise-a-hand form as posted. */
	record HelpForm(@Nullable UUID dealId, @Nullable UUID accountId, @Nullable String question, @Nullable String category,
			@Nullable String urgency) {

		NewHelpRequest request() {
			return new NewHelpRequest(dealId, accountId, question, category, urgency);
		}
	}
}
