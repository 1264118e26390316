package dev.tandem.people.security;

import dev.tandem.people.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The signed-in user of a web session: replaced when it changed (their own name or language, or an admin's change
 * seen on the next request), and signed out of every session at once.
 */
@Component
public class SignedInUser {

	private final SecurityContextRepository repository;
	private final FindByIndexNameSessionRepository<?> sessions;

	SignedInUser(SecurityContextRepository repository, FindByIndexNameSessionRepository<?> sessions) {
		this.repository = repository;
		this.sessions = sessions;
	}

	public void replace(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(PasswordAuthenticationProvider.authenticated(user));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}

	/**
	 * Ends every web session of the user, on every node: sessions live in the database, found by their user's login
	 * name. API tokens are not sessions; they stay until revoked or expired.
	 */
	public void signOutEverywhere(CurrentUser user, HttpServletRequest request) {
		sessions.findByPrincipalName(user.getName()).keySet().forEach(sessions::deleteById);
		HttpSession own = request.getSession(false);
		if (own != null) {
			own.invalidate();
		}
		SecurityContextHolder.clearContext();
	}
}
