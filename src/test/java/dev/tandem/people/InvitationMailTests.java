package dev.tandem.people;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invitations and password resets e-mailed to an SMTP server the test runs (GreenMail): recipient, subject and body
 * in the recipient's language, and the link in the body sets the password. A placeholder login gets no mail; a mail
 * server that is down costs nothing but a warning next to the link.
 */
@TandemIntegrationTest
class InvitationMailTests {

	private static final String PASSWORD = "invitations-by-mail";
	private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+)/set-password\\?token=([A-Za-z0-9_-]+)");
	private static final int SMTP_PORT = freePort();
	private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;

	TestOrganisation org;
	WebSession admin;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		SMTP.start();
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("tandem.mail.from", () -> "tandem@tandem.test");
	}

	@AfterAll
	static void stopMailServer() {
		SMTP.stop();
	}

	@BeforeEach
	void openOrganisation() throws Exception {
		SMTP.purgeEmailFromAllMailboxes();
		org = TestOrganisation.open(organisations, "Mail", PASSWORD);
		admin = WebSession.signedIn(port, org.admin().email(), PASSWORD);
	}

	@Test
	void anInvitationIsMailedInEnglishAndItsLinkSetsThePassword() throws Exception {
		String email = "bram@" + org.domain();

		HttpResponse<String> created = admin.post("/admin/users", Map.of("email", email, "displayName", "Bram",
				"role", "REP", "locale", "en", "password", ""));

		assertThat(created.statusCode()).isEqualTo(302);
		MimeMessage mail = onlyMail();
		assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(email);
		assertThat(mail.getSubject()).isEqualTo("You are invited to " + organisationName() + " on Tandem");
		String body = mail.getContent().toString();
		assertThat(body).startsWith("Hello Bram,").contains("works once, for 7 days");
		Matcher link = LINK.matcher(body);
		assertThat(link.find()).as("the body holds the link").isTrue();
		assertThat(link.group(1)).isEqualTo("http://localhost:" + port);
		assertThat(admin.get(created.headers().firstValue("Location").orElseThrow()).body())
			.contains("E-mailed to " + email, link.group());
		setPassword(link.group(2), "bram-opens-his-mail");
		WebSession.signedIn(port, email, "bram-opens-his-mail");
	}

	@Test
	void aDutchRecipientGetsTheInvitationInDutch() throws Exception {
		users.create(org.admin(), new NewUser("daan@" + org.domain(), "Daan", Role.REP, "nl", null, List.of()));
		var daan = users.pendingInvitations(org.admin()).get(0);

		admin.post("/admin/users/" + daan.userId() + "/invitation/resend", Map.of());

		MimeMessage mail = onlyMail();
		assertThat(mail.getSubject()).isEqualTo("Je bent uitgenodigd voor " + organisationName() + " op Tandem");
		assertThat(mail.getContent().toString()).startsWith("Hallo Daan,").contains("één keer, 7 dagen lang");
	}

	@Test
	void aPasswordResetByTheAdminIsMailed() throws Exception {
		User sanne = org.user(users, "sanne", Role.REP, "en");

		admin.post("/admin/users/" + sanne.id() + "/reset-password", Map.of());

		MimeMessage mail = onlyMail();
		assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(sanne.email());
		assertThat(mail.getSubject()).isEqualTo("Choose a new password for " + organisationName() + " on Tandem");
		Matcher link = LINK.matcher(mail.getContent().toString());
		assertThat(link.find()).isTrue();
		setPassword(link.group(2), "sanne-starts-afresh");
		WebSession.signedIn(port, sanne.email(), "sanne-starts-afresh");
	}

	@Test
	void copyingALinkAgainAndPlaceholderLoginsSendNoMail() throws Exception {
		HttpResponse<String> created = admin.post("/admin/users", Map.of("email", "noah@placeholder.invalid",
				"displayName", "Noah", "role", "REP", "locale", "en", "password", ""));
		String page = admin.get(created.headers().firstValue("Location").orElseThrow()).body();
		var noah = users.pendingInvitations(org.admin()).get(0);
		admin.post("/admin/users/" + noah.userId() + "/invitation", Map.of());

		assertThat(SMTP.getReceivedMessages()).isEmpty();
		assertThat(page).contains("/set-password?token=").doesNotContain("E-mailed");
	}

	@Test
	void allPendingInvitationsAreMailedAtOnceExceptToPlaceholderLogins() throws Exception {
		users.create(org.admin(), new NewUser("emma@" + org.domain(), "Emma", Role.REP, "en", null, List.of()));
		users.create(org.admin(), new NewUser("lotte@placeholder.invalid", "Lotte", Role.REP, "en", null, List.of()));

		String csv = admin.post("/admin/users/invitations/links", Map.of()).body();

		MimeMessage mail = onlyMail();
		assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("emma@" + org.domain());
		assertThat(csv).contains("Lotte,lotte@placeholder.invalid,").contains(",false");
		Matcher link = LINK.matcher(mail.getContent().toString());
		assertThat(link.find()).isTrue();
		assertThat(csv).contains("Emma,emma@" + org.domain() + "," + link.group() + ",true");
		setPassword(link.group(2), "emma-from-the-batch");
	}

	@Test
	void aMailServerThatIsDownLeavesTheInvitationAndShowsTheLinkWithAWarning() throws Exception {
		String email = "liam@" + org.domain();
		SMTP.stop();
		HttpResponse<String> created;
		try {
			created = admin.post("/admin/users", Map.of("email", email, "displayName", "Liam", "role", "REP",
					"locale", "en", "password", ""));
		}
		finally {
			SMTP.start();
		}

		assertThat(created.statusCode()).isEqualTo(302);
		String page = admin.get(created.headers().firstValue("Location").orElseThrow()).body();
		assertThat(page).contains("The e-mail to " + email + " could not be sent");
		Matcher link = LINK.matcher(page);
		assertThat(link.find()).isTrue();
		assertThat(users.pendingInvitations(org.admin())).extracting(Invitation::email).containsExactly(email);
		setPassword(link.group(2), "liam-got-it-by-hand");
		WebSession.signedIn(port, email, "liam-got-it-by-hand");
	}

	private MimeMessage onlyMail() {
		assertThat(SMTP.waitForIncomingEmail(10_000, 1)).as("a mail arrived").isTrue();
		MimeMessage[] received = SMTP.getReceivedMessages();
		assertThat(received).hasSize(1);
		return received[0];
	}

	private String organisationName() {
		return organisations.get(org.admin().orgId()).name();
	}

	private void setPassword(String token, String password) {
		HttpResponse<String> set = new WebSession(port).post("/set-password",
				Map.of("token", token, "newPassword", password, "confirmPassword", password));
		assertThat(set.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?password-set"));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
