package dev.tandem.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.support.ChromiumSession;
import dev.tandem.support.HostileOrganisation;
import dev.tandem.support.HostileText;
import dev.tandem.support.PageRoutes;
import dev.tandem.support.SiteCrawler;
import dev.tandem.support.SiteCrawler.Visit;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stored XSS: an organisation whose every text field holds markup, script, {@code javascript:} URLs, template
 * markers and U+2028 ({@link HostileOrganisation}, driven by the API document) shows all of it as text. Every page
 * route (read from the handler mappings, ids filled in), as a full page and as an htmx fragment, and every page and
 * fragment they link to, as the admin and as a rep, holds none of it unescaped; nor does the live stream; and in a
 * real browser nothing of it runs on the main pages.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredXssTests {

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	/** Operations that take text but cannot be driven from their schema, and why. */
	private static final Map<String, String> NOT_DRIVEN = Map.of(
			"PATCH /api/v1/deals/{id}", "a JSON merge patch without a schema; the deal's text fields are written by POST /api/v1/deals",
			"PATCH /api/v1/teams/{id}", "a free-form object without a schema; the team's name is written by POST /api/v1/teams");

	/**
	 * Operations only someone other than the organisation's admin may take (the reviewee's or the reviewer's step of a
	 * review; the hostile admin is nobody's reviewee), and the pages of what they make; their texts are shown escaped
	 * in their own tests (ReviewFlowTests).
	 */
	private static final Map<String, String> STEPS_OF_OTHERS = Map.of(
			"POST /api/v1/reviews/{id}/self-assessment", "the reviewee's step",
			"POST /api/v1/reviews/{id}/assessment", "the reviewer's step",
			"POST /api/v1/reviews/{id}/acknowledge", "the reviewee's step",
			"/coaching/reviews/{id}", "a review, which the admin of the hostile organisation is in no line of",
			"/coaching/reviews/{id}/pdf", "a review's PDF, likewise");

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired Clock clock;
	@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

	HostileOrganisation org;
	List<Visit> visits = new ArrayList<>();

	@BeforeAll
	void fillAnOrganisationWithHostileTextAndWalkItsPages() {
		org = HostileOrganisation.open(organisations, port, clock);
		for (String email : List.of(org.adminEmail(), org.repEmail())) {
			WebSession session = WebSession.signedIn(port, email, HostileOrganisation.PASSWORD);
			List<String> seeds = new ArrayList<>();
			for (String pattern : PageRoutes.patterns(mappings)) {
				String path = PageRoutes.fill(pattern, org::id);
				if (path != null) {
					seeds.add(path);
				}
			}
			// Every route both as a page and as the fragment htmx asks for, then whatever they link to.
			List<String> both = seeds.stream().flatMap(s -> Stream.of(s, "hx:" + s)).toList();
			visits.addAll(crawl(session, both));
		}
	}

	private static List<Visit> crawl(WebSession session, List<String> seeds) {
		List<Visit> found = new ArrayList<>();
		SiteCrawler crawler = new SiteCrawler(session, 400, 2);
		List<String> pages = seeds.stream().filter(s -> !s.startsWith("hx:")).toList();
		found.addAll(crawler.crawl(pages, p -> !p.startsWith("/assets/") && !p.startsWith("/webjars/")));
		for (String fragment : seeds.stream().filter(s -> s.startsWith("hx:")).map(s -> s.substring(3)).toList()) {
			HttpResponse<String> response = session.get(fragment, Map.of("HX-Request", "true"));
			found.add(new Visit(fragment, true, "route", response.statusCode(), response.headers(), response.body()));
		}
		return found;
	}

	@Test
	void everyOperationThatTakesTextWasCalledWithHostileText() {
		assertThat(org.freeForm()).as("operations whose body no schema describes").containsExactlyInAnyOrderElementsOf(NOT_DRIVEN.keySet());
		List<String> failed = org.calls().stream().filter(c -> !c.succeeded())
			.filter(c -> !STEPS_OF_OTHERS.containsKey(c.method() + " " + c.path()))
			.map(c -> c.method() + " " + c.path() + " -> " + c.status() + " " + c.detail()).toList();
		assertThat(failed).as("operations that did not take hostile text").isEmpty();
		assertThat(org.kinds()).contains("account", "contact", "deal", "activity", "lead", "goal", "team", "user", "stage",
				"import", "submission", "stakeholder", "token");
	}

	@Test
	void everyPageRouteCanBeFilledWithAnObjectOfTheOrganisation() {
		List<String> unfilled = PageRoutes.patterns(mappings).stream().filter(p -> PageRoutes.fill(p, org::id) == null)
			.filter(p -> !STEPS_OF_OTHERS.containsKey(p))
			.map(p -> p + " needs " + PageRoutes.kinds(p)).toList();
		assertThat(unfilled).as("page routes with a variable no object fills").isEmpty();
	}

	@Test
	void noPageOrFragmentHoldsHostileTextUnescaped() {
		List<String> found = new ArrayList<>();
		for (Visit visit : visits.stream().filter(Visit::html).toList()) {
			for (String place : HostileText.unescaped(visit.body())) {
				found.add(visit.describe() + ": " + place + " " + fieldsIn(place));
			}
		}
		assertThat(found).as("hostile text written unescaped").isEmpty();
		assertThat(visits.stream().filter(v -> v.status() == 200 && v.html() && HostileText.shown(v.body())).count())
			.as("pages that show the hostile text (escaped)").isGreaterThan(40);
	}

	@Test
	void theMainPagesShowTheHostileTextAsText() {
		Set<String> shows = new LinkedHashSet<>();
		for (Visit visit : visits) {
			if (visit.status() == 200 && visit.html() && HostileText.shown(visit.body())) {
				shows.add(SiteCrawler.shape(visit.path()).replaceAll("\\?.*", ""));
			}
		}
		assertThat(shows).contains("/deals/{id}", "/accounts/{id}", "/contacts/{id}", "/leads", "/leads/{id}", "/pipeline",
				"/insight/teams/{id}", "/insight/people/{id}", "/forecast/teams/{id}", "/forecast/people/{id}", "/goals", "/imports", "/imports/{id}", "/admin/playbook",
				"/admin/playbook/stages/{id}", "/admin/users", "/teams/{id}", "/activities", "/my-day");
		// Template markers in the text stay as they are: nothing evaluates them.
		assertThat(visits.stream().filter(v -> v.status() == 200 && v.path().startsWith("/deals/") && v.html()))
			.anyMatch(v -> v.body().contains(HostileText.TEMPLATE_MARKERS));
	}

	@Test
	void theLiveStreamCarriesNoHostileText() throws Exception {
		WebSession session = WebSession.signedIn(port, org.adminEmail(), HostileOrganisation.PASSWORD);
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/live")).header("Accept", "text/event-stream")
				.header("Cookie", "TANDEM_SESSION=" + session.cookie("TANDEM_SESSION")).GET().build(), HttpResponse.BodyHandlers.ofLines())
			.get(10, TimeUnit.SECONDS);
		assertThat(stream.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			try {
				stream.body().forEach(lines::add);
			}
			catch (RuntimeException ex) {
				// closed
			}
		}, "live-reader");
		reader.setDaemon(true);
		reader.start();
		try {
			String subject = HostileText.value(0, 200).replace("\"", "\\\"").replace("\u2028", "\\u2028");
			assertThat(org.api().post("/api/v1/activities", "{\"type\":\"CALL\",\"subject\":\"" + subject + "\",\"dealId\":\""
					+ org.id("deal") + "\"}").status()).isEqualTo(201);
			await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.startsWith("event:")));
		}
		finally {
			stream.body().close();
		}
		assertThat(lines).noneMatch(l -> l.contains(HostileText.RUNS) || l.contains("<"));
	}

	@Test
	void nothingRunsInABrowserOnTheMainPages() {
		List<String> paths = List.of("/deals/" + org.id("deal"), "/accounts/" + org.id("account"), "/contacts/" + org.id("contact"),
				"/insight", "/insight/teams/" + org.id("team"), "/insight/people/" + org.id("user"), "/pipeline", "/forecast", "/leads",
				"/leads/" + org.id("lead"), "/goals", "/imports/" + org.id("import"), "/admin/playbook/stages/" + org.id("stage"),
				"/my-day", "/activities");
		Page page = chromium.signedIn("http://localhost:" + port + "/login", org.adminEmail(), HostileOrganisation.PASSWORD, "en-GB", 1280);
		List<String> dialogs = new CopyOnWriteArrayList<>();
		List<String> blocked = new CopyOnWriteArrayList<>();
		page.onDialog(d -> {
			dialogs.add(d.message());
			d.dismiss();
		});
		page.onConsoleMessage(m -> {
			if (m.text().contains("Content Security Policy")) {
				blocked.add(page.url() + ": " + m.text());
			}
		});
		List<String> ran = new ArrayList<>();
		List<String> shown = new ArrayList<>();
		for (String path : paths) {
			page.navigate("http://localhost:" + port + path);
			page.waitForFunction("() => document.readyState === 'complete' && !document.querySelector('.htmx-request')");
			if (!"undefined".equals(page.evaluate("() => typeof window.__xss"))) {
				ran.add(path);
			}
			if (HostileText.shown(page.innerText("body"))) {
				shown.add(path.replaceAll("/[0-9a-f-]{36}", "/{id}"));
			}
		}
		assertThat(ran).as("pages where hostile text ran").isEmpty();
		assertThat(shown).as("pages that show the hostile text as text").contains("/deals/{id}", "/accounts/{id}", "/pipeline",
				"/leads", "/insight/teams/{id}");
		assertThat(dialogs).as("dialogs opened").isEmpty();
		assertThat(blocked).as("markup the content security policy had to stop").isEmpty();
	}

	private String fieldsIn(String place) {
		return HostileText.tags(place).stream().map(org::field).distinct().toList().toString();
	}

}
