package dev.tandem.people.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.InvitationLink;
import dev.tandem.people.PasswordMail;
import dev.tandem.people.PasswordMail.Outcome;
import dev.tandem.people.PasswordMail.Purpose;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.SpreadsheetCells;
import dev.tandem.platform.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The admin's pending invitations, listed on the users page: a fresh link for someone (the old one stops working,
 * since only its hash is kept) or for everyone at once as a CSV (after an import), resending and revoking one.
 */
@Controller
@RequestMapping("/admin/users")
class InvitationPages {

	private static final String USERS = "redirect:/admin/users";

	private final UserManagement users;
	private final FormErrors formErrors;
	private final LinkNotice linkNotice;
	private final PasswordMail mail;

	InvitationPages(UserManagement users, FormErrors formErrors, LinkNotice linkNotice, PasswordMail mail) {
		this.mail = mail;
		this.linkNotice = linkNotice;
		this.users = users;
		this.formErrors = formErrors;
	}

	@PostMapping("/{id}/invitation")
	String newLink(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		return invite(me, id, redirect, false);
	}

	@PostMapping("/{id}/invitation/resend")
	String resend(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		return invite(me, id, redirect, true);
	}

	/**
	 * Fresh links for all pending invitations as a CSV of name, e-mail and link (shown only now), each also e-mailed
	 * when mail is configured, once the links are saved.
	 */
	@PostMapping("/invitations/links")
	void allLinks(@AuthenticationPrincipal CurrentUser me, HttpServletResponse response) throws IOException {
		List<UserManagement.Renewed> renewed = users.renewPendingInvitations(me);
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		List<List<Object>> rows = new ArrayList<>();
		for (UserManagement.Renewed r : renewed) {
			String link = mail.link(base, r.link().secret());
			Outcome outcome = mail.send(r.user(), Purpose.INVITATION, link);
			rows.add(List.of(r.user().displayName(), r.user().email(), link, outcome == Outcome.SENT));
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"invitations.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Writer writer = response.getWriter();
		writer.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader("name", "email", "link", "emailed").get())) {
			for (List<Object> row : rows) {
				printer.printRecord(row.stream().map(SpreadsheetCells::neutralise).toList());
			}
		}
	}

	private String invite(CurrentUser me, UUID id, RedirectAttributes redirect, boolean email) {
		User user = users.get(me, id);
		InvitationLink[] made = new InvitationLink[1];
		// The link's transaction has committed before anything is sent.
		if (formErrors.flash(redirect, () -> made[0] = users.invite(me, id))) {
			linkNotice.hand(redirect, user, Purpose.INVITATION, made[0].secret(), made[0].expiresAt(), email);
		}
		return USERS;
	}

	@PostMapping("/{id}/invitation/revoke")
	String revoke(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		User user = users.get(me, id);
		users.revokeInvitation(me, id);
		redirect.addFlashAttribute("flash", formErrors.message("invitations.revoked", user.displayName()));
		return USERS;
	}
}
