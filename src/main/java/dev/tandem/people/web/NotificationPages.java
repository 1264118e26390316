package dev.tandem.people.web;

import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.RecordNotFoundException;
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
 * The signed-in person's notices at {@code /notifications}, newest first, unread ones marked; opening one marks it
 * read and goes where it points; one or all can be marked read where they are. Everyone sees only their own, and
 * chooses at {@code /notifications/settings} which kinds they get. The list and the bell of the top bar refresh
 * live. {@link NotificationApiController} is the same as JSON.
 */
@Controller
class NotificationPages {

	private final Notifications notifications;

	NotificationPages(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) @Nullable String cursor, HttpServletRequest request, Model model) {
		model.addAttribute("page", notifications.list(me.orgId(), me.id(), unread, ListRequest.of(null, cursor)));
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("cursor", cursor);
		model.addAttribute("unread", notifications.unread(me.orgId(), me.id()));
		return Htmx.view(request, "people/notifications", "list");
	}

	/** The bell for the top bar, for the live refresh; a browser that asks for it gets the notices page. */
	@GetMapping("/notifications/bell")
	String bell(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request, Model model) {
		if (!Htmx.isHtmx(request)) {
			return "redirect:/notifications";
		}
		model.addAttribute("unread", notifications.unread(me.orgId(), me.id()));
		return "people/bell :: bell";
	}

	@PostMapping("/notifications/{id}/open")
	String open(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		Notifications.Entry entry = notifications.read(me.orgId(), me.id(), id)
			.orElseThrow(() -> new RecordNotFoundException("notification", id));
		return "redirect:" + (entry.link() == null ? "/notifications" : entry.link());
	}

	@PostMapping("/notifications/{id}/read")
	String read(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		notifications.read(me.orgId(), me.id(), id).orElseThrow(() -> new RecordNotFoundException("notification", id));
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal CurrentUser me) {
		notifications.readAll(me.orgId(), me.id());
		return "redirect:/notifications";
	}

	@GetMapping("/notifications/settings")
	String settings(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("choices", notifications.choices(me.orgId(), me.id()));
		return "people/notification-settings";
	}

	@PostMapping("/notifications/settings")
	String saveSettings(@AuthenticationPrincipal CurrentUser me, @RequestParam(name = "kind", required = false) @Nullable List<String> kinds,
			RedirectAttributes redirect) {
		notifications.choose(me.orgId(), me.id(), kinds == null ? List.of() : kinds);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/notifications/settings";
	}
}
