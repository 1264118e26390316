package dev.tandem.people.web;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.AuditAction;
import dev.tandem.platform.AuditLog;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisation's audit log for its admins at {@code /admin/audit}, newest first, filtered by action, a page at a
 * time; {@link AuditApiController} answers the same as JSON.
 */
@Controller
class AuditPages {

	private final AuditLog audit;

	AuditPages(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable AuditAction action,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page", entries(audit, me, action, null, cursor));
		model.addAttribute("action", action);
		model.addAttribute("actions", AuditAction.values());
		return "people/audit";
	}

	static Listing<AuditLog.Entry> entries(AuditLog audit, CurrentUser me, @Nullable AuditAction action, @Nullable Integer limit, @Nullable String cursor) {
		if (!me.isAdmin()) {
			throw new AccessDeniedException("Only an admin reads the audit log");
		}
		return audit.list(me.orgId(), action, ListRequest.of(limit, cursor));
	}
}
