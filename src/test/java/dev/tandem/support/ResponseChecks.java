package dev.tandem.support;

import java.net.http.HttpHeaders;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every answer of Tandem carries, errors included: the security headers, session cookies a script cannot read
 * or another site send, and a body without password or token hashes, secrets or a stack trace.
 */
public final class ResponseChecks {

	/** Text that only a hash, a secret's column or a stack trace would put in a body. */
	private static final List<String> MARKERS = List.of("$argon2", "$2a$", "$2b$", "$2y$", "password_hash", "passwordHash",
			"token_hash", "tokenHash", "at dev.tandem.", "Exception:", "\tat ", "Caused by:");

	/** A fully qualified exception or error class, e.g. {@code java.lang.IllegalStateException}. */
	private static final Pattern EXCEPTION_CLASS = Pattern
		.compile("\\b(?:java|javax|jakarta|org|dev|tools|com|io)(?:\\.[a-z_][\\w$]*)+\\.[A-Z][\\w$]*(?:Exception|Error)\\b");

	/** A version number in a product token: {@code Apache-Coyote/1.1}, {@code Tomcat/11.0.7}. */
	private static final Pattern VERSION = Pattern.compile("/\\s*\\d");

	private ResponseChecks() {
	}

	/**
	 * The headers of any answer: no sniffing, no framing, no referrer beyond the origin, no caching, no product
	 * version; a page has a content security policy; every cookie is {@code HttpOnly} and {@code SameSite}.
	 */
	public static void assertSecureHeaders(String what, HttpHeaders headers) {
		assertThat(headers.firstValue("X-Content-Type-Options")).as(what + ": X-Content-Type-Options").hasValue("nosniff");
		String csp = headers.firstValue("Content-Security-Policy").orElse("");
		String frames = headers.firstValue("X-Frame-Options").orElse("");
		assertThat(frames.equalsIgnoreCase("DENY") || frames.equalsIgnoreCase("SAMEORIGIN") || csp.contains("frame-ancestors"))
			.as(what + ": a frame policy (X-Frame-Options or frame-ancestors)").isTrue();
		assertThat(headers.firstValue("Referrer-Policy")).as(what + ": Referrer-Policy").isPresent();
		assertThat(headers.firstValue("Cache-Control").orElse("")).as(what + ": Cache-Control").contains("no-store");
		headers.firstValue("Server").ifPresent(server -> assertThat(VERSION.matcher(server).find())
			.as(what + ": Server header without a version, was " + server).isFalse());
		assertThat(headers.firstValue("X-Powered-By")).as(what + ": X-Powered-By").isEmpty();
		if (headers.firstValue("Content-Type").orElse("").startsWith("text/html")) {
			assertThat(csp).as(what + ": Content-Security-Policy of a page").contains("frame-ancestors");
		}
		for (String cookie : headers.allValues("Set-Cookie")) {
			String flags = cookie.toLowerCase(Locale.ROOT);
			assertThat(flags).as(what + ": cookie " + cookie).contains("; httponly").contains("; samesite=");
		}
	}

	/** A body shows no hash, no internal column name, none of the given secret values and no stack trace. */
	public static void assertNoLeak(String what, String body, Collection<String> secrets) {
		for (String marker : MARKERS) {
			assertThat(body).as(what + ": body shows " + marker.strip()).doesNotContain(marker);
		}
		Matcher exception = EXCEPTION_CLASS.matcher(body);
		boolean named = exception.find();
		assertThat(named).as(what + ": body names an exception class: " + (named ? excerpt(body, exception) : "")).isFalse();
		for (String secret : secrets) {
			assertThat(body).as(what + ": body shows a stored secret").doesNotContain(secret);
		}
	}

	private static String excerpt(String body, Matcher match) {
		return body.substring(Math.max(0, match.start() - 80), Math.min(body.length(), match.end() + 80));
	}
}
