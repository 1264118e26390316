package dev.tandem.people.web;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.AuditAction;
import dev.tandem.platform.AuditLog;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The organisation's audit log for its admins: a page at {@code /admin/audit} and {@code GET /api/v1/audit}, newest
 * first, filtered by action, a page at a time.
 */
@Controller
@Tag(name = "Audit log", description = "Who did what and when in the organisation; for admins")
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable AuditAction action,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page", entries(me, action, null, cursor));
		model.addAttribute("action", action);
		model.addAttribute("actions", AuditAction.values());
		return "people/audit";
	}

	@GetMapping("/api/v1/audit")
	@ResponseBody
	@Operation(summary = "The audit log", description = "Sign-ins and failed ones, denials, role and status changes, API tokens, "
			+ "exports, imports, deal changes and deletions; newest first; times in UTC. Admins only.")
	Listing<AuditLog.Entry> api(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable AuditAction action,
			@RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
		return entries(me, action, limit, cursor);
	}

	private Listing<AuditLog.Entry> entries(CurrentUser me, @Nullable AuditAction action, @Nullable Integer limit, @Nullable String cursor) {
		if (!me.isAdmin()) {
			throw new AccessDeniedException("Only an admin reads the audit log");
		}
		return audit.list(me.orgId(), action, ListRequest.of(limit, cursor));
	}
}
