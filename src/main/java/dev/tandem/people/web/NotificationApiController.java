package dev.tandem.people.web;

import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notices as JSON: {@code GET /api/v1/notifications} and marking them read. */
@RestController
@Tag(name = "Notifications", description = "The caller's own notices: a goal reached, ...")
class NotificationApiController {

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/v1/notifications")
	@Operation(summary = "My notices", description = "Newest first; `unread=true` for the unread ones only; times in UTC.")
	Listing<Notifications.Entry> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
		return notifications.list(me.orgId(), me.id(), unread, ListRequest.of(limit, cursor));
	}

	@PostMapping("/api/v1/notifications/{id}/read")
	@Operation(summary = "Mark one of my notices read")
	Notifications.Entry read(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return notifications.read(me.orgId(), me.id(), id).orElseThrow(() -> new RecordNotFoundException("notification", id));
	}

	@PostMapping("/api/v1/notifications/read-all")
	@Operation(summary = "Mark all my notices read", description = "Answers how many were unread.")
	Map<String, Integer> readAll(@AuthenticationPrincipal CurrentUser me) {
		return Map.of("read", notifications.readAll(me.orgId(), me.id()));
	}
}
