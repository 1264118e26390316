package dev.tandem.people.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.UserManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a web session true to the user as stored now. On every request the session's user is read again (one
 * lookup by primary key), so a change of role, name or language counts from the next request on and a deactivated
 * user's session ends. A session also ends once it is older than the absolute timeout, however busy it was; the
 * idle timeout is Spring Session's ({@code server.servlet.session.timeout}).
 * <p>
 * An ended session is invalidated and the request goes on unauthenticated, so a page sends to the login form.
 */
class SessionGuard extends OncePerRequestFilter {

	/** The session attribute holding the moment of sign-in, by the application's clock. */
	static final String SIGNED_IN_AT = "tandem.signedInAt";

	private final UserManagement users;
	private final SignedInUser signedIn;
	private final Settings settings;
	private final Clock clock;

	SessionGuard(UserManagement users, SignedInUser signedIn, Settings settings, Clock clock) {
		this.users = users;
		this.signedIn = signedIn;
		this.settings = settings;
		this.clock = clock;
	}

	/** Marks the session as signed in now; the absolute timeout counts from here. */
	static void signedInNow(HttpSession session, Clock clock) {
		session.setAttribute(SIGNED_IN_AT, clock.instant());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			HttpSession session = request.getSession(false);
			Optional<CurrentUser> current = session == null || tooOld(session) ? Optional.empty() : users.signedIn(user);
			if (current.isEmpty()) {
				end(session);
			}
			else if (!current.get().equals(user)) {
				signedIn.replace(current.get(), request, response);
			}
		}
		chain.doFilter(request, response);
	}

	/** A session without a sign-in time was opened before sessions had one: it is ended too. */
	private boolean tooOld(HttpSession session) {
		Object at = session.getAttribute(SIGNED_IN_AT);
		return !(at instanceof Instant signedInAt) || !clock.instant().isBefore(signedInAt.plus(settings.absoluteTimeout()));
	}

	private static void end(@Nullable HttpSession session) {
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}

	/** How long a web session may last at most, idle or not ({@code tandem.session.absolute-timeout}). */
	@ConfigurationProperties("tandem.session")
	record Settings(@DefaultValue("12h") Duration absoluteTimeout) {
	}
}
