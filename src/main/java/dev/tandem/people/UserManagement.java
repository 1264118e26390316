package dev.tandem.people;

import dev.tandem.platform.AuditAction;
import dev.tandem.platform.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.tandem.people.persistence.PasswordLinks;
import dev.tandem.people.persistence.Users;
import dev.tandem.people.persistence.Users.UserFilter;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.RequestMemo;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.platform.Tenancy;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, changes and deactivates users, and looks them up within the caller's organisation.
 * <p>
 * Everyone in an organisation may read its directory (names, roles, teams: leaderboards and team
 * pages need them); only an admin may change it. A user's own profile, language and password are
 * theirs to change.
 */
@Service
public class UserManagement {

	static final Set<String> LANGUAGES = Set.of("en", "nl");
	private static final Duration LINK_VALIDITY = Duration.ofDays(7);

	private final Users users;
	private final PasswordLinks links;
	private final PasswordEncoder passwordEncoder;
	private final Clock clock;
	private final AuditLog audit;
	private final TeamManagement teams;
	private final Visibility visibility;
	private final PasswordPolicy passwordPolicy;

	UserManagement(Users users, PasswordLinks links, PasswordEncoder passwordEncoder, Clock clock, TeamManagement teams,
			Visibility visibility, PasswordPolicy passwordPolicy, AuditLog audit) {
		this.audit = audit;
		this.users = users;
		this.passwordPolicy = passwordPolicy;
		this.teams = teams;
		this.visibility = visibility;
		this.links = links;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	public Optional<User> find(CurrentUser viewer, UUID id) {
		return users.find(viewer.orgId(), id);
	}

	/**
	 * The signed-in user as stored now (role, name, language), or empty once they were deactivated: each request of a
	 * session asks, so a change made by an admin counts from the user's next request on.
	 */
	public Optional<CurrentUser> signedIn(CurrentUser user) {
		return users.findSignedIn(user.orgId(), user.id()).filter(l -> l.user().active())
			.map(l -> CurrentUser.of(l.user(), l.languageChosen()));
	}

	/**
	 * An active user as the application itself addresses them (a notice, a reminder), not for showing to a viewer:
	 * empty for a deactivated or unknown user.
	 */
	public Optional<User> recipient(UUID orgId, UUID id) {
		return users.find(orgId, id).filter(User::active);
	}

	public User get(CurrentUser viewer, UUID id) {
		return find(viewer, id).orElseThrow(() -> new RecordNotFoundException("user", id));
	}

	/** A page of the users the viewer may look up ({@link Visibility#directory}). */
	public Listing<User> directory(CurrentUser viewer, UserFilter filter, ListRequest request) {
		return list(viewer, filter.within(visibility.directory(viewer)), request);
	}

	/** A user the viewer may look up ({@link Visibility#directory}); not found otherwise. */
	public User inDirectory(CurrentUser viewer, UUID id) {
		if (!visibility.directory(viewer).contains(id)) {
			throw new RecordNotFoundException("user", id);
		}
		return get(viewer, id);
	}

	/**
	 * The active colleagues the viewer may look up ({@link Visibility#directory}) whose name or e-mail address is like
	 * {@code text}, the most similar first.
	 */
	public List<FoundUser> search(CurrentUser viewer, String text, String likePattern, int limit) {
		return users.search(viewer.orgId(), visibility.directory(viewer), text, likePattern, limit);
	}

	/**
	 * Whom start-up work acts for: an active admin and a manager leading a team of each organisation, the largest
	 * organisations first, at most {@code limit} of them. Crosses organisations, so it is for work that runs for no one
	 * (warming the heavy pages up).
	 */
	public List<CurrentUser> startUpUsers(int limit) {
		return dev.tandem.platform.Tenancy.asSystem(() -> users.startUpUsers(limit)).stream().map(CurrentUser::of).toList();
	}

	public List<User> all(CurrentUser viewer) {
		return RequestMemo.get("users/" + viewer.orgId(), () -> List.copyOf(users.findAll(viewer.orgId())));
	}

	/** Every user's display name by id, in the viewer's organisation: lighter than {@link #all} when names are all that is needed. */
	public Map<UUID, String> displayNames(CurrentUser viewer) {
		return RequestMemo.get("user-names/" + viewer.orgId(), () -> Map.copyOf(users.displayNames(viewer.orgId())));
	}

	public Listing<User> list(CurrentUser viewer, UserFilter filter, ListRequest request) {
		LocalDate today = visibility.today(viewer.orgId());
		List<User> rows = users.page(viewer.orgId(), filter, today, request.after(), request.fetchSize());
		return Listing.of(rows, users.count(viewer.orgId(), filter, today), request, User::id);
	}

	/**
	 * Adds a user to the admin's organisation.
	 * @return the user and, when no password was given, the secret of their invitation link
	 */
	@Transactional
	public Created create(CurrentUser admin, NewUser user) {
		return create(admin, Ids.next(), user);
	}

	/** Adds a user with an id chosen beforehand, as an import that refers to the user before it exists does. */
	@Transactional
	public Created create(CurrentUser admin, UUID id, NewUser user) {
		return create(admin, id, user, true);
	}

	/**
	 * Adds a user of a demo organisation, whose password is not held to the password policy: every demo user has the
	 * published password {@code demo}, too short and too common for anyone else.
	 */
	@Transactional
	public Created createDemoUser(CurrentUser admin, NewUser user) {
		return create(admin, Ids.next(), user, false);
	}

	private Created create(CurrentUser admin, UUID id, NewUser user, boolean passwordPolicyApplies) {
		RequestMemo.forget();
		requireAdmin(admin);
		String email = user.email().trim().toLowerCase(Locale.ROOT);
		List<FieldProblem> problems = new ArrayList<>();
		if (users.emailTaken(email, null)) {
			problems.add(new FieldProblem("email", "validation.email.taken"));
		}
		String locale = user.locale() == null ? admin.locale() : user.locale();
		checkLanguage(locale, problems);
		if (user.password() != null && passwordPolicyApplies) {
			passwordPolicy.check("password", user.password(), problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String hash = user.password() == null ? null : passwordEncoder.encode(user.password());
		users.insert(admin.orgId(), id, email, user.displayName().trim(), user.role(), locale, user.locale() != null, hash,
				admin.displayName());
		if (!user.teamIds().isEmpty()) {
			teams.setTeams(admin, id, user.teamIds(), visibility.today(admin.orgId()));
		}
		InvitationLink invitation = user.password() == null ? newLink(admin, id, "INVITE") : null;
		return new Created(get(admin, id), invitation == null ? null : invitation.secret(),
				invitation == null ? null : invitation.expiresAt());
	}

	/** Whether the e-mail address is someone's login already, in any organisation (it must be unique). */
	public boolean emailInUse(String email) {
		return users.emailTaken(email.trim().toLowerCase(Locale.ROOT), null);
	}

	@Transactional
	public User update(CurrentUser admin, UUID id, UserChanges changes) {
		RequestMemo.forget();
		requireAdmin(admin);
		User current = get(admin, id);
		List<FieldProblem> problems = new ArrayList<>();
		if (changes.locale() != null) {
			checkLanguage(changes.locale(), problems);
		}
		if (admin.id().equals(id) && (Boolean.FALSE.equals(changes.active())
				|| (changes.role() != null && changes.role() != Role.ADMIN))) {
			problems.add(new FieldProblem(Boolean.FALSE.equals(changes.active()) ? "active" : "role", "validation.user.self-lockout"));
		}
		String email = changes.email() == null ? current.email() : changes.email().trim().toLowerCase(Locale.ROOT);
		if (!email.equals(current.email())) {
			if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 200) {
				problems.add(new FieldProblem("email", "jakarta.validation.constraints.Email.message"));
			}
			else if (users.emailTaken(email, id)) {
				problems.add(new FieldProblem("email", "validation.email.taken"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		User changed = new User(current.orgId(), id,
				email,
				changes.displayName() == null ? current.displayName() : changes.displayName().trim(),
				changes.role() == null ? current.role() : changes.role(),
				changes.locale() == null ? current.locale() : changes.locale(),
				changes.active() == null ? current.active() : changes.active(),
				current.version(), current.updatedAt(), current.updatedBy());
		if (!users.update(changed, changes.version(), admin.displayName())) {
			User now = get(admin, id);
			throw new ConcurrentEditException("user", now.updatedBy(), now.updatedAt());
		}
		if (changes.teamIds() != null) {
			teams.setTeams(admin, id, changes.teamIds(), visibility.today(admin.orgId()));
		}
		if (changed.role() != current.role()) {
			audit.record(admin.orgId(), admin.id(), admin.displayName(), AuditAction.ROLE_CHANGED, "user", id,
					current.email() + ": " + current.role() + " > " + changed.role());
		}
		if (!changed.email().equals(current.email())) {
			audit.record(admin.orgId(), admin.id(), admin.displayName(), AuditAction.EMAIL_CHANGED, "user", id,
					current.email() + " > " + changed.email());
		}
		if (changed.active() != current.active()) {
			audit.record(admin.orgId(), admin.id(), admin.displayName(), changed.active() ? AuditAction.REACTIVATED : AuditAction.DEACTIVATED,
					"user", id, current.email());
		}
		return get(admin, id);
	}

	/** Creates a one-time link with which the user sets a new password; any earlier link stops working. */
	@Transactional
	public String resetPassword(CurrentUser admin, UUID id) {
		return resetLink(admin, id).secret();
	}

	/** As {@link #resetPassword}, with when the link stops working. */
	@Transactional
	public InvitationLink resetLink(CurrentUser admin, UUID id) {
		requireAdmin(admin);
		get(admin, id);
		return newLink(admin, id, "RESET");
	}

	/** The invitations in the admin's organisation that are not used, revoked or expired yet, newest first. */
	public List<Invitation> pendingInvitations(CurrentUser admin) {
		requireAdmin(admin);
		return links.pendingInvitations(admin.orgId(), clock.instant()).stream()
			.map(l -> new Invitation(l.userId(), l.displayName(), l.email(), l.invitedAt(), l.invitedBy(), l.expiresAt()))
			.toList();
	}

	/**
	 * A fresh invitation link for a user who has not set a password yet; the earlier link stops working (only its
	 * hash is kept, so it cannot be shown again).
	 */
	@Transactional
	public InvitationLink invite(CurrentUser admin, UUID id) {
		requireAdmin(admin);
		User user = get(admin, id);
		if (users.passwordHash(admin.orgId(), id) != null) {
			throw InvalidInputException.of("user", "validation.invitation.accepted");
		}
		if (!user.active()) {
			throw InvalidInputException.of("user", "validation.invitation.inactive");
		}
		return newLink(admin, id, "INVITE");
	}

	/**
	 * Fresh links for every pending invitation at once, as after an import that added many people: the earlier links
	 * stop working. In the order of {@link #pendingInvitations}.
	 */
	@Transactional
	public List<Renewed> renewPendingInvitations(CurrentUser admin) {
		List<Renewed> renewed = new ArrayList<>();
		for (Invitation invitation : pendingInvitations(admin)) {
			renewed.add(new Renewed(get(admin, invitation.userId()), newLink(admin, invitation.userId(), "INVITE")));
		}
		return renewed;
	}

	/** Ends the user's invitation link, so it no longer lets anyone set the password; not found if none is live. */
	@Transactional
	public void revokeInvitation(CurrentUser admin, UUID id) {
		requireAdmin(admin);
		get(admin, id);
		if (!links.revoke(admin.orgId(), id, clock.instant())) {
			throw new RecordNotFoundException("invitation", id);
		}
	}

	/** The user a password link belongs to, if the link is still valid. */
	public Optional<User> userOfLink(String secret) {
		return links.peek(Secrets.hash(secret), clock.instant()).flatMap(l -> Tenancy.runAs(l.orgId(), () -> users.find(l.orgId(), l.userId())));
	}

	@Transactional
	public void setPasswordWithLink(String secret, String password) {
		checkNewPassword(password);
		PasswordLinks.LinkUser link = links.consume(Secrets.hash(secret), clock.instant())
			.orElseThrow(() -> InvalidInputException.of("token", "validation.password-link.invalid"));
		Tenancy.runAs(link.orgId(), () -> users.setPasswordHash(link.orgId(), link.userId(), passwordEncoder.encode(password)));
	}

	@Transactional
	public void changePassword(CurrentUser user, String currentPassword, String newPassword) {
		String hash = users.passwordHash(user.orgId(), user.id());
		if (hash == null || !passwordEncoder.matches(currentPassword, hash)) {
			throw InvalidInputException.of("currentPassword", "validation.password.current");
		}
		checkNewPassword(newPassword);
		users.setPasswordHash(user.orgId(), user.id(), passwordEncoder.encode(newPassword));
	}

	@Transactional
	public CurrentUser changeProfile(CurrentUser user, String displayName, String locale) {
		RequestMemo.forget();
		List<FieldProblem> problems = new ArrayList<>();
		checkLanguage(locale, problems);
		if (displayName.isBlank()) {
			problems.add(new FieldProblem("displayName", "jakarta.validation.constraints.NotBlank.message"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		User current = get(user, user.id());
		User changed = new User(current.orgId(), current.id(), current.email(), displayName.trim(), current.role(), locale,
				current.active(), current.version(), current.updatedAt(), current.updatedBy());
		users.update(changed, current.version(), user.displayName());
		users.setLocale(user.orgId(), user.id(), locale);
		return user.withDisplayName(displayName.trim()).withLocale(locale);
	}

	@Transactional
	public CurrentUser changeLanguage(CurrentUser user, String locale) {
		RequestMemo.forget();
		List<FieldProblem> problems = new ArrayList<>();
		checkLanguage(locale, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		users.setLocale(user.orgId(), user.id(), locale);
		return user.withLocale(locale);
	}

	private InvitationLink newLink(CurrentUser admin, UUID userId, String purpose) {
		String secret = Secrets.generate("");
		// As the database keeps it, so the expiry shown now is the one listed later.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant expires = now.plus(LINK_VALIDITY);
		links.insert(admin.orgId(), Ids.next(), userId, Secrets.hash(secret), purpose, now, expires, admin.id());
		return new InvitationLink(secret, expires);
	}

	private void checkNewPassword(String password) {
		List<FieldProblem> problems = new ArrayList<>();
		passwordPolicy.check("newPassword", password, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void checkLanguage(@Nullable String locale, List<FieldProblem> problems) {
		if (locale == null || !LANGUAGES.contains(locale)) {
			problems.add(new FieldProblem("locale", "validation.locale.supported"));
		}
	}

	static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only an admin may change users and teams");
		}
	}

	/** A pending invitation's user with their fresh link. */
	public record Renewed(User user, InvitationLink link) {
	}

	/** A created user, with the secret of their invitation link and its expiry when they have no password yet. */
	public record Created(User user, @Nullable String invitationSecret, @Nullable Instant invitationExpires) {
	}
}
