package dev.tandem.crm.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.Lead;
import dev.tandem.crm.LeadManagement;
import dev.tandem.crm.LeadFilter;
import dev.tandem.crm.LeadStatus;
import dev.tandem.crm.NewLead;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.Htmx;
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
 * The leads inbox with its routing log, lead intake, qualification, reassignment, conversion, and
 * the routing weights of the teams a manager leads.
 */
@Controller
class LeadPages {

	private static final int PAGE_SIZE = 50;

	private final LeadManagement leads;
	private final TeamManagement teams;
	private final CrmViews views;
	private final CsvExport csv;
	private final FormErrors formErrors;

	LeadPages(LeadManagement leads, TeamManagement teams, CrmViews views, CsvExport csv, FormErrors formErrors) {
		this.leads = leads;
		this.teams = teams;
		this.views = views;
		this.csv = csv;
		this.formErrors = formErrors;
	}

	@GetMapping("/leads")
	String inbox(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable LeadStatus status,
			@RequestParam(required = false) @Nullable UUID owner, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "false") boolean unassigned, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable String format, HttpServletRequest request, HttpServletResponse response,
			Model model) throws IOException {
		LeadFilter filter = new LeadFilter(status, owner, q, unassigned);
		if ("csv".equals(format)) {
			List<Lead> all = leads.page(me, filter, 0, CsvExport.MAX_ROWS).items();
			csv.write(response, "leads", List.of("id", "person", "company", "email", "phone", "source", "campaign", "score",
					"status", "disqualifiedReason", "owner", "createdAt"),
					all.stream().map(l -> List.<Object>of(l.id(), l.personName(), l.company(), ActivityPages.str(l.email()),
							ActivityPages.str(l.phone()), l.source(), ActivityPages.str(l.campaign()), l.score(), l.status(),
							ActivityPages.str(l.disqualifiedReason()), ActivityPages.str(l.ownerName()), l.createdAt())).toList());
			return null;
		}
		int current = Math.max(0, page);
		model.addAttribute("list", leads.page(me, filter, current, PAGE_SIZE));
		model.addAttribute("page", current);
		model.addAttribute("size", PAGE_SIZE);
		model.addAttribute("status", status);
		model.addAttribute("owner", owner);
		model.addAttribute("q", q);
		model.addAttribute("unassigned", unassigned);
		model.addAttribute("statuses", LeadStatus.values());
		model.addAttribute("owners", views.people(me));
		model.addAttribute("query", ListQuery.of("status", status, "owner", owner, "q", q, "unassigned", unassigned ? "true" : null));
		model.addAttribute("routedTeams", routedTeams(me));
		return Htmx.view(request, "crm/leads", "rows");
	}

	@GetMapping("/leads/new")
	String newLead(@AuthenticationPrincipal CurrentUser me, Model model) {
		return form(me, model, null, Map.of());
	}

	@PostMapping("/leads")
	String create(@AuthenticationPrincipal CurrentUser me, LeadForm form, Model model) {
		return formErrors.submit(() -> {
			Lead lead = leads.create(me, new NewLead(form.personName() == null ? "" : form.personName(),
					form.company() == null ? "" : form.company(), form.email(), form.phone(), form.source(), form.campaign(),
					form.score(), form.teamId(), form.ownerId()));
			return "redirect:/leads/" + lead.id();
		}, errors -> form(me, model, form, errors));
	}

	private String form(CurrentUser me, Model model, @Nullable LeadForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("teams", teams.all(me).stream().filter(t -> t.kind() == TeamKind.SALES).toList());
		model.addAttribute("owners", views.people(me));
		model.addAttribute("sources", DealSource.values());
		return "crm/lead-new";
	}

	@GetMapping("/leads/{id}")
	String lead(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		Lead lead = leads.get(me, id);
		model.addAttribute("lead", lead);
		model.addAttribute("log", leads.routingLog(me, id));
		model.addAttribute("customFields", views.customFields(me, CustomFieldKind.LEAD));
		model.addAttribute("owners", views.people(me));
		model.addAttribute("statuses", List.of(LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUALIFIED, LeadStatus.DISQUALIFIED));
		model.addAttribute("canReassign", me.isAdmin() || lead.ownerId() == null || !lead.ownerId().equals(me.id()) || views.seesOthers(me));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "crm/lead";
	}

	@PostMapping("/leads/{id}/status")
	String status(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam LeadStatus status,
			@RequestParam(required = false) @Nullable String reason, @RequestParam int version, RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> leads.changeStatus(me, id, status, reason, version));
		return "redirect:/leads/" + id;
	}

	@PostMapping("/leads/{id}/assign")
	String assign(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam UUID ownerId,
			@RequestParam(required = false) @Nullable String reason, @RequestParam int version, RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> leads.reassign(me, id, ownerId, reason, version));
		return "redirect:/leads/" + id;
	}

	@PostMapping("/leads/{id}/convert")
	String convert(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable String dealTitle,
			@RequestParam(required = false) @Nullable BigDecimal amount, @RequestParam(required = false) @Nullable LocalDate closeDate,
			@RequestParam int version, RedirectAttributes redirect) {
		return formErrors.submit(() -> {
			var conversion = leads.convert(me, id, dealTitle, amount, closeDate, version);
			return conversion.deal() != null ? "redirect:/deals/" + conversion.deal().id() : "redirect:/accounts/" + conversion.account().id();
		}, FormErrors.back(redirect, "redirect:/leads/" + id));
	}

	@PostMapping("/leads/weights")
	String setWeight(@AuthenticationPrincipal CurrentUser me, @RequestParam UUID teamId, @RequestParam UUID userId,
			@RequestParam BigDecimal weight, RedirectAttributes redirect) {
		Map<String, String> refused = formErrors.attempt(() -> leads.setWeight(me, teamId, userId, weight));
		redirect.addFlashAttribute("flash", refused.isEmpty() ? formErrors.message("routing.weight.saved") : String.join(" ", refused.values()));
		return "redirect:/leads#routing";
	}

	private List<TeamWeights> routedTeams(CurrentUser me) {
		List<TeamWeights> result = new ArrayList<>();
		for (UUID teamId : leads.routedTeams(me)) {
			Team team = teams.get(me, teamId);
			var weights = leads.weights(me, teamId);
			if (!weights.isEmpty()) {
				result.add(new TeamWeights(team, weights));
			}
		}
		result.sort(java.util.Comparator.comparing(t -> t.team().name()));
		return result;
	}

	record TeamWeights(Team team, List<LeadManagement.Weight> weights) {
	}

	record LeadForm(@Nullable String personName, @Nullable String company, @Nullable String email, @Nullable String phone,
			@Nullable DealSource source, @Nullable String campaign, @Nullable Integer score, @Nullable UUID teamId,
			@Nullable UUID ownerId) {
	}
}
