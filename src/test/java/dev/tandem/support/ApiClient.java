package dev.tandem.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON client of the API: a personal token as bearer, answers parsed to JSON trees.
 */
public class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;
	private final @Nullable String token;
	private final HttpClient client = HttpClient.newHttpClient();
	private String acceptLanguage = "en";

	public ApiClient(int port, @Nullable String token) {
		this.base = "http://localhost:" + port;
		this.token = token;
	}

	public static ApiClient anonymous(int port) {
		return new ApiClient(port, null);
	}

	/** Signs in through {@code POST /api/v1/auth/tokens} and uses the token it answers. */
	public static ApiClient as(int port, String email, String password) {
		Response response = anonymous(port).post("/api/v1/auth/tokens",
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"test\"}");
		if (response.status() != 201) {
			throw new IllegalStateException("Token for " + email + " refused: " + response.status() + " " + response.body());
		}
		return new ApiClient(port, response.json().get("token").asString());
	}

	public ApiClient language(String language) {
		this.acceptLanguage = language;
		return this;
	}

	public @Nullable String token() {
		return token;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/** A POST with one extra header, e.g. {@code Idempotency-Key}. */
	public Response post(String path, String json, String header, String value) {
		return send(request(path).header("Content-Type", "application/json").header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response put(String path, String json) {
		return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response patch(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String path) {
		// No answer within two minutes is a failure, not a test that hangs until the build is killed.
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", acceptLanguage)
			.timeout(java.time.Duration.ofMinutes(2));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Retry-After").orElse(null), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An answer: status, raw body, content type, all headers, and the body as JSON on demand. */
	public record Response(int status, String body, String contentType, @Nullable String retryAfter, HttpHeaders headers) {

		public Response(int status, String body, String contentType, @Nullable String retryAfter) {
			this(status, body, contentType, retryAfter, HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}
	}
}
