package dev.tandem.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forged {@code Host} header never reaches a redirect: the way to the sign-in page and the way back after it are
 * relative. Requests are written on a plain socket, since an HTTP client library sets the header itself.
 */
@TandemIntegrationTest
class HostHeaderTests {

	private static final String FORGED = "evil.example";
	private static final Pattern SESSION = Pattern.compile("TANDEM_SESSION=([^;]+)");

	@LocalServerPort int port;

	@Test
	void theWayToSignInIsRelative() throws IOException {
		Raw answer = send("GET /deals HTTP/1.1", null, null);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).isEqualTo("/login");
	}

	@Test
	void theWayBackAfterSignInIsRelative() throws IOException {
		Raw asked = send("GET /deals HTTP/1.1", null, null);
		String session = asked.cookie();
		Raw form = send("GET /login HTTP/1.1", session, null);
		String csrf = WebSession.csrfFrom(form.body());
		String body = "username=" + URLEncoder.encode(Demo.REP, StandardCharsets.UTF_8) + "&password=" + Demo.PASSWORD + "&_csrf="
				+ URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		Raw signedIn = send("POST /login HTTP/1.1", session, body);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).isEqualTo("/deals");
	}

	private Raw send(String requestLine, String session, String form) throws IOException {
		StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: ").append(FORGED).append("\r\nConnection: close\r\n");
		if (session != null) {
			request.append("Cookie: TANDEM_SESSION=").append(session).append("\r\n");
		}
		byte[] payload = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
		if (form != null) {
			request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(payload.length).append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.write(payload);
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int end = response.indexOf("\r\n\r\n");
			List<String> lines = new ArrayList<>(List.of(response.substring(0, end).split("\r\n")));
			int status = Integer.parseInt(lines.remove(0).split(" ")[1]);
			return new Raw(status, lines, response.substring(end + 4), session);
		}
	}

	private record Raw(int status, List<String> headers, String body, String sessionSent) {

		String header(String name) {
			return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map(h -> h.substring(name.length() + 1).trim()).findFirst().orElse(null);
		}

		String cookie() {
			for (String h : headers) {
				Matcher m = SESSION.matcher(h);
				if (h.regionMatches(true, 0, "Set-Cookie:", 0, 11) && m.find()) {
					return m.group(1);
				}
			}
			return sessionSent;
		}
	}
}
