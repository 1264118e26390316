package dev.tandem.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.people.Visibility;
import dev.tandem.support.TandemIntegrationTest;
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
 * Every page route the application maps (read from its handler mappings, path variables filled with Sanne's
 * records of Northwind as the walker does), opened by Brigitte, a manager, once as a browser and once as htmx
 * ({@code HX-Request: true}); a page she may not open (the administration, another line's team) by the admin.
 * Redirects and answers other than HTML are not read.
 * <ul>
 * <li>The browser's answer, when it is an HTML page, is the whole page: one {@code <html>}, the layout's top bar
 * and navigation, once each.</li>
 * <li>htmx's answer is either that same whole page or a fragment, never a mix: no fragment carries the layout's
 * {@code <html>} or top bar, and no answer has the layout twice (a page rendered into itself).</li>
 * <li>The routes whose handlers answer htmx with a fragment ({@code Htmx.view} and {@code Htmx.isHtmx} in the
 * controllers) are exactly {@link #FRAGMENT_ROUTES}: their htmx answer has no {@code <html>} and is not empty.
 * A handler that starts or stops answering a fragment fails here until the list says so.</li>
 * </ul>
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmxAnswersTests {

	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	/** The page routes that answer htmx with a fragment of the page instead of the page. */
	private static final Set<String> FRAGMENT_ROUTES = Set.of("/", "/accounts", "/activities", "/admin/users", "/contacts", "/deals",
			"/forecast/people/{id}", "/forecast/teams/{id}", "/imports/{id}", "/insight/overview", "/insight/people/{id}", "/insight/records",
			"/insight/teams/{id}", "/leads", "/notifications", "/notifications/bell", "/pipeline", "/recycle-bin", "/search",
			"/teams/{id}");

	private static final Pattern HTML = Pattern.compile("<html[\\s>]");
	private static final Pattern TOP_BAR = Pattern.compile("<header class=\"topbar\"");
	private static final Pattern NAVIGATION = Pattern.compile("<nav class=\"mainnav\"");

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

	@Test
	void browsersGetTheWholePageAndHtmxTheWholePageOrAFragmentNeverAMix() {
		Caller manager = walk.caller("MANAGER");
		Caller admin = walk.caller("ADMIN");
		List<String> problems = new ArrayList<>();
		Set<String> answeredWithAFragment = new TreeSet<>();
		Set<String> wholePages = new TreeSet<>();
		for (WebRoutes.Route route : routes) {
			if (route.writes() || route.stream() || WebRoutes.PUBLIC.contains(route.path())) {
				continue;
			}
			for (PathValues.Bound bound : walk.paths.bind(route.path(), walk.northwind, walk.near, route.pathValues())) {
				String path = bound.path() + WebRoutes.query(route, clock, walk.near.iterator().next());
				Caller caller = manager;
				Caller.Answer page = manager.page("GET", path, Map.of());
				if (page.status() == 403 || page.status() == 404) {
					caller = admin;
					page = admin.page("GET", path, Map.of());
				}
				if (page.status() == 200 && page.contentType().startsWith("text/html")) {
					wholePages.add(route.path());
					if (count(HTML, page.body()) != 1 || count(TOP_BAR, page.body()) != 1 || count(NAVIGATION, page.body()) != 1) {
						problems.add("not one whole page for the browser on " + path + ": " + shape(page.body()));
					}
				}
				Caller.Answer htmx = caller.page("GET", path, HTMX);
				if (htmx.status() != 200 || !htmx.contentType().startsWith("text/html")) {
					continue;
				}
				int html = count(HTML, htmx.body());
				int topBar = count(TOP_BAR, htmx.body());
				if (html == 0) {
					answeredWithAFragment.add(route.path());
					if (topBar > 0 || count(NAVIGATION, htmx.body()) > 0) {
						problems.add("a fragment with the layout's top bar on " + path + ": " + shape(htmx.body()));
					}
					if (htmx.body().isBlank()) {
						problems.add("an empty fragment on " + path);
					}
				}
				else if (html > 1 || topBar != 1) {
					problems.add("the layout twice or in part for htmx on " + path + ": " + shape(htmx.body()));
				}
			}
		}
		assertThat(problems).as("answers that are not one whole page or one clean fragment").isEmpty();
		assertThat(answeredWithAFragment).as("routes whose htmx answer is a fragment").isEqualTo(new TreeSet<>(FRAGMENT_ROUTES));
		assertThat(wholePages).as("pages opened as a whole page").hasSizeGreaterThan(30);
	}

	private static int count(Pattern pattern, String body) {
		Matcher m = pattern.matcher(body);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	private static String shape(String body) {
		return "<html> " + count(HTML, body) + "×, top bar " + count(TOP_BAR, body) + "×, navigation " + count(NAVIGATION, body) + "×";
	}
}
