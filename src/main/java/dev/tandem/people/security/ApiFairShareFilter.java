package dev.tandem.people.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import dev.tandem.people.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs the signed-in API requests of all organisations through a {@link FairShare}: at most
 * {@code tandem.api.fair-share.slots} at a time (default twice the processors), the rest waiting their organisation's
 * turn. The rate limits ({@link ApiRateLimitFilter}) bound how much one organisation may ask for in a window; this
 * bounds how much of the machine its requests may hold at once when others are waiting, so a flood within the limits
 * still leaves another organisation's requests their turn. A request that waits longer than
 * {@code .queue-timeout} (default 10 s) is answered 503 with {@code Retry-After}, having done nothing.
 */
@Component
@EnableConfigurationProperties(ApiFairShareFilter.Settings.class)
class ApiFairShareFilter extends OncePerRequestFilter {

	private final FairShare share;
	private final Settings settings;
	private final ProblemResponses problems;

	ApiFairShareFilter(Settings settings, ProblemResponses problems) {
		this.settings = settings;
		this.problems = problems;
		this.share = new FairShare(settings.slots() > 0 ? settings.slots() : 2 * Runtime.getRuntime().availableProcessors());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
			chain.doFilter(request, response);
			return;
		}
		boolean admitted;
		try {
			admitted = share.acquire(user.orgId(), settings.queueTimeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		if (!admitted) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.busy", Map.of("retryAfterSeconds", 1));
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			share.release();
		}
	}

	/**
	 * How many signed-in API requests run at once ({@code slots}; 0, the default, means twice the processors) and how
	 * long one waits for its turn before it is answered 503 ({@code queue-timeout}).
	 */
	@ConfigurationProperties("tandem.api.fair-share")
	record Settings(@DefaultValue("0") int slots, @DefaultValue("10s") Duration queueTimeout) {
	}
}
