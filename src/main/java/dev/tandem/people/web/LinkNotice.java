package dev.tandem.people.web;

import java.time.Instant;

import dev.tandem.people.PasswordMail;
import dev.tandem.people.PasswordMail.Outcome;
import dev.tandem.people.PasswordMail.Purpose;
import dev.tandem.people.User;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Hands a password link just made to the admin's next page, and e-mails it when mail is configured. Called once the
 * link's transaction committed: a mail that fails costs nothing but a warning next to the link.
 */
@Component
class LinkNotice {

	private final PasswordMail mail;

	LinkNotice(PasswordMail mail) {
		this.mail = mail;
	}

	void hand(RedirectAttributes redirect, User user, Purpose purpose, String secret, @Nullable Instant expires, boolean email) {
		String link = mail.link(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), secret);
		redirect.addFlashAttribute("passwordUrl", link);
		redirect.addFlashAttribute("linkFor", user.displayName());
		if (expires != null) {
			redirect.addFlashAttribute("linkExpires", expires);
		}
		Outcome outcome = email ? mail.send(user, purpose, link) : Outcome.NOT_SENT;
		redirect.addFlashAttribute("mailOutcome", outcome.name());
		redirect.addFlashAttribute("mailTo", user.email());
	}

	boolean mailEnabled() {
		return mail.enabled();
	}
}
