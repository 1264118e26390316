package dev.tandem.people.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * Sends a failed sign-in back to the login page with the reason: wrong credentials (never which
 * part was wrong) or throttled, with the minutes to wait.
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String target = exception instanceof TooManyAttemptsException throttled
				? "/login?throttled=" + throttled.retryAfterMinutes()
				: "/login?error";
		response.sendRedirect(request.getContextPath() + target);
	}
}
