package dev.tandem.people.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * After a sign-in with the form: notes the moment in the session (the absolute timeout counts from it), then
 * back to the page asked for, or home.
 */
class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final Clock clock;

	SignInSuccessHandler(RequestCache requestCache, Clock clock) {
		this.clock = clock;
		setRequestCache(requestCache);
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		SessionGuard.signedInNow(request.getSession(), clock);
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
