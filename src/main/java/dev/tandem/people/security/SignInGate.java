package dev.tandem.people.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes sign-ins only once the application is ready. The web server is up before the application runners
 * have run, and on a first start one of them generates the demo organisation for some seconds: a sign-in
 * then would find no such user and be told its password is wrong, and be counted by the throttle. Until
 * ready, the login form is sent back with "preparing, try again in a few seconds" and the token endpoint
 * answers 503 with {@code Retry-After}; neither reaches authentication.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class SignInGate extends OncePerRequestFilter {

	static final int RETRY_AFTER_SECONDS = 5;

	private final ProblemResponses problems;
	private final MessageSource messages;
	private volatile boolean ready;

	SignInGate(ProblemResponses problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		ready = true;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return ready || !"POST".equals(request.getMethod()) || !(path.equals("/login") || path.equals("/api/v1/auth/tokens"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().endsWith("/login")) {
			response.sendRedirect(request.getContextPath() + "/login?preparing");
			return;
		}
		response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
		problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.preparing",
				Map.of("detail", messages.getMessage("login.preparing", null, request.getLocale())));
	}
}
