package dev.tandem.people.security;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What a partner department (marketing, operations, service, enablement) may open: its department's page, the teams
 * and departments, its profile, notifications and search (which finds only what its lists would show: its department's
 * people). Every other page and operation is a sales one and is refused (403) to partners, so a sales page added later
 * is refused to them too until someone decides otherwise here.
 */
final class PartnerAccess {

	/** The roles the sales pages and operations are for: everyone but partners. */
	static final String[] SALES_ROLES = { "ADMIN", "EXECUTIVE", "MANAGER", "REP" };

	/** Pages (any method) a partner may use besides the public ones; the rules further down still apply to them. */
	static final String[] PAGES = { "/", "/department", "/teams", "/teams/*", "/departments", "/profile", "/profile/**",
			"/notifications", "/notifications/**", "/search", "/live", "/logout",
			// A partner department invited as a 360 rater of a manager-readiness assessment finds and answers it.
			"/coaching/readiness", "/coaching/readiness-assessments/*/answer" };

	/** API operations (any method) a partner may call; each checks its own rules (e.g. only admins change teams). */
	static final String[] OPERATIONS = { "/api/v1/me", "/api/v1/users", "/api/v1/users/*", "/api/v1/teams", "/api/v1/teams/*",
			"/api/v1/notifications", "/api/v1/notifications/**", "/api/v1/auth/tokens", "/api/v1/auth/tokens/*", "/api/v1/search",
			// A partner invited as a 360 rater: its invitations, its answer form and its answer (each checks the invitation).
			"/api/v1/readiness-assessments/invitations", "/api/v1/readiness-assessments/*/answer",
			"/api/v1/readiness-assessments/*/answers" };

	/**
	 * API reads a partner may call: leads, whose quality marketing gives feedback on (DESIGN, the partner's work), with
	 * the same row rules as everyone's lists.
	 */
	static final String[] READS = { "/api/v1/leads", "/api/v1/leads/*" };

	/** Pages that are a sales person's start of the day: a partner asking for one is sent to their department's page. */
	private static final Set<String> HOME_LIKE = Set.of("/my-day");

	private static final String PARTNER = "ROLE_PARTNER";

	private static final List<PathPattern> PAGE_PATTERNS = java.util.Arrays.stream(PAGES).map(PathPatternParser.defaultInstance::parse)
		.toList();

	private PartnerAccess() {
	}

	/** Refuses with the error page inside the layout (403), or sends a partner from a sales home to their department. */
	static AccessDeniedHandler deniedPages() {
		AccessDeniedHandler errorPage = new AccessDeniedHandlerImpl();
		return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) -> {
			if ("GET".equals(request.getMethod()) && isPartner() && HOME_LIKE.contains(path(request))) {
				response.sendRedirect(response.encodeRedirectURL(request.getContextPath() + "/department"));
				return;
			}
			errorPage.handle(request, response, ex);
		};
	}

	/**
	 * Where sign-in leads to when the page asked for was {@code path}: that page, unless the one signing in is a partner
	 * and the page is a sales one, which would answer 403; then their department's page.
	 */
	static String afterSignIn(String path) {
		if (!isPartner()) {
			return path;
		}
		PathContainer asked = PathContainer.parsePath(path);
		return PAGE_PATTERNS.stream().anyMatch(p -> p.matches(asked)) ? path : "/department";
	}

	private static boolean isPartner() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> PARTNER.equals(a.getAuthority()));
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}
}
