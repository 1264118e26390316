package dev.tandem.people.web;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.AuditAction;
import dev.tandem.platform.AuditLog;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/audit}: the audit log as JSON. A controller of the API of its own, so its errors are the API's
 * problems (a malformed {@code action} is a 400 naming it), not the pages'.
 */
@RestController
@Tag(name = "Audit log", description = "Who did what and when in the organisation; for admins")
class AuditApiController {

	private final AuditLog audit;

	AuditApiController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/audit")
	@Operation(summary = "The audit log", description = "Sign-ins and failed ones, denials, role and status changes, API tokens, "
			+ "exports, imports, deal changes and deletions; newest first; times in UTC. Admins only.")
	Listing<AuditLog.Entry> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable AuditAction action,
			@RequestParam(required = false) @Nullable Integer limit, @RequestParam(required = false) @Nullable String cursor) {
		return AuditPages.entries(audit, me, action, limit, cursor);
	}
}
