package dev.tandem.people;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.tandem.TandemApplication;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a first start the web server is up while the demo organisation is still being generated: a sign-in
 * then is told to try again in a few seconds (503 for the API), never that the password is wrong, and the
 * login throttle does not count it. Once the demo exists, the same sign-in works.
 */
class SignInWhilePreparingTests {

	@TempDir Path dataDir;

	@Test
	void aSignInWhileTheDemoIsGeneratedIsAskedToWaitAndNotCountedAsFailed() throws Exception {
		int port = freePort();
		CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() -> SpringApplication.run(
				TandemApplication.class, "--server.port=" + port, "--tandem.data-dir=" + dataDir, "--tandem.demo.enabled=true",
				"--logging.file.name=", "--spring.jmx.enabled=false"));
		try {
			WebSession web = new WebSession(port);
			await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> web.get("/login").statusCode() == 200 || starting.isDone());
			assertThat(starting).as("the demo takes longer than the server's start").isNotDone();

			ApiClient.Response token = ApiClient.anonymous(port).post("/api/v1/auth/tokens",
					"{\"email\":\"" + Demo.MANAGER + "\",\"password\":\"" + Demo.PASSWORD + "\",\"name\":\"early\"}");
			HttpResponse<String> form = web.login(Demo.MANAGER, Demo.PASSWORD);
			assertThat(starting).as("still preparing while both were asked").isNotDone();

			assertThat(token.status()).isEqualTo(503);
			assertThat(token.contentType()).startsWith("application/problem+json");
			assertThat(token.retryAfter()).isEqualTo("5");
			assertThat(token.json().get("detail").asString())
				.isEqualTo("Tandem is preparing its demo organisation, try again in a few seconds.");
			assertThat(form.statusCode()).isEqualTo(302);
			assertThat(form.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?preparing"));
			assertThat(web.get("/login?preparing").body()).contains("Tandem is preparing its demo organisation, try again in a few seconds.")
				.doesNotContain("E-mail or password is incorrect");

			ConfigurableApplicationContext context = starting.get(5, TimeUnit.MINUTES);
			assertThat(context.getBean(JdbcClient.class).sql("select count(*) from people_login_failure").query(Long.class).single())
				.as("not counted as failed sign-ins").isZero();
			assertThat(ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD).token()).isNotBlank();
			assertThat(WebSession.signedIn(port, Demo.MANAGER, Demo.PASSWORD)).isNotNull();
		}
		finally {
			starting.thenAccept(ConfigurableApplicationContext::close).get(5, TimeUnit.MINUTES);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
