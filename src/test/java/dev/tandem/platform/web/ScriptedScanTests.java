package dev.tandem.platform.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.people.OrganisationManagement;
import dev.tandem.support.HostileOrganisation;
import dev.tandem.support.HostileText;
import dev.tandem.support.SiteCrawler;
import dev.tandem.support.SiteCrawler.Visit;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted subset of what OWASP ZAP's spider, passive scan and a few of its active rules find, run against an
 * organisation full of hostile text (it is not ZAP; {@code docs/security.md} lists the rules and ZAP's ids): a
 * crawler signed in as the admin, as a rep and as nobody follows every link and {@code hx-get} it reaches, and every
 * answer is checked; then parameters are probed for reflection and open redirects, and well-known files for
 * exposure. No rule may raise an alert.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptedScanTests {

	private static final String PROBE = "zq\"'><tandem-probe>";
	private static final String OFF_SITE = "http://evil.example/";
	private static final List<String> REDIRECT_PARAMETERS = List.of("continue", "redirect", "redirect_uri", "next", "url", "returnTo",
			"return", "target", "Location", "goto");
	private static final List<String> EXPOSED = List.of("/.git/config", "/.git/HEAD", "/.env", "/.htaccess", "/WEB-INF/web.xml",
			"/META-INF/MANIFEST.MF", "/application.properties", "/application.yml", "/BOOT-INF/classes/application.properties",
			"/assets/%2e%2e/application.properties", "/assets/..%2fapplication.properties", "/pom.xml", "/db/migration/V1__platform_framework_tables.sql",
			"/templates/layout.html", "/messages.properties", "/assets/js/tandem.js.bak", "/assets/js/tandem.js~", "/backup.zip",
			"/actuator/env", "/actuator/heapdump", "/actuator/configprops", "/actuator/beans", "/actuator/mappings", "/actuator/threaddump",
			"/actuator/loggers", "/actuator/logfile", "/actuator/sessions", "/actuator/flyway", "/actuator/scheduledtasks",
			"/actuator/shutdown", "/env", "/heapdump", "/trace", "/h2-console");
	private static final List<String> DIRECTORIES = List.of("/assets/", "/assets/js/", "/assets/css/", "/assets/img/", "/webjars/",
			"/webjars/htmx.org/", "/static/", "/templates/");
	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
	private static final Pattern STACK_TRACE = Pattern.compile(
			"\\bat (?:dev\\.tandem|java\\.|org\\.springframework|org\\.apache)\\.[\\w.$]+\\(|\\b(?:java\\.lang|java\\.sql|org\\.postgresql)\\.\\w*(?:Exception|Error)\\b"
					+ "|PSQLException|SQLState|Whitelabel Error Page|org\\.thymeleaf\\.exceptions|\\bat line \\d+ of template",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern MIXED = Pattern.compile("\\s(?:src|href|action)=\"http://", Pattern.CASE_INSENSITIVE);
	private static final Pattern FOREIGN_SCRIPT = Pattern.compile("<script[^>]+src=\"(?:https?:)?//", Pattern.CASE_INSENSITIVE);

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired Clock clock;

	HostileOrganisation org;
	final Map<String, List<Visit>> crawled = new LinkedHashMap<>();
	final List<String> alerts = new ArrayList<>();

	@BeforeAll
	void crawlAsTheAdminTheRepAndNobody() {
		org = HostileOrganisation.open(organisations, port, clock);
		crawled.put("admin", new SiteCrawler(WebSession.signedIn(port, org.adminEmail(), HostileOrganisation.PASSWORD), 300, 2)
			.crawl(List.of("/", "/api-docs"), p -> true));
		crawled.put("rep", new SiteCrawler(WebSession.signedIn(port, org.repEmail(), HostileOrganisation.PASSWORD), 200, 2)
			.crawl(List.of("/"), p -> true));
		crawled.put("anonymous", new SiteCrawler(new WebSession(port), 60, 2).crawl(List.of("/", "/login", "/set-password"), p -> true));
	}

	@BeforeEach
	void noAlertsYet() {
		alerts.clear();
	}

	@Test
	void theCrawlersReachedThePagesOfEveryModule() {
		for (String who : List.of("admin", "rep")) {
			Set<String> shapes = new LinkedHashSet<>();
			crawled.get(who).stream().filter(v -> v.status() == 200).forEach(v -> shapes.add(SiteCrawler.shape(v.path()).replaceAll("\\?.*", "")));
			assertThat(shapes).as(who).contains("/pipeline", "/deals/{id}", "/accounts/{id}", "/contacts/{id}", "/leads", "/leads/{id}",
					"/activities", "/my-day", "/goals", "/insight/people/{id}", "/profile", "/assets/js/tandem.js");
		}
		assertThat(crawled.get("admin").stream().map(v -> SiteCrawler.shape(v.path()).replaceAll("\\?.*", "")))
			.contains("/admin/users", "/admin/playbook", "/imports", "/imports/{id}", "/teams", "/admin/audit", "/insight/teams/{id}",
					"/forecast/people/{id}", "/swagger-ui/index.html");
		assertThat(crawled.get("anonymous").stream().map(Visit::path)).contains("/login");
	}

	/** The rules are not silent by construction: an answer that breaks each of them raises its alert. */
	@Test
	void theRulesRaiseTheirAlertsOnAnAnswerThatBreaksThem() {
		java.net.http.HttpHeaders headers = java.net.http.HttpHeaders.of(Map.of("Content-Type", List.of("text/html"),
				"Set-Cookie", List.of("SID=1; Path=/"), "Access-Control-Allow-Origin", List.of("*"), "Server", List.of("Apache/2.4.1")),
				(a, b) -> true);
		String body = "<form method=\"post\" action=\"/x\"><input name=\"a\"></form><script src=\"http://cdn.example/x.js\"></script>"
				+ HostileText.value(1, 0) + "<pre>java.lang.IllegalStateException: boom\n\tat dev.tandem.Foo.bar(Foo.java:1)</pre>";
		passive("test", new Visit("/x", false, "test", 200, headers, body));
		assertThat(alerts.stream().map(a -> a.replaceAll("(?s) .*", ""))).contains("10010", "10054", "10021", "10098", "10036", "90022",
				"10038", "10020", "10202", "40014", "10040", "10017");
		alerts.clear();
	}

	@Test
	void noAnswerOfTheCrawlRaisesAPassiveAlert() {
		crawled.forEach((who, visits) -> visits.forEach(visit -> passive(who, visit)));
		assertThat(alerts).isEmpty();
	}

	/** ZAP 40012 and 40014, reflected and stored cross-site scripting, as a passive check of what each parameter echoes. */
	@Test
	void noParameterIsReflectedUnescaped() {
		WebSession admin = WebSession.signedIn(port, org.adminEmail(), HostileOrganisation.PASSWORD);
		Set<String> probed = new LinkedHashSet<>();
		for (Visit visit : crawled.get("admin")) {
			if (!visit.html() || visit.status() >= 400) {
				continue;
			}
			String path = visit.path().replaceAll("\\?.*", "");
			Map<String, String> query = query(visit.path());
			query.putIfAbsent("q", "");
			for (String name : query.keySet()) {
				if (!probed.add(SiteCrawler.shape(visit.path()) + " " + name)) {
					continue;
				}
				Map<String, String> probe = new LinkedHashMap<>(query);
				probe.put(name, PROBE);
				String url = path + "?" + encode(probe);
				HttpResponse<String> answer = visit.htmx() ? admin.get(url, Map.of("HX-Request", "true")) : admin.get(url);
				if (answer.body().contains("<tandem-probe>")) {
					alert("40012 reflected XSS (High)", url, "the parameter " + name + " is written back unescaped");
				}
				if (STACK_TRACE.matcher(answer.body()).find()) {
					alert("90022 application error disclosure (Medium)", url, evidence(answer.body(), STACK_TRACE));
				}
			}
		}
		HttpResponse<String> missing = admin.get("/no-such-page/" + URLEncoder.encode(PROBE, StandardCharsets.UTF_8), Map.of("Accept", "text/html"));
		if (missing.body().contains("<tandem-probe>")) {
			alert("40012 reflected XSS (High)", "/no-such-page/...", "the path is written back unescaped");
		}
		assertThat(probed).hasSizeGreaterThan(30);
		assertThat(alerts).isEmpty();
	}

	/** ZAP 20019, external redirect: no parameter, Referer or Host sends the browser to another site. */
	@Test
	void noRedirectLeavesTheSite() {
		WebSession admin = WebSession.signedIn(port, org.adminEmail(), HostileOrganisation.PASSWORD);
		Set<String> paths = new LinkedHashSet<>(List.of("/", "/login", "/set-password", "/api-docs"));
		Set<String> shapes = new LinkedHashSet<>();
		crawled.get("admin").stream().filter(Visit::html).map(v -> v.path().replaceAll("\\?.*", ""))
			.filter(p -> shapes.add(SiteCrawler.shape(p))).forEach(paths::add);
		WebSession nobody = new WebSession(port);
		for (String path : paths) {
			boolean open = List.of("/", "/login", "/set-password", "/api-docs").contains(path);
			for (String target : List.of(OFF_SITE, "//evil.example/", "/\\evil.example/", "https:evil.example")) {
				String query = REDIRECT_PARAMETERS.stream().map(p -> p + "=" + URLEncoder.encode(target, StandardCharsets.UTF_8))
					.reduce((a, b) -> a + "&" + b).orElseThrow();
				offSite(path + "?" + query, admin.get(path + "?" + query));
				if (open) {
					offSite(path + "?" + query + " (signed out)", nobody.get(path + "?" + query));
				}
			}
		}
		// The language switch goes back to the page it was used on: never to another site's.
		for (String referer : List.of(OFF_SITE + "deals", "//evil.example/deals", "http://localhost.evil.example/")) {
			offSite("POST /language (Referer " + referer + ")", postWithReferer(admin, "/language", "lang=nl", referer));
		}
		// Signing in goes back to the page asked for, on this site only.
		WebSession visitor = new WebSession(port);
		visitor.get("/pipeline?continue=" + URLEncoder.encode(OFF_SITE, StandardCharsets.UTF_8));
		offSite("POST /login after a saved request", visitor.login(org.adminEmail(), HostileOrganisation.PASSWORD));
		for (String path : List.of("/", "/login", "/api-docs", "/v3/api-docs", "/deals")) {
			String answer = withHost(path, "evil.example");
			if (answer.contains("evil.example")) {
				alert("Host header reflected (cache poisoning, phishing)", path, evidence(answer, Pattern.compile("evil\\.example")));
			}
		}
		assertThat(alerts).isEmpty();
	}

	/**
	 * ZAP 0 (directory browsing), 40034/40035 (.env and hidden files), 10045 (source code disclosure), 10095 (backup
	 * files) and 40042 (Spring Actuator leak): none of these is served to anybody but an admin, and a folder is no listing.
	 */
	@Test
	void noSourceBackupOrOperationsFileIsExposedAndNoFolderIsListed() {
		WebSession rep = WebSession.signedIn(port, org.repEmail(), HostileOrganisation.PASSWORD);
		WebSession nobody = new WebSession(port);
		for (String path : EXPOSED) {
			for (WebSession session : List.of(rep, nobody)) {
				HttpResponse<String> answer = session.get(path);
				if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
					alert("10045/40035/10095/40042 file exposure (High)", path, answer.statusCode() + " " + head(answer.body()));
				}
			}
		}
		for (String path : DIRECTORIES) {
			HttpResponse<String> answer = rep.get(path);
			if (answer.statusCode() == 200 && answer.body().matches("(?is).*(index of|parent directory|<title>directory).*")) {
				alert("0 directory browsing (Medium)", path, head(answer.body()));
			}
		}
		// Health answers UP or DOWN to anybody (load balancers ask it), nothing about what it checked.
		HttpResponse<String> health = nobody.get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).doesNotContain("components").doesNotContain("details");
		assertThat(alerts).isEmpty();
	}

	private void passive(String who, Visit visit) {
		String where = who + " " + visit.describe();
		List<String> cookies = visit.headers().allValues("Set-Cookie");
		for (String cookie : cookies) {
			String lower = cookie.toLowerCase(Locale.ROOT);
			if (!lower.contains("httponly")) {
				alert("10010 cookie without HttpOnly", where, cookie);
			}
			if (!lower.contains("samesite")) {
				alert("10054 cookie without SameSite", where, cookie);
			}
		}
		if (!"nosniff".equalsIgnoreCase(visit.headers().firstValue("X-Content-Type-Options").orElse(""))) {
			alert("10021 X-Content-Type-Options missing", where, visit.contentType());
		}
		if ("*".equals(visit.headers().firstValue("Access-Control-Allow-Origin").orElse(""))) {
			alert("10098 cross-domain misconfiguration (Medium)", where, "Access-Control-Allow-Origin: *");
		}
		visit.headers().firstValue("X-Powered-By").ifPresent(v -> alert("10037 X-Powered-By leaks the server", where, v));
		visit.headers().firstValue("Server").filter(v -> v.matches(".*\\d.*")).ifPresent(v -> alert("10036 Server header leaks its version", where, v));
		if (STACK_TRACE.matcher(visit.body()).find()) {
			alert("90022 application error disclosure (Medium)", where, evidence(visit.body(), STACK_TRACE));
		}
		if (!visit.html()) {
			return;
		}
		String csp = visit.headers().firstValue("Content-Security-Policy").orElse("");
		if (csp.isEmpty()) {
			alert("10038 Content-Security-Policy missing (Medium)", where, "");
		}
		else if (directive(csp, "script-src").matches(".*('unsafe-inline'|'unsafe-eval'|\\*|data:|https?:\\s|http:).*")) {
			alert("10055 CSP allows inline or foreign script (Medium)", where, csp);
		}
		if (visit.headers().firstValue("X-Frame-Options").isEmpty() && !csp.contains("frame-ancestors")) {
			alert("10020 anti-clickjacking header missing (Medium)", where, "");
		}
		Matcher form = FORM.matcher(visit.body());
		while (form.find()) {
			boolean post = form.group(1).toLowerCase(Locale.ROOT).matches(".*method=\"post\".*");
			if (post && !form.group(2).contains("name=\"_csrf\"") && !form.group(1).contains("_csrf=")) {
				alert("10202 absence of anti-CSRF token (Medium)", where, head(form.group()));
			}
		}
		for (String place : HostileText.unescaped(visit.body())) {
			alert("40014 persistent XSS (High)", where, place);
		}
		if (MIXED.matcher(visit.body()).find()) {
			alert("10040 mixed content (Medium)", where, evidence(visit.body(), MIXED));
		}
		if (FOREIGN_SCRIPT.matcher(visit.body()).find()) {
			alert("10017 cross-domain script inclusion", where, evidence(visit.body(), FOREIGN_SCRIPT));
		}
		if (visit.body().toLowerCase(Locale.ROOT).contains("http-equiv=\"refresh\"") && visit.body().contains("evil.example")) {
			alert("20019 external redirect by meta refresh (High)", where, "");
		}
	}

	private void offSite(String what, HttpResponse<String> answer) {
		String location = answer.headers().firstValue("Location").orElse("");
		String refresh = answer.headers().firstValue("Refresh").orElse("");
		if (!location.isEmpty()) {
			URI resolved = URI.create("http://localhost:" + port + "/").resolve(location.replace("\\", "/"));
			if (!"localhost".equals(resolved.getHost())) {
				alert("20019 external redirect (High)", what, answer.statusCode() + " Location: " + location);
			}
		}
		if (refresh.contains("evil.example") || (answer.body().contains("http-equiv=\"refresh\"") && answer.body().contains("evil.example"))) {
			alert("20019 external redirect by refresh (High)", what, refresh);
		}
	}

	private HttpResponse<String> postWithReferer(WebSession session, String path, String body, String referer) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", "TANDEM_SESSION=" + session.cookie("TANDEM_SESSION")).header("Referer", referer)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + URLEncoder.encode(session.csrf(), StandardCharsets.UTF_8))).build();
		return send(HttpClient.newHttpClient(), request);
	}

	/** What a request with a forged Host, which HttpClient will not send, is answered: written on a socket of its own. */
	private String withHost(String path, String host) {
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html,application/json\r\n"
					+ "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void alert(String rule, String where, String evidence) {
		alerts.add(rule + " at " + where + (evidence.isEmpty() ? "" : ": " + evidence));
	}

	/** A directive of a policy; without script-src, default-src governs scripts. */
	private static String directive(String csp, String name) {
		String fallback = "";
		for (String part : csp.split(";")) {
			String directive = part.trim() + " ";
			if (directive.startsWith(name + " ")) {
				return directive;
			}
			if (directive.startsWith("default-src ")) {
				fallback = directive;
			}
		}
		return fallback;
	}

	private static Map<String, String> query(String path) {
		Map<String, String> query = new LinkedHashMap<>();
		int q = path.indexOf('?');
		if (q >= 0) {
			for (String pair : path.substring(q + 1).split("&")) {
				int eq = pair.indexOf('=');
				query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
			}
		}
		return query;
	}

	private static String encode(Map<String, String> query) {
		return query.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.reduce((a, b) -> a + "&" + b).orElse("");
	}

	private static String decode(String value) {
		return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static String evidence(String body, Pattern pattern) {
		Matcher m = pattern.matcher(body);
		return m.find() ? body.substring(Math.max(0, m.start() - 60), Math.min(body.length(), m.end() + 60)).replace('\n', ' ') : "";
	}

	private static String head(String body) {
		return body.substring(0, Math.min(body.length(), 120)).replace('\n', ' ');
	}
}
