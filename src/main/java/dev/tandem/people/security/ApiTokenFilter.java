package dev.tandem.people.security;

import java.io.IOException;

import dev.tandem.people.ApiTokenManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API requests that carry {@code Authorization: Bearer <token>}; a token that is unknown,
 * revoked or whose user was deactivated answers 401 at once.
 */
@Component
class ApiTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokenManagement tokens;
	private final ProblemResponses problems;

	ApiTokenFilter(ApiTokenManagement tokens, ProblemResponses problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		var user = tokens.authenticate(header.substring(BEARER.length()).trim());
		if (user.isEmpty()) {
			problems.commence(request, response, new BadCredentialsException("Unknown or revoked API token"));
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(PasswordAuthenticationProvider.authenticated(user.get()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
