package dev.tandem.people.security;

import java.util.Optional;

import dev.tandem.people.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password outside the login form (for {@code POST /api/v1/auth/tokens}),
 * with the same throttling as the form.
 */
@Component
public class AuthenticationGateway {

	private final AuthenticationManager authenticationManager;

	AuthenticationGateway(AuthenticationManager authenticationManager) {
		this.authenticationManager = authenticationManager;
	}

	/**
	 * @return the user, or empty for wrong credentials
	 * @throws Throttled when there were too many failures; carries the seconds to wait
	 */
	public Optional<CurrentUser> authenticate(String email, String password, HttpServletRequest request) {
		var token = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
		token.setDetails(new WebAuthenticationDetails(request.getRemoteAddr(), null));
		try {
			return Optional.of((CurrentUser) authenticationManager.authenticate(token).getPrincipal());
		}
		catch (BadCredentialsException ex) {
			return Optional.empty();
		}
		catch (TooManyAttemptsException ex) {
			throw new Throttled(ex.retryAfter().toSeconds());
		}
	}

	/** Too many failed attempts; try again after {@code retryAfterSeconds}. */
	public static class Throttled extends RuntimeException {

		private final long retryAfterSeconds;

		Throttled(long retryAfterSeconds) {
			super("Too many failed sign-in attempts");
			this.retryAfterSeconds = retryAfterSeconds;
		}

		public long retryAfterSeconds() {
			return retryAfterSeconds;
		}
	}
}
