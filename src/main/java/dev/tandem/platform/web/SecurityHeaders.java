package dev.tandem.platform.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every answer. Spring Security writes them for every request it sees; this filter writes
 * the same on an error the container answered before any filter ran (a method it refuses, such as {@code TRACE}),
 * which reaches Tandem only as the error page's dispatch, where Spring Security writes none; and
 * {@link DatabaseDownFilter} writes them again on the answer it starts afresh.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityHeaders {

	/** The pages' content security policy: nothing from elsewhere, no framing, forms only to Tandem. */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

	/** Links to other sites carry no path, so no record id leaves Tandem in a Referer header. */
	public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

	@Bean
	FilterRegistrationBean<OnErrors> securityHeadersOnErrors() {
		FilterRegistrationBean<OnErrors> registration = new FilterRegistrationBean<>(new OnErrors());
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Writes the headers on an error dispatch whose answer has none yet. */
	static class OnErrors extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!response.containsHeader("X-Content-Type-Options")) {
				write(response);
			}
			chain.doFilter(request, response);
		}
	}

	/** Writes the headers Spring Security writes, for an answer that lost them or never had them. */
	static void write(HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", REFERRER_POLICY);
		response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
	}
}
