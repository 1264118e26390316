package dev.tandem.exchange.web;

import dev.tandem.platform.AuditAction;
import dev.tandem.platform.AuditLog;
import java.io.IOException;
import java.time.LocalDate;

import dev.tandem.exchange.EntityKind;
import dev.tandem.exchange.ExportManagement;
import dev.tandem.people.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The export page and the organisation's ZIP download.
 */
@Controller
class ExportPages {

	private final ExportManagement export;
	private final AuditLog audit;

	ExportPages(ExportManagement export, AuditLog audit) {
		this.export = export;
		this.audit = audit;
	}

	@GetMapping("/export")
	String page(@AuthenticationPrincipal CurrentUser me, Model model) {
		if (!me.isAdmin()) {
			throw new org.springframework.security.access.AccessDeniedException("admins only");
		}
		model.addAttribute("kinds", EntityKind.EXPORT_KINDS);
		return "exchange/export";
	}

	@GetMapping("/export/organisation.zip")
	void download(@AuthenticationPrincipal CurrentUser me, HttpServletResponse response) throws IOException {
		download(export, audit, me, response);
	}

	static void download(ExportManagement export, AuditLog audit, CurrentUser me, HttpServletResponse response) throws IOException {
		if (!me.isAdmin()) {
			throw new org.springframework.security.access.AccessDeniedException("admins only");
		}
		audit.record(me.orgId(), me.id(), me.displayName(), AuditAction.EXPORTED, "organisation", me.orgId(), null);
		response.setContentType("application/zip");
		response.setHeader("Content-Disposition", "attachment; filename=\"tandem-export-" + LocalDate.now() + ".zip\"");
		export.export(me, response.getOutputStream());
	}
}
