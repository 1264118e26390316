package dev.tandem.people.web;

import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.InvitationLink;
import dev.tandem.people.PasswordMail.Purpose;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's pending invitations, listed on the users page: a fresh link for someone (the old one stops working,
 * since only its hash is kept) and revoking one.
 */
@Controller
@RequestMapping("/admin/users/{id}/invitation")
class InvitationPages {

	private static final String USERS = "redirect:/admin/users";

	private final UserManagement users;
	private final FormErrors formErrors;
	private final LinkNotice linkNotice;

	InvitationPages(UserManagement users, FormErrors formErrors, LinkNotice linkNotice) {
		this.linkNotice = linkNotice;
		this.users = users;
		this.formErrors = formErrors;
	}

	@PostMapping
	String newLink(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		return invite(me, id, redirect, false);
	}

	@PostMapping("/resend")
	String resend(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		return invite(me, id, redirect, true);
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

	@PostMapping("/revoke")
	String revoke(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		User user = users.get(me, id);
		users.revokeInvitation(me, id);
		redirect.addFlashAttribute("flash", formErrors.message("invitations.revoked", user.displayName()));
		return USERS;
	}
}
