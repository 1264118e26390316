package dev.tandem.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.tandem.support.Demo;
import dev.tandem.support.ResponseChecks;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors of the pages are pages: a missing, malformed or foreign id is a 404 inside the normal layout with
 * its navigation, a malformed or unknown query value (an unknown sort among them) a 400 HTML page that says
 * which value and what is allowed.
 */
@TandemIntegrationTest
class PageErrorTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	WebSession sanne;

	@BeforeEach
	void signIn() {
		sanne = WebSession.signedIn(port, Demo.REP, Demo.PASSWORD);
	}

	/** What a browser asks for when it follows a link. */
	private static final Map<String, String> BROWSER = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

	private HttpResponse<String> open(WebSession session, String path) {
		return session.get(path, BROWSER);
	}

	@Test
	void aMalformedMissingOrForeignIdIsANotFoundPageWithNavigation() {
		String zuidwindDeal = jdbc.sql("select d.id::text from crm_deal d join people_organisation o on o.org_id = d.org_id"
				+ " where o.name = 'Zuidwind Demo' limit 1").query(String.class).single();
		for (String path : new String[] { "/deals/does-not-exist", "/deals/" + UUID.randomUUID(), "/deals/" + zuidwindDeal,
				"/accounts/not-an-id", "/nope", "/deals/" + zuidwindDeal + "/nope", "/contacts/" + UUID.randomUUID(), "/leads/not-a-uuid",
				"/insight/people/not-a-uuid", "/insight/teams/" + UUID.randomUUID() }) {
			HttpResponse<String> page = open(sanne, path);
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
			assertThat(page.body()).as(path).contains("<h1>Not found</h1>").contains("class=\"mainnav\"")
				.contains("href=\"/pipeline\"").contains("Sanne Bakker");
		}
		assertThat(open(WebSession.signedIn(port, Demo.OTHER_TENANT_MANAGER, Demo.PASSWORD).language("nl"), "/deals/does-not-exist").body())
			.as("in the language of a Dutch user").contains("<h1>Niet gevonden</h1>");
	}

	@Test
	void aRequestLineTheContainerRefusesIsAnsweredWithTheSecurityHeadersAndNoDetails() {
		for (String target : new String[] { "/%zz", "/deals/%e0%80%af", "/a%00b" }) {
			String answer = raw("GET " + target + " HTTP/1.1");
			String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
			assertThat(head).as(target).startsWith("HTTP/1.1 400");
			Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			head.lines().skip(1).map(line -> line.split(":\\s*", 2))
				.forEach(pair -> headers.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]));
			ResponseChecks.assertSecureHeaders(target, java.net.http.HttpHeaders.of(headers, (name, value) -> true));
			assertThat(answer).as(target).doesNotContain("Tomcat").doesNotContain("Exception").doesNotContain("at org.");
		}
	}

	/** A request written on a socket of its own: HttpClient refuses to send a malformed target. */
	private String raw(String requestLine) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void theErrorPathAskedForDirectlyIsNotFound() {
		HttpResponse<String> page = open(sanne, "/error");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("<h1>Not found</h1>").doesNotContain("999");
		assertThat(new WebSession(port).get("/error").statusCode()).as("signed out").isEqualTo(404);
	}

	@Test
	void aMalformedQueryValueIsABadRequestPageSayingWhatIsAllowed() {
		HttpResponse<String> page = open(sanne, "/deals?closedFrom=2020-13-01");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(page.body()).contains("<h1>This request cannot be handled</h1>").contains("class=\"mainnav\"")
			.contains("closedFrom: &#39;2020-13-01&#39; is not valid here: expected a date as YYYY-MM-DD, e.g. 2026-01-31");
	}

	@Test
	void anUnknownSortIsABadRequestNamingTheAllowedOrders() {
		assertThat(open(sanne, "/deals?sort=-amount").statusCode()).isEqualTo(200);
		HttpResponse<String> deals = open(sanne, "/deals?sort=size");
		assertThat(deals.statusCode()).isEqualTo(400);
		assertThat(deals.body()).contains(
				"sort: &#39;size&#39; is not valid here: expected one of -amount, -closeDate, -updated, amount, closeDate, id, title");
		HttpResponse<String> contacts = open(sanne, "/contacts?sort=phone&format=csv");
		assertThat(contacts.statusCode()).isEqualTo(400);
		assertThat(contacts.body()).contains("expected one of -name, account, id, name");
		assertThat(open(sanne, "/accounts?sort=-name").statusCode()).isEqualTo(200);
		assertThat(open(sanne, "/accounts?sort=nme").body()).contains("expected one of -name, -updated, id, name");
	}
}
