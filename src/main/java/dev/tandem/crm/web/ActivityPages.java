package dev.tandem.crm.web;

import dev.tandem.people.Formats;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.Activity;
import dev.tandem.crm.ActivityManagement;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.DealQuery;
import dev.tandem.crm.DealStatus;
import dev.tandem.crm.NewActivity;
import dev.tandem.crm.SavedViewList;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Listing;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.Htmx;
import dev.tandem.playbook.ActivityType;
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
 * Logging activities from anywhere, the rep's day (open and overdue tasks), and the activity list.
 */
@Controller
class ActivityPages {

	/** Where the quick log may send the rep back to: a page of this application, never another site. */
	private static final java.util.regex.Pattern LOCAL_PAGE = java.util.regex.Pattern.compile("/(?!/)[A-Za-z0-9/_-]*");

	/** Upcoming tasks shown above the activity list; the rest wait on the rep's day. */
	static final int UPCOMING = 10;

	private final ActivityManagement activities;
	private final DealManagement deals;
	private final CrmViews views;
	private final Formats format;
	private final CsvExport csv;
	private final FormErrors formErrors;
	private final SavedViewBar viewBar;

	ActivityPages(ActivityManagement activities, DealManagement deals, CrmViews views, Formats format, CsvExport csv,
			FormErrors formErrors, SavedViewBar viewBar) {
		this.viewBar = viewBar;
		this.activities = activities;
		this.deals = deals;
		this.views = views;
		this.format = format;
		this.csv = csv;
		this.formErrors = formErrors;
	}

	@GetMapping("/log")
	String logPage(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("myDeals", myOpenDeals(me));
		model.addAttribute("recent", activities.today(me));
		return "crm/log";
	}

	@PostMapping("/activities/log")
	String log(@AuthenticationPrincipal CurrentUser me, @RequestParam ActivityType type, @RequestParam String subject,
			@RequestParam(required = false) @Nullable UUID dealId, @RequestParam(required = false) @Nullable UUID accountId,
			@RequestParam(required = false) @Nullable UUID contactId, @RequestParam(required = false) @Nullable String followUp,
			@RequestParam(required = false) @Nullable String followUpDate, @RequestParam(required = false) @Nullable String back,
			RedirectAttributes redirect) {
		String page = back != null && LOCAL_PAGE.matcher(back).matches() ? back : dealId != null ? "/deals/" + dealId
				: accountId != null ? "/accounts/" + accountId : contactId != null ? "/contacts/" + contactId : "/log";
		List<UUID> contacts = contactId == null ? null : List.of(contactId);
		LocalDate[] due = new LocalDate[1];
		Map<String, String> refused = formErrors.attempt(() -> {
			NewActivity task = null;
			if (followUp != null && !followUp.isBlank()) {
				if (followUp.trim().length() > 200) {
					throw InvalidInputException.of("followUp", "log.follow-up.invalid", 200);
				}
				due[0] = followUpDay(me, followUpDate);
				task = new NewActivity(ActivityType.TASK, followUp.trim(), null, null, null, null, null, null,
						due[0].atTime(LocalTime.of(17, 0)).atZone(format.zone()).toInstant(), dealId, accountId, contacts, null, null);
			}
			activities.logWithFollowUp(me, new NewActivity(type, subject, null, null, null, null, null, null, null, dealId, accountId,
					contacts, null, null), task);
		});
		if (refused.isEmpty()) {
			String done = formErrors.message("log.done", formErrors.message("activity-type." + type));
			redirect.addFlashAttribute("flash", due[0] == null ? done
					: done + " " + formErrors.message("log.follow-up.done", format.date(due[0])));
		}
		else {
			redirect.addFlashAttribute("errors", refused);
			redirect.addFlashAttribute("flashError", String.join(" ", refused.values()));
		}
		return "redirect:" + page;
	}

	/** The follow-up's day: tomorrow when none is given; never before today. */
	private LocalDate followUpDay(CurrentUser me, @Nullable String text) {
		LocalDate today = views.today(me);
		if (text == null || text.isBlank()) {
			return today.plusDays(1);
		}
		try {
			LocalDate day = LocalDate.parse(text.trim());
			if (!day.isBefore(today)) {
				return day;
			}
		}
		catch (java.time.format.DateTimeParseException ex) {
			// Refused below, with the rule.
		}
		throw InvalidInputException.of("followUpDate", "log.follow-up.date.invalid");
	}

	@GetMapping("/my-day")
	String myDay(@AuthenticationPrincipal CurrentUser me, Model model) {
		LocalDate today = views.today(me);
		List<Activity> tasks = activities.myDay(me);
		model.addAttribute("overdue", tasks.stream().filter(t -> format.day(t.when()).isBefore(today)).toList());
		model.addAttribute("dueToday", tasks.stream().filter(t -> !format.day(t.when()).isBefore(today)).toList());
		model.addAttribute("done", activities.today(me));
		model.addAttribute("myDeals", myOpenDeals(me));
		model.addAttribute("today", today);
		model.addAttribute("logBack", "/my-day");
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "crm/my-day";
	}

	@PostMapping("/tasks")
	String addTask(@AuthenticationPrincipal CurrentUser me, @RequestParam String subject,
			@RequestParam(required = false) @Nullable LocalDate dueDate, @RequestParam(required = false) @Nullable UUID dealId,
			RedirectAttributes redirect) {
		LocalDate due = dueDate == null ? views.today(me) : dueDate;
		Instant dueAt = due.atTime(LocalTime.of(17, 0)).atZone(format.zone()).toInstant();
		if (formErrors.flash(redirect, () -> activities.log(me, new NewActivity(ActivityType.TASK, subject, null, null, null, null, null, null,
				dueAt, dealId, null, null, null, null), null))) {
			redirect.addFlashAttribute("flash", formErrors.message("task.added"));
		}
		return "redirect:/my-day";
	}

	@PostMapping("/activities/{id}/complete")
	String complete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(required = false) @Nullable String outcome, RedirectAttributes redirect) {
		if (formErrors.flash(redirect, () -> activities.complete(me, id, version, outcome))) {
			redirect.addFlashAttribute("flash", formErrors.message("task.completed"));
		}
		return "redirect:/my-day";
	}

	@GetMapping("/activities")
	String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID owner,
			@RequestParam(required = false) @Nullable ActivityType type, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable UUID view,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		Instant fromAt = from == null ? null : from.atStartOfDay(this.format.zone()).toInstant();
		Instant toAt = to == null ? null : to.plusDays(1).atStartOfDay(this.format.zone()).toInstant();
		if ("csv".equals(format)) {
			Listing<Activity> all = activities.donePage(me, owner, type, fromAt, toAt, 0, CsvExport.MAX_ROWS);
			csv.write(response, "activities", List.of("id", "type", "channel", "direction", "subject", "occurredAt", "dueAt", "done",
					"owner", "deal", "account", "outcome", "durationMinutes", "joint"),
					all.items().stream().map(a -> List.<Object>of(a.id(), a.type(), a.channel(), a.direction(), a.subject(),
							str(a.occurredAt()), str(a.dueAt()), a.done(), a.ownerName(), str(a.dealTitle()), str(a.accountName()),
							str(a.outcome()), str(a.durationMinutes()), a.joint())).toList());
			return null;
		}
		int size = 50;
		// Done activities, newest first; the open tasks ahead are a list of their own above them.
		model.addAttribute("list", activities.donePage(me, owner, type, fromAt, toAt, Math.max(0, page), size));
		model.addAttribute("upcoming", activities.upcomingTasks(me, owner, UPCOMING));
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("size", size);
		model.addAttribute("owner", owner);
		model.addAttribute("type", type);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("owners", views.people(me));
		viewBar.addTo(model, me, SavedViewList.ACTIVITIES, view, SavedViewBar.filters("owner", owner, "type", type, "from", from,
				"to", to), null);
		model.addAttribute("query", ListQuery.of("owner", owner, "type", type, "from", from, "to", to, "view", view));
		return Htmx.view(request, "crm/activities", "rows");
	}

	private List<dev.tandem.crm.Deal> myOpenDeals(CurrentUser me) {
		return deals.page(me, new DealQuery(me.id(), null, DealStatus.OPEN, null, null, null, null, null), "-updated", 0, 200).items();
	}

	static String str(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}
}
