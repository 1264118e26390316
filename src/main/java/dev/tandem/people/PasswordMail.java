package dev.tandem.people;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * E-mails an invitation or a password reset link, in the recipient's language, plain text. Sent only when
 * {@code spring.mail.host} is set (Spring Boot then makes a {@link JavaMailSender}); without it the admin copies the
 * link. Called after the link's transaction committed, so a mail server that fails loses nothing: the admin is told
 * and copies the link instead. Placeholder logins ({@code .invalid}, RFC 2606) get no mail.
 */
@Service
public class PasswordMail {

	private static final Logger log = LoggerFactory.getLogger(PasswordMail.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final MessageSource messages;
	private final OrganisationManagement organisations;
	private final String publicUrl;
	private final String from;

	PasswordMail(ObjectProvider<JavaMailSender> sender, MessageSource messages, OrganisationManagement organisations,
			@Value("${tandem.public-url:}") String publicUrl, @Value("${tandem.mail.from:tandem@localhost}") String from) {
		this.sender = sender;
		this.messages = messages;
		this.organisations = organisations;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.from = from;
	}

	/** Whether mail is configured at all. */
	public boolean enabled() {
		return sender.getIfAvailable() != null;
	}

	/** The link as the recipient opens it: on {@code tandem.public-url} when set, else on {@code requestBase}. */
	public String link(String requestBase, String secret) {
		return (publicUrl.isEmpty() ? requestBase : publicUrl) + "/set-password?token=" + secret;
	}

	/**
	 * Sends the link to the user.
	 * @return what became of it: sent, not sent because mail is off or the address is a placeholder, or failed
	 */
	public Outcome send(User user, Purpose purpose, String link) {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null || !deliverable(user.email())) {
			return Outcome.NOT_SENT;
		}
		Locale locale = Locale.forLanguageTag(user.locale());
		String organisation = organisations.get(user.orgId()).name();
		String key = "mail." + purpose.name().toLowerCase(Locale.ROOT);
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(user.email());
		message.setSubject(messages.getMessage(key + ".subject", new Object[] { organisation }, locale));
		message.setText(messages.getMessage(key + ".body", new Object[] { user.displayName(), organisation, link }, locale));
		try {
			mail.send(message);
			return Outcome.SENT;
		}
		catch (MailException ex) {
			log.warn("Could not e-mail the {} link of user {}: {}", purpose, user.id(), ex.getMessage());
			return Outcome.FAILED;
		}
	}

	static boolean deliverable(@Nullable String email) {
		return email != null && !email.toLowerCase(Locale.ROOT).endsWith(".invalid");
	}

	/** What the link is for. */
	public enum Purpose {
		INVITATION, RESET
	}

	/** What became of a mail. */
	public enum Outcome {
		SENT, NOT_SENT, FAILED
	}
}
