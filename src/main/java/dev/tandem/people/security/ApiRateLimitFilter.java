package dev.tandem.people.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.tandem.people.CurrentUser;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every signed-in API request against its token's and its organisation's bucket ({@link ApiRateLimits});
 * past either, the answer is 429 with {@code Retry-After} and nothing runs. Buckets idle for a while are dropped.
 */
@Component
@EnableConfigurationProperties(ApiRateLimits.class)
class ApiRateLimitFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiRateLimits limits;
	private final ProblemResponses problems;
	private final Map<String, Tracked> tokens = new ConcurrentHashMap<>();
	private final Map<String, Tracked> organisations = new ConcurrentHashMap<>();

	ApiRateLimitFilter(ApiRateLimits limits, ProblemResponses problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user) || header == null
				|| !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		ConsumptionProbe token = bucket(tokens, fingerprint(header.substring(BEARER.length()).trim()), limits.perToken()).tryConsume();
		ConsumptionProbe organisation = token.isConsumed()
				? bucket(organisations, user.orgId().toString(), limits.perOrganisation()).tryConsume() : null;
		if (!token.isConsumed() || !organisation.isConsumed()) {
			ConsumptionProbe refused = token.isConsumed() ? organisation : token;
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(refused.getNanosToWaitForRefill() + 999_999_999L));
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					token.isConsumed() ? "problem.rate-limited.organisation" : "problem.rate-limited.token",
					Map.of("retryAfterSeconds", seconds));
			return;
		}
		chain.doFilter(request, response);
	}

	private Tracked bucket(Map<String, Tracked> buckets, String key, int capacity) {
		Tracked tracked = buckets.computeIfAbsent(key, k -> new Tracked(Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, limits.window()).build()).build()));
		tracked.lastUsed = System.nanoTime();
		return tracked;
	}

	/** Drops buckets unused for ten windows: a full bucket is what a new one would be anyway. */
	@Scheduled(fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
	void forgetIdle() {
		long idle = System.nanoTime() - limits.window().multipliedBy(10).toNanos();
		tokens.values().removeIf(t -> t.lastUsed < idle);
		organisations.values().removeIf(t -> t.lastUsed < idle);
	}

	/** A token's secret is not kept in memory as it is, only its digest. */
	private static String fingerprint(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class Tracked {

		private final Bucket bucket;
		private volatile long lastUsed;

		Tracked(Bucket bucket) {
			this.bucket = bucket;
		}

		ConsumptionProbe tryConsume() {
			return bucket.tryConsumeAndReturnRemaining(1);
		}
	}
}
