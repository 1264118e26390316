package dev.tandem.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session against a running Tandem: keeps cookies, does not follow redirects
 * (so tests see them), and reads the CSRF token from the pages like a form would.
 */
public class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final CookieManager cookies = new CookieManager();
	private final HttpClient client;
	private String acceptLanguage = "en";

	public WebSession(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	public static WebSession signedIn(int port, String email, String password) {
		WebSession session = new WebSession(port);
		HttpResponse<String> response = session.login(email, password);
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("/login")) {
			throw new IllegalStateException("Sign-in of " + email + " failed: " + response.statusCode() + " " + location);
		}
		return session;
	}

	public WebSession language(String language) {
		this.acceptLanguage = language;
		return this;
	}

	public HttpResponse<String> login(String email, String password) {
		String token = csrfFrom(get("/login").body());
		return postForm("/login", Map.of("username", email, "password", password, "_csrf", token));
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/** Opens a server-sent-events stream with this session, read in the background. */
	public EventStream events(String path) {
		return new EventStream(client, request(path).header("Accept", "text/event-stream").GET().build());
	}

	public HttpResponse<String> get(String path, Map<String, String> headers) {
		HttpRequest.Builder builder = request(path).GET();
		headers.forEach(builder::header);
		return send(builder.build());
	}

	/** Posts a form with a valid CSRF token taken from a page of this session. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		return post(path, fields, Map.of());
	}

	/** Posts a form with a valid CSRF token and extra headers, e.g. {@code HX-Request} as htmx sends it. */
	public HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers) {
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", csrf());
		return postForm(path, withToken, headers);
	}

	/** Posts a form exactly as given: no CSRF token unless the caller adds one. */
	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		return postForm(path, fields, Map.of());
	}

	private HttpResponse<String> postForm(String path, Map<String, String> fields, Map<String, String> headers) {
		String body = fields.entrySet().stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(builder::header);
		return send(builder.build());
	}

	/** Posts a form whose fields repeat (e.g. several {@code teamIds}). */
	public HttpResponse<String> postMulti(String path, Map<String, java.util.List<String>> fields) {
		StringBuilder body = new StringBuilder("_csrf=" + enc(csrf()));
		fields.forEach((k, values) -> values.forEach(v -> body.append('&').append(enc(k)).append('=').append(enc(v))));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
	}

	/** Any request as this session, exactly as given: no CSRF token unless the caller adds one. */
	public HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
		HttpRequest.Builder builder = request(path).method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(builder::header);
		return send(builder.build());
	}

	public String csrf() {
		HttpResponse<String> page = get("/login");
		Matcher matcher = CSRF.matcher(page.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		return matcher.group(1);
	}

	public String cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(c -> c.getValue()).findFirst().orElse(null);
	}

	public static String csrfFrom(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token in page");
		}
		return matcher.group(1);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", acceptLanguage);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
