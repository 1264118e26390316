package dev.tandem.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tandem.people.CurrentUser;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.WebSession;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Someone the walkers call as: anonymous, or a user of an organisation with an API token and a signed-in web session.
 * Every walker of one running application uses the same callers, so each signs in once.
 */
record Caller(String name, @Nullable CurrentUser user, @Nullable String token, WebSession web) {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
	private static final Map<Integer, List<Caller>> SIGNED_IN = new ConcurrentHashMap<>();

	/** Anonymous, each role of Northwind, and a manager and the admin of Zuidwind, the other organisation. */
	static List<Caller> all(int port, JdbcClient jdbc) {
		return SIGNED_IN.computeIfAbsent(port, p -> {
			Map<String, String> emails = new LinkedHashMap<>();
			emails.put("REP", Demo.REP);
			emails.put("MANAGER", Demo.MANAGER);
			emails.put("EXECUTIVE", Demo.EXECUTIVE);
			emails.put("ADMIN", Demo.ADMIN);
			emails.put("PARTNER", "kim@northwind.demo");
			emails.put("OTHER_MANAGER", Demo.OTHER_TENANT_MANAGER);
			emails.put("OTHER_ADMIN", Demo.OTHER_TENANT_ADMIN);
			List<Caller> callers = new java.util.ArrayList<>();
			callers.add(new Caller("ANONYMOUS", null, null, new WebSession(p)));
			emails.forEach((name, email) -> callers.add(new Caller(name, Demo.user(jdbc, email),
					ApiClient.as(p, email, Demo.PASSWORD).token(), WebSession.signedIn(p, email, Demo.PASSWORD))));
			return List.copyOf(callers);
		});
	}

	boolean anonymous() {
		return user == null;
	}

	/** An answer with what the checks need, and how long it took. */
	record Answer(int status, java.net.http.HttpHeaders headers, String body, long millis) {

		String contentType() {
			return headers.firstValue("Content-Type").orElse("");
		}
	}

	/** A request to the API with this caller's token (none for anonymous). */
	Answer api(int port, String method, String path, @Nullable String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept-Language", "en").header("Accept", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers(), response.body(), (System.nanoTime() - start) / 1_000_000);
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Uploads a file as multipart form data to the API, as an import does. */
	Answer upload(int port, String path, String fileName, byte[] content) {
		String boundary = "----walker" + java.util.UUID.randomUUID();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(dev.tandem.support.Multipart.file(boundary, fileName, content))).build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers(), response.body(), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A request to a page with this caller's session, as a browser sends it; writes carry no CSRF token. */
	Answer page(String method, String path, Map<String, String> headers) {
		Map<String, String> all = new LinkedHashMap<>(Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
		all.putAll(headers);
		String body = "";
		if (!method.equals("GET")) {
			all.put("Content-Type", "application/x-www-form-urlencoded");
			body = "walker=1";
		}
		long start = System.nanoTime();
		HttpResponse<String> response = web.send(method, path, all, body);
		return new Answer(response.statusCode(), response.headers(), response.body(), (System.nanoTime() - start) / 1_000_000);
	}
}
