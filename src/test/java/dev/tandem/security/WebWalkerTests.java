package dev.tandem.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.people.Visibility;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every page route the application maps, read from its handler mappings at run time, with path variables
 * filled with Sanne's records of Northwind, as anonymous, as each role of Northwind and as users of Zuidwind. A page
 * or form a module adds is walked without a new test.
 * <ul>
 * <li>Anonymous is sent to the sign-in page from every page but the public ones.</li>
 * <li>No page answers a 5xx or shows a stack trace or an exception's name; every answer carries the headers.</li>
 * <li>Zuidwind opening a Northwind record gets 403 or the 404 page inside the layout, and no page it sees shows a
 * Northwind id.</li>
 * <li>Every write route (forms and {@code hx-*} requests alike) without a CSRF token is refused with 403 for
 * everyone, and nothing is written.</li>
 * </ul>
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebWalkerTests {

	/** Asked by htmx: the same handler answers the fragment. */
	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired Visibility visibility;
	@Autowired Clock clock;
	@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

	Walk walk;
	List<WebRoutes.Route> routes;

	@BeforeAll
	void readTheRoutes() {
		walk = new Walk(port, jdbc, visibility);
		routes = WebRoutes.of(mapping);
	}

	@AfterEach
	void everyAnswerWasSafe() {
		assertThat(walk.unsafeAnswers()).as("answers without the security headers or with a leak").isEmpty();
	}

	@Test
	void everyPageOpensForEveryRoleWithoutAServerErrorAndAnonymousIsSentToSignIn() {
		List<String> problems = new ArrayList<>();
		int pages = 0;
		for (WebRoutes.Route route : routes) {
			if (route.writes() || route.stream()) {
				continue;
			}
			for (PathValues.Bound bound : walk.paths.bind(route.path(), walk.northwind, walk.near, route.pathValues())) {
				String path = bound.path() + WebRoutes.query(route, clock, walk.near.iterator().next());
				pages++;
				for (Caller caller : walk.callers) {
					Caller.Answer answer = open(caller, path, Map.of());
					String what = Walk.describe(caller, "GET", path, answer);
					if (answer.status() >= 500) {
						problems.add("a server error on " + route.key() + " | " + what);
					}
					else if (caller.anonymous()) {
						if (!WebRoutes.PUBLIC.contains(route.path())
								&& (answer.status() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/login"))) {
							problems.add("anonymous not sent to sign in on " + route.key() + " | " + what);
						}
					}
					else if (walk.foreign(caller) && bound.hasIds()) {
						if (answer.status() != 403 && !(answer.status() == 404 && notFoundPage(answer))) {
							problems.add("a Northwind record not a 403 or the 404 page on " + route.key() + " | " + what);
						}
					}
					else if (answer.status() == 200 && answer.contentType().startsWith("text/")) {
						Set<UUID> leaked = walk.otherOrganisationsIds(caller, answer.body(), Set.copyOf(bound.ids().values()));
						if (!leaked.isEmpty()) {
							problems.add("shows ids of the other organisation on " + route.key() + " | " + what + " " + leaked);
						}
					}
				}
				Caller.Answer fragment = open(walk.caller("MANAGER"), path, HTMX);
				if (fragment.status() >= 500) {
					problems.add("a server error for htmx on " + route.key() + " | " + Walk.describe(walk.caller("MANAGER"), "GET", path,
							fragment));
				}
			}
		}
		assertThat(Findings.summary(problems)).as("pages that answered otherwise than the rules say").isEmpty();
		assertThat(pages).as("pages walked").isGreaterThan(30);
	}

	/**
	 * The pages a partner department uses, written out here rather than read from the security rules: every other page
	 * is a sales one. A pattern's {@code *} stands for one path segment.
	 */
	private static final List<String> PARTNER_PAGES = List.of("/", "/department", "/teams", "/teams/*", "/departments", "/profile",
			"/profile/tokens", "/notifications", "/notifications/bell", "/notifications/settings", "/search",
			// A partner invited as a 360 rater of a readiness assessment finds and answers it.
			"/coaching/readiness", "/coaching/readiness-assessments/*/answer");

	/** Sales pages that are a day's start: a partner asking for one is sent to their department's page. */
	private static final Set<String> PARTNER_SENT_HOME = Set.of("/my-day");

	@Test
	void aPartnerOpensOnlyTheDepartmentsPagesAndGetsTheRefusalPageOnEverySalesPage() {
		Caller partner = walk.caller("PARTNER");
		List<String> problems = new ArrayList<>();
		int refused = 0;
		for (WebRoutes.Route route : routes) {
			// The first run's setup answers by its own rule (only while no organisation exists), for everyone alike.
			if (route.writes() || route.stream() || WebRoutes.PUBLIC.contains(route.path()) || route.path().equals("/setup")) {
				continue;
			}
			boolean admin = route.path().startsWith("/admin/") || route.path().equals("/teams/new") || route.path().endsWith("/edit");
			for (PathValues.Bound bound : walk.paths.bind(route.path(), walk.northwind, walk.near, route.pathValues())) {
				String path = bound.path() + WebRoutes.query(route, clock, partner.user().id());
				Caller.Answer answer = open(partner, path, Map.of());
				String what = Walk.describe(partner, "GET", path, answer);
				if (PARTNER_SENT_HOME.contains(route.path())) {
					if (answer.status() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/department")) {
						problems.add("not sent to the department page from " + route.key() + " | " + what);
					}
				}
				else if (admin || !PARTNER_PAGES.stream().anyMatch(p -> matches(p, route.path()))) {
					refused++;
					if (answer.status() != 403 || !refusalPage(answer)) {
						problems.add("a sales page not refused inside the layout on " + route.key() + " | " + what);
					}
					Caller.Answer fragment = open(partner, path, HTMX);
					if (fragment.status() != 403) {
						problems.add("a sales fragment not refused on " + route.key() + " | " + Walk.describe(partner, "GET", path, fragment));
					}
				}
				// Home sends a partner on to their department, the bell's fragment a browser to the notifications.
				else if (answer.status() != 200 && !(answer.status() == 302 && Set.of("/", "/notifications/bell").contains(route.path()))) {
					problems.add("a partner's page did not open on " + route.key() + " | " + what);
				}
			}
		}
		assertThat(Findings.summary(problems)).as("pages that answered a partner otherwise than the rules say").isEmpty();
		assertThat(refused).as("sales pages refused").isGreaterThan(25);
	}

	/** Whether a route's path matches a pattern whose {@code *} stands for one segment. */
	private static boolean matches(String pattern, String path) {
		return path.matches(pattern.replace("*", "[^/]+"));
	}

	@Test
	void signingInAndOutSetsOnlyCookiesScriptsCannotReadNorOtherSitesSend() {
		dev.tandem.support.WebSession session = new dev.tandem.support.WebSession(port);
		java.net.http.HttpResponse<String> signIn = session.login(dev.tandem.support.Demo.REP, dev.tandem.support.Demo.PASSWORD);
		assertThat(signIn.headers().allValues("Set-Cookie")).as("a new session at sign-in")
			.anySatisfy(c -> assertThat(c).startsWith("TANDEM_SESSION="));
		dev.tandem.support.ResponseChecks.assertSecureHeaders("sign-in", signIn.headers());
		java.net.http.HttpResponse<String> signOut = session.post("/logout", Map.of());
		dev.tandem.support.ResponseChecks.assertSecureHeaders("sign-out", signOut.headers());
		assertThat(signOut.statusCode()).isEqualTo(302);
	}

	@Test
	void everyWriteWithoutACsrfTokenIsRefusedAndWritesNothing() {
		List<String> problems = new ArrayList<>();
		Map<String, String> before = walk.tables.fingerprint();
		int writes = 0;
		for (WebRoutes.Route route : routes) {
			if (!route.writes()) {
				continue;
			}
			writes++;
			for (PathValues.Bound bound : walk.paths.bind(route.path(), walk.northwind, walk.near, route.pathValues())) {
				for (Caller caller : walk.callers) {
					for (Map<String, String> headers : List.of(Map.<String, String>of(), HTMX)) {
						Caller.Answer answer = caller.page(route.method(), bound.path(), headers);
						String what = Walk.describe(caller, route.method(), bound.path(), answer);
						walk.checked(what, answer);
						if (answer.status() != 403) {
							problems.add("not refused without a CSRF token on " + route.key() + " | " + what);
						}
					}
				}
			}
		}
		assertThat(TenantTables.changed(before, walk.tables.fingerprint())).as("tables the refused writes changed").isEmpty();
		assertThat(Findings.summary(problems)).as("writes taken without a CSRF token").isEmpty();
		assertThat(writes).as("write routes walked").isGreaterThan(30);
	}

	private Caller.Answer open(Caller caller, String path, Map<String, String> headers) {
		Caller.Answer answer = caller.page("GET", path, headers);
		return walk.checked(Walk.describe(caller, "GET", path, answer), answer);
	}

	/** The 403 page of the layout, with the navigation the partner has: their department's page, no sales page. */
	private static boolean refusalPage(Caller.Answer answer) {
		return answer.contentType().startsWith("text/html") && answer.body().contains("class=\"mainnav\"")
				&& answer.body().contains("class=\"error-code\">403<") && answer.body().contains("href=\"/department\"")
				&& !answer.body().contains("href=\"/pipeline\"");
	}

	/** The 404 page of the layout: its navigation and its heading, not a bare error. */
	private static boolean notFoundPage(Caller.Answer answer) {
		return answer.contentType().startsWith("text/html") && answer.body().contains("class=\"mainnav\"")
				&& answer.body().contains("class=\"error-code\"");
	}
}
