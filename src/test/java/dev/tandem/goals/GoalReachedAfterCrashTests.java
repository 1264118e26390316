package dev.tandem.goals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.TandemApplication;
import dev.tandem.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event survives a crash: Tandem is killed (SIGKILL, no shutdown at all) after a win committed and before its
 * {@code DealWon} reached the goals module's listener; on the next start the event publication registry hands it over,
 * and the rep is told that their goal is reached, once. Handed over a second time (its delivery marked incomplete
 * again while Tandem is stopped), it still makes one notice: once in effect.
 * <p>
 * The listener is held at the right moment by the database itself: the test locks the notification table, so the
 * listener waits on its insert, and PostgreSQL shows the waiting lock.
 */
class GoalReachedAfterCrashTests {

	private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on port (\\d+)");
	private static final Pattern DB_PORT = Pattern.compile("Embedded PostgreSQL started in \\d+ ms on port (\\d+)");

	@TempDir Path dataDir;

	@Test
	void aWinWhoseDeliveryACrashInterruptedIsDeliveredAfterTheRestartOnce() throws Exception {
		Tandem first = Tandem.start(dataDir);
		String goalId;
		String dealId;
		try (Connection superuser = first.superuser()) {
			ApiClient admin = first.api("admin@northwind.demo");
			ApiClient rep = first.api("sanne@northwind.demo");
			String sanne = rep.get("/api/v1/me").json().get("id").asString();
			// June 2021: before the demo's history, so Sanne has won nothing in it yet.
			ApiClient.Response goal = admin.post("/api/v1/goals",
					"{\"userId\":\"" + sanne + "\",\"metric\":\"WON_REVENUE\",\"period\":\"2021-06\",\"target\":1000,\"set\":true}");
			assertThat(goal.status()).as(goal.body()).isEqualTo(201);
			goalId = goal.json().get("id").asString();
			dealId = negotiatedDeal(rep);

			superuser.setAutoCommit(false);
			try (Statement lock = superuser.createStatement()) {
				lock.execute("lock table platform_notification in access exclusive mode");
			}
			ApiClient.Response won = rep.post("/api/v1/deals/" + dealId + "/stage", "{\"stageId\":\"" + stage(rep, "WON")
					+ "\",\"version\":" + rep.get("/api/v1/deals/" + dealId).json().get("version").asInt() + ",\"closeDate\":\"2021-06-15\"}");
			assertThat(won.status()).as(won.body()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnNotifications(first.port(DB_PORT)) > 0);

			first.kill();
			superuser.rollback();
		}
		finally {
			first.kill();
		}

		Tandem second = Tandem.start(dataDir);
		try (Connection superuser = second.superuser()) {
			ApiClient rep = second.api("sanne@northwind.demo");
			await().atMost(Duration.ofSeconds(60)).until(() -> notices(rep, goalId) == 1);
			await().atMost(Duration.ofSeconds(30)).until(() -> incomplete(superuser) == 0);

			// Its delivery marked incomplete again, as if the listener's work had committed and the record of it had not:
			// handed over once more on the next start, it adds nothing.
			try (Statement statement = superuser.createStatement()) {
				assertThat(statement.executeUpdate("update event_publication set completion_date = null, status = 'PUBLISHED'"
						+ " where listener_id like '%GoalReachedNotices%' and serialized_event like '%" + dealId + "%'")).isEqualTo(1);
			}
		}
		finally {
			second.stop();
		}

		Tandem third = Tandem.start(dataDir);
		try (Connection superuser = third.superuser()) {
			await().atMost(Duration.ofSeconds(60)).until(() -> incomplete(superuser) == 0);
			assertThat(notices(third.api("sanne@northwind.demo"), goalId)).isEqualTo(1);
		}
		finally {
			third.stop();
		}
	}

	private static String negotiatedDeal(ApiClient rep) {
		ApiClient.Response account = rep.post("/api/v1/accounts", "{\"name\":\"Crash test " + UUID.randomUUID() + "\"}");
		assertThat(account.status()).as(account.body()).isEqualTo(201);
		ApiClient.Response deal = rep.post("/api/v1/deals", "{\"accountId\":\"" + account.json().get("id").asString()
				+ "\",\"title\":\"Crash test deal\",\"amount\":5000,\"closeDate\":\"2021-06-15\",\"stageId\":\""
				+ stage(rep, "NEGOTIATION") + "\"}");
		assertThat(deal.status()).as(deal.body()).isEqualTo(201);
		return deal.json().get("id").asString();
	}

	/** The id of the default pipeline's won stage ({@code WON}) or its last open stage ({@code NEGOTIATION}). */
	private static String stage(ApiClient api, String which) {
		JsonNode pipeline = api.get("/api/v1/pipelines").json().get("items").get(0);
		List<JsonNode> stages = new java.util.ArrayList<>();
		pipeline.get("stages").forEach(stages::add);
		if (which.equals("WON")) {
			return stages.stream().filter(s -> s.get("kind").asString().equals("WON")).findFirst().orElseThrow().get("id").asString();
		}
		return stages.stream().filter(s -> s.get("kind").asString().equals("OPEN")).reduce((a, b) -> b).orElseThrow().get("id").asString();
	}

	private static long notices(ApiClient rep, String goalId) {
		JsonNode items = rep.get("/api/v1/notifications").json().get("items");
		long count = 0;
		for (JsonNode item : items) {
			if (item.get("link").asString().equals("/goals/" + goalId)) {
				count++;
			}
		}
		return count;
	}

	private static long waitingOnNotifications(int dbPort) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres?user=postgres");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"select count(*) from pg_locks where relation = 'platform_notification'::regclass and not granted")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static long incomplete(Connection superuser) throws SQLException {
		try (Statement statement = superuser.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from event_publication where completion_date is null")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Tandem in a process of its own, on the data directory, with the demo organisations; its log kept. */
	private record Tandem(Process process, List<String> log) {

		static Tandem start(Path dataDir) {
			try {
				Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
						System.getProperty("java.class.path"), TandemApplication.class.getName(), "--server.port=0",
						"--tandem.data-dir=" + dataDir, "--tandem.demo.enabled=true", "--logging.file.name=",
						"--spring.jmx.enabled=false", "--spring.main.banner-mode=off")
					.redirectErrorStream(true)
					.start();
				Tandem tandem = new Tandem(process, new CopyOnWriteArrayList<>());
				Thread reader = new Thread(() -> tandem.read());
				reader.setDaemon(true);
				reader.start();
				await().atMost(Duration.ofMinutes(4)).until(() -> !process.isAlive() || tandem.signsIn());
				assertThat(process.isAlive()).as(String.join("\n", tandem.log())).isTrue();
				return tandem;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		int port(Pattern pattern) {
			for (String line : log) {
				Matcher matcher = pattern.matcher(line);
				if (matcher.find()) {
					return Integer.parseInt(matcher.group(1));
				}
			}
			throw new IllegalStateException("not in the log: " + pattern);
		}

		/** Whether the demo is there: the admin gets a token (503 while it is being prepared). */
		boolean signsIn() {
			if (log.stream().noneMatch(l -> HTTP_PORT.matcher(l).find())) {
				return false;
			}
			return ApiClient.anonymous(port(HTTP_PORT)).post("/api/v1/auth/tokens",
					"{\"email\":\"admin@northwind.demo\",\"password\":\"demo\",\"name\":\"crash test\"}").status() == 201;
		}

		ApiClient api(String email) {
			return ApiClient.as(port(HTTP_PORT), email, "demo");
		}

		Connection superuser() throws SQLException {
			return DriverManager.getConnection("jdbc:postgresql://localhost:" + port(DB_PORT) + "/postgres?user=postgres");
		}

		void kill() {
			process.destroyForcibly();
			try {
				process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** SIGTERM, as an operator stops it, and wait until it has. */
		void stop() {
			process.toHandle().destroy();
			try {
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private void read() {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					log.add(line);
				}
			}
			catch (IOException ex) {
				log.add("reading failed: " + ex);
			}
		}
	}
}
