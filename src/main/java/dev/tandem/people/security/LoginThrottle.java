package dev.tandem.people.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import dev.tandem.people.persistence.LoginFailures;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failed sign-ins for one account, or from one
 * client address, within a window, further attempts are refused until the window has passed.
 * Unknown accounts are counted like known ones, so the answer reveals nothing about which exist.
 */
@Component
class LoginThrottle {

	private final LoginFailures failures;
	private final Settings settings;
	private final Clock clock;

	LoginThrottle(LoginFailures failures, Settings settings, Clock clock) {
		this.failures = failures;
		this.settings = settings;
		this.clock = clock;
	}

	/** Refuses the attempt if the account or the address is over its limit. */
	void check(String email, String address) {
		Instant now = clock.instant();
		Instant since = now.minus(settings.window());
		LoginFailures.Window account = failures.since(accountKey(email), since);
		LoginFailures.Window client = failures.since(addressKey(address), since);
		Instant retryAt = null;
		if (account.count() >= settings.perAccount()) {
			retryAt = account.retryAt(settings.window());
		}
		if (client.count() >= settings.perAddress()) {
			Instant clientRetry = client.retryAt(settings.window());
			retryAt = retryAt == null || clientRetry.isAfter(retryAt) ? clientRetry : retryAt;
		}
		if (retryAt != null) {
			throw new TooManyAttemptsException(Duration.between(now, retryAt));
		}
	}

	void failed(String email, String address) {
		Instant now = clock.instant();
		failures.record(accountKey(email), now);
		failures.record(addressKey(address), now);
		failures.purgeOlderThan(now.minus(settings.window().multipliedBy(2)));
	}

	void succeeded(String email) {
		failures.clear(accountKey(email));
	}

	private static String accountKey(String email) {
		return "account:" + email.trim().toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	/** Limits of the throttle ({@code tandem.login-throttle.*}). */
	@ConfigurationProperties("tandem.login-throttle")
	record Settings(@DefaultValue("5") int perAccount, @DefaultValue("50") int perAddress,
			@DefaultValue("15m") Duration window) {
	}
}
