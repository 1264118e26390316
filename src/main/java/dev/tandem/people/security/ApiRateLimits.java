package dev.tandem.people.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many API requests one token ({@code tandem.api.rate-limit.per-token}, default 500) and one organisation
 * ({@code .per-organisation}, default 2,000) may make per {@code .window} (default 10 s), refilled evenly over the
 * window, so a burst is fine and a flood from one tenant cannot slow the others. Each application node counts its own.
 */
@ConfigurationProperties("tandem.api.rate-limit")
record ApiRateLimits(@DefaultValue("500") int perToken, @DefaultValue("2000") int perOrganisation,
		@DefaultValue("10s") Duration window) {
}
