package dev.tandem.people.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Tenancy;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests the heavy pages once after start, so that the first person to open them does not wait for what a first
 * request costs (templates parsed, SQL planned and its pages read, code compiled by the JIT, results kept such as the
 * backtest's). The requests go over real HTTP to this node, as an admin and as a team's manager of the largest
 * organisations, each signed in by a secret made for it at start, accepted only from this machine and forgotten when
 * the warm-up ends.
 * <p>
 * The warm-up runs on a thread of its own once the application is ready: readiness does not wait for it, and a person
 * who comes while it runs is served at once, beside it. It asks for one page at a time, so on a machine with two
 * cores it takes at most one of them. A path with {@value #TEAM} is requested for every sales team of the
 * organisation, by its first user only: what makes a team's first dashboard slow is mostly that team's own rows.
 */
@Component
class WarmUp {

	static final String HEADER = "X-Tandem-Warm-Up";
	static final String TEAM = "{team}";
	private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

	private final UserManagement users;
	private final TeamManagement teams;
	private final Settings settings;
	private final Map<String, CurrentUser> secrets = new ConcurrentHashMap<>();
	private final SecureRandom random = new SecureRandom();

	private volatile @Nullable Thread running;

	WarmUp(UserManagement users, TeamManagement teams, Settings settings) {
		this.users = users;
		this.teams = teams;
		this.settings = settings;
	}

	/**
	 * What the warm-up requests ({@code tandem.warm-up.*}).
	 *
	 * @param enabled whether it runs at all (true)
	 * @param organisations how many organisations, the largest first (1: the code and templates are warm for all)
	 * @param paths the pages each of their users requests, redirects followed; one with {@value #TEAM} for every sales team
	 * @param timeout how long the whole warm-up may take, on its own thread after readiness (60 s)
	 */
	@ConfigurationProperties("tandem.warm-up")
	record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("1") int organisations,
			@DefaultValue({ "/", "/pipeline", "/insight", "/insight/overview", "/insight/teams/{team}", "/forecast",
					"/forecast/teams/{team}", "/forecast/backtest", "/goals" }) List<String> paths,
			@DefaultValue("60s") Duration timeout) {
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void warmUp(ApplicationReadyEvent ready) {
		if (settings.enabled() && ready.getApplicationContext() instanceof WebServerApplicationContext web) {
			start(web.getWebServer().getPort(), settings.organisations(), settings.paths());
		}
	}

	/** Starts {@link #run} on a thread of its own and returns at once; the future completes with what it answered. */
	CompletableFuture<Integer> start(int port, int organisations, List<String> paths) {
		CompletableFuture<Integer> done = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			long started = System.nanoTime();
			try {
				int pages = run(port, organisations, paths);
				log.info("Warmed up {} pages in {} ms", pages, (System.nanoTime() - started) / 1_000_000);
				done.complete(pages);
			}
			catch (RuntimeException e) {
				// Nothing depends on the warm-up: the pages are only colder than they could be.
				log.warn("Warm-up stopped after {} ms", (System.nanoTime() - started) / 1_000_000, e);
				done.completeExceptionally(e);
			}
		}, "warm-up");
		thread.setDaemon(true);
		running = thread;
		thread.start();
		return done;
	}

	/** A warm-up still running when the application stops ends with its current request. */
	@PreDestroy
	void stop() {
		Thread thread = running;
		if (thread != null) {
			thread.interrupt();
		}
		secrets.clear();
	}

	/** Requests the paths as the start-up users of the organisations; how many answered 200. */
	int run(int port, int organisations, List<String> paths) {
		long deadline = System.nanoTime() + settings.timeout().toNanos();
		int answered = 0;
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
		Set<UUID> teamsWarmed = new HashSet<>();
		try {
			for (CurrentUser user : users.startUpUsers(organisations)) {
				String secret = secretFor(user);
				List<String> expanded = new ArrayList<>();
				boolean first = teamsWarmed.add(user.orgId());
				for (String path : paths) {
					if (!path.contains(TEAM)) {
						expanded.add(path);
					}
					else if (first) {
						salesTeams(user).forEach(team -> expanded.add(path.replace(TEAM, team.toString())));
					}
				}
				for (String path : expanded) {
					if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
						return answered;
					}
					answered += request(client, port, path, secret) ? 1 : 0;
				}
				secrets.remove(secret);
			}
		}
		finally {
			secrets.clear();
		}
		return answered;
	}

	private List<UUID> salesTeams(CurrentUser user) {
		return Tenancy.runAs(user.orgId(), () -> teams.all(user).stream().filter(t -> t.kind() == TeamKind.SALES).map(Team::id).toList());
	}

	private String secretFor(CurrentUser user) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		secrets.put(secret, user);
		return secret;
	}

	private boolean request(HttpClient client, int port, String path, String secret) {
		try {
			HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header(HEADER, secret).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
			// A request the secret did not sign in ends on the sign-in page, which answers 200 too.
			return response.statusCode() == 200 && !"/login".equals(response.uri().getPath());
		}
		catch (IOException e) {
			log.debug("Warm-up request {} failed", path, e);
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The user a warm-up request acts for: only with a secret of a running warm-up, from this machine. */
	@Nullable CurrentUser userOf(HttpServletRequest request) {
		String secret = request.getHeader(HEADER);
		if (secret == null || secrets.isEmpty() || !isLoopback(request.getRemoteAddr())) {
			return null;
		}
		return secrets.get(secret);
	}

	private static boolean isLoopback(String address) {
		return "127.0.0.1".equals(address) || "0:0:0:0:0:0:0:1".equals(address) || "::1".equals(address);
	}

	/** Signs a warm-up request in for its request only: nothing is kept in a session. */
	static class Filter extends OncePerRequestFilter {

		private final WarmUp warmUp;

		Filter(WarmUp warmUp) {
			this.warmUp = warmUp;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CurrentUser user = warmUp.userOf(request);
			if (user == null) {
				chain.doFilter(request, response);
				return;
			}
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(PasswordAuthenticationProvider.authenticated(user));
			SecurityContextHolder.setContext(context);
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}
	}
}
