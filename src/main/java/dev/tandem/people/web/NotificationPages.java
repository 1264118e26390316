package dev.tandem.people.web;

import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in person's notices at {@code /notifications}, newest first, unread ones marked; opening one marks it
 * read and goes where it points. Everyone sees only their own. {@link NotificationApiController} is the same as JSON.
 */
@Controller
class NotificationPages {

	private final Notifications notifications;

	NotificationPages(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page", notifications.list(me.orgId(), me.id(), unread, ListRequest.of(null, cursor)));
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("unread", notifications.unread(me.orgId(), me.id()));
		return "people/notifications";
	}

	@PostMapping("/notifications/{id}/open")
	String open(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		Notifications.Entry entry = notifications.read(me.orgId(), me.id(), id)
			.orElseThrow(() -> new RecordNotFoundException("notification", id));
		return "redirect:" + (entry.link() == null ? "/notifications" : entry.link());
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal CurrentUser me) {
		notifications.readAll(me.orgId(), me.id());
		return "redirect:/notifications";
	}
}
