package dev.tandem.platform.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers 503 with {@code Retry-After} when a request fails because the database cannot be reached: a problem for
 * the API, the error page in the layout for the UI. It runs before the session and security filters, which read
 * the database too, so whichever of them fails first is answered the same way. The pool gives up on a connection
 * after {@code spring.datasource.hikari.connection-timeout}, so the answer comes within a few seconds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseDownFilter extends OncePerRequestFilter {

	static final int RETRY_AFTER_SECONDS = 10;

	private static final Logger log = LoggerFactory.getLogger(DatabaseDownFilter.class);

	/** SQL states of a lost or refused connection: class 08, and PostgreSQL shutting down or starting up. */
	private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03");

	private final MessageSource messages;
	private final LocaleResolver locales;
	private final ProblemJson problems;

	DatabaseDownFilter(MessageSource messages, LocaleResolver locales, ProblemJson problems) {
		this.messages = messages;
		this.locales = locales;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !isUnreachableDatabase(ex)) {
				throw ex;
			}
			log.warn("Database unreachable, {} {} answered 503: {}", request.getMethod(), request.getRequestURI(), rootMessage(ex));
			response.reset();
			// The reset dropped the security headers with everything else.
			SecurityHeaders.write(response);
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				problem(request, response);
			}
			else {
				page(request, response);
			}
		}
	}

	static boolean isUnreachableDatabase(Throwable ex) {
		int depth = 0;
		for (Throwable t = ex; t != null && depth < 20; t = t.getCause(), depth++) {
			if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
					|| t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
				return true;
			}
			// A rollback on the lost connection fails too, and its exception replaces the one that said why.
			if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
					&& isUnreachableDatabase(tx.getApplicationException())) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || UNREACHABLE_STATES.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	private void problem(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Locale locale = locales.resolveLocale(request);
		problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, messages.getMessage("problem.database-down", null, locale),
				messages.getMessage("problem.database-down.detail", new Object[] { RETRY_AFTER_SECONDS }, locale), Map.of());
	}

	/**
	 * The error page, reached by a forward: unlike the container's error dispatch, a forward passes neither the
	 * session nor the security filters, so the page renders without the database. The CSRF token the security
	 * filters left on the request would look the session up when the layout reads it, so it goes.
	 */
	private void page(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		request.removeAttribute("_csrf");
		request.removeAttribute(CsrfToken.class.getName());
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.SERVICE_UNAVAILABLE.value());
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		request.getRequestDispatcher("/error").forward(request, response);
	}

	private static @Nullable String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}
}
