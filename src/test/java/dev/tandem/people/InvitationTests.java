package dev.tandem.people;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Invitations by link: the pending list (who, invited when and by whom, until when), a fresh link that replaces the
 * old one, revoking, and an invitation that is used no longer pending. Each test works in an organisation of its own.
 */
@TandemIntegrationTest
class InvitationTests {

	private static final String PASSWORD = "invitations-by-link";
	private static final Pattern LINK = Pattern.compile("/set-password\\?token=([A-Za-z0-9_-]+)");

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired Clock clock;

	TestOrganisation org;

	@BeforeEach
	void openOrganisation() {
		org = TestOrganisation.open(organisations, "Invitations", PASSWORD);
	}

	@Test
	void anInvitedPersonIsPendingWithWhoInvitedThemUntilTheyChooseAPassword() {
		Instant before = clock.instant();
		UserManagement.Created created = invite("bram");
		Instant after = clock.instant();

		List<Invitation> pending = users.pendingInvitations(org.admin());

		assertThat(pending).singleElement().satisfies(i -> {
			assertThat(i.userId()).isEqualTo(created.user().id());
			assertThat(i.email()).isEqualTo("bram@" + org.domain());
			assertThat(i.displayName()).isEqualTo("Bram");
			assertThat(i.invitedBy()).isEqualTo("Admin");
			assertThat(i.invitedAt()).isBetween(before, after);
			assertThat(Duration.between(i.invitedAt(), i.expiresAt())).isEqualTo(Duration.ofDays(7));
		});
		users.setPasswordWithLink(created.invitationSecret(), "bram-chose-his-own");
		assertThat(users.pendingInvitations(org.admin())).isEmpty();
		assertThatThrownBy(() -> users.invite(org.admin(), created.user().id()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.messageKey()).containsExactly("validation.invitation.accepted"));
	}

	@Test
	void aNewLinkReplacesTheOldOneWhichStopsWorking() {
		UserManagement.Created created = invite("fatima");

		InvitationLink fresh = users.invite(org.admin(), created.user().id());

		assertThat(fresh.secret()).isNotEqualTo(created.invitationSecret());
		assertThat(users.userOfLink(created.invitationSecret())).isEmpty();
		assertThat(users.userOfLink(fresh.secret())).map(User::id).contains(created.user().id());
		assertThat(users.pendingInvitations(org.admin())).singleElement()
			.satisfies(i -> assertThat(i.expiresAt()).isEqualTo(fresh.expiresAt()));
	}

	@Test
	void aRevokedInvitationIsNoLongerPendingAndItsLinkDoesNotWork() {
		UserManagement.Created created = invite("noah");
		UserManagement.Created other = invite("lotte");

		users.revokeInvitation(org.admin(), created.user().id());

		assertThat(users.pendingInvitations(org.admin())).extracting(Invitation::displayName).containsExactly("Lotte");
		assertThat(users.userOfLink(created.invitationSecret())).isEmpty();
		assertThat(users.userOfLink(other.invitationSecret())).isPresent();
		assertThatThrownBy(() -> users.revokeInvitation(org.admin(), created.user().id()))
			.isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void onlyTheOrganisationsAdminSeesAndChangesItsInvitations() {
		UserManagement.Created created = invite("daan");
		User manager = org.user(users, "manager", Role.MANAGER, "en");
		CurrentUser asManager = CurrentUser.of(manager);
		TestOrganisation other = TestOrganisation.open(organisations, "Elsewhere", PASSWORD);

		assertThatThrownBy(() -> users.pendingInvitations(asManager)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> users.invite(asManager, created.user().id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> users.revokeInvitation(asManager, created.user().id())).isInstanceOf(AccessDeniedException.class);
		assertThat(users.pendingInvitations(other.admin())).isEmpty();
		assertThatThrownBy(() -> users.invite(other.admin(), created.user().id())).isInstanceOf(RecordNotFoundException.class);
		assertThat(users.userOfLink(created.invitationSecret())).isPresent();
	}

	@Test
	void theUsersPageListsPendingInvitationsAndHandsOutAFreshLinkThatSetsThePassword() {
		UserManagement.Created created = invite("sanne");
		WebSession admin = WebSession.signedIn(port, org.admin().email(), PASSWORD);

		String page = admin.get("/admin/users").body();
		assertThat(page).contains("Pending invitations", "sanne@" + org.domain(), "by Admin",
				"/admin/users/" + created.user().id() + "/invitation/revoke");

		HttpResponse<String> posted = admin.post("/admin/users/" + created.user().id() + "/invitation", Map.of());
		assertThat(posted.statusCode()).isEqualTo(302);
		String shown = admin.get("/admin/users").body();
		Matcher link = LINK.matcher(shown);
		assertThat(link.find()).as("the new link is shown").isTrue();
		assertThat(shown).contains("Invitation link for Sanne", "Copy link");
		assertThat(users.userOfLink(created.invitationSecret())).isEmpty();

		WebSession invited = new WebSession(port);
		String form = invited.get("/set-password?token=" + link.group(1)).body();
		assertThat(form).contains("sanne@" + org.domain());
		HttpResponse<String> set = invited.post("/set-password", Map.of("token", link.group(1),
				"newPassword", "sanne-sets-her-own", "confirmPassword", "sanne-sets-her-own"));
		assertThat(set.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?password-set"));
		WebSession.signedIn(port, "sanne@" + org.domain(), "sanne-sets-her-own");
		assertThat(admin.get("/admin/users").body()).doesNotContain("Pending invitations");
	}

	@Test
	void theUsersPageShowsTheInvitationsInDutch() {
		invite("emma");
		users.changeLanguage(org.admin(), "nl");
		WebSession admin = WebSession.signedIn(port, org.admin().email(), PASSWORD);

		assertThat(admin.get("/admin/users").body()).contains("Openstaande uitnodigingen", "door Admin", "Link opnieuw kopiëren");
	}

	@Test
	void aRepOrManagerMayNotMakeOrRevokeInvitationLinks() {
		UserManagement.Created created = invite("liam");
		org.user(users, "rep", Role.REP, "en");
		WebSession rep = WebSession.signedIn(port, "rep@" + org.domain(), PASSWORD);

		assertThat(rep.post("/admin/users/" + created.user().id() + "/invitation", Map.of()).statusCode()).isEqualTo(403);
		assertThat(rep.post("/admin/users/" + created.user().id() + "/invitation/revoke", Map.of()).statusCode()).isEqualTo(403);
		assertThat(users.userOfLink(created.invitationSecret())).isPresent();
	}

	@Test
	void allPendingInvitationsGetFreshLinksAtOnceAsACsvOfNameEmailAndLink() {
		UserManagement.Created ann = invite("ann");
		UserManagement.Created bob = invite("bob");
		WebSession admin = WebSession.signedIn(port, org.admin().email(), PASSWORD);

		HttpResponse<String> csv = admin.post("/admin/users/invitations/links", Map.of());

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).isEqualTo("name,email,link,emailed");
		// Newest first, as the pending list.
		assertThat(lines.get(1)).startsWith("Bob,bob@" + org.domain() + ",http://localhost:" + port + "/set-password?token=").endsWith(",false");
		assertThat(lines.get(2)).startsWith("Ann,ann@" + org.domain() + ",").endsWith(",false");
		Matcher annLink = LINK.matcher(lines.get(2));
		assertThat(annLink.find()).isTrue();
		assertThat(users.userOfLink(annLink.group(1))).map(User::id).contains(ann.user().id());
		assertThat(users.userOfLink(ann.invitationSecret())).isEmpty();
		assertThat(users.userOfLink(bob.invitationSecret())).isEmpty();
		assertThat(users.pendingInvitations(org.admin())).hasSize(2);
		org.user(users, "nosy", Role.MANAGER, "en");
		assertThat(WebSession.signedIn(port, "nosy@" + org.domain(), PASSWORD).post("/admin/users/invitations/links", Map.of())
			.statusCode()).isEqualTo(403);
	}

	private UserManagement.Created invite(String login) {
		String name = Character.toUpperCase(login.charAt(0)) + login.substring(1);
		return users.create(org.admin(), new NewUser(login + "@" + org.domain(), name, Role.REP, "en", null, List.of()));
	}
}
