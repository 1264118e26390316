package dev.tandem.people.security;

import dev.tandem.people.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Replaces the signed-in user of the session after they changed their own name or language, so
 * the next page shows the change without signing in again.
 */
@Component
public class SignedInUser {

	private final SecurityContextRepository repository;

	SignedInUser(SecurityContextRepository repository) {
		this.repository = repository;
	}

	public void replace(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(PasswordAuthenticationProvider.authenticated(user));
		SecurityContextHolder.setContext(context);
		repository.saveContext(context, request, response);
	}
}
