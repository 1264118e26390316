package dev.tandem.people.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused because of too many recent failures; says how long to wait.
 */
class TooManyAttemptsException extends AuthenticationException {

	private final Duration retryAfter;

	TooManyAttemptsException(Duration retryAfter) {
		super("Too many failed sign-in attempts");
		this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
	}

	Duration retryAfter() {
		return retryAfter;
	}

	/** Whole minutes to wait, rounded up and at least one. */
	long retryAfterMinutes() {
		return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
	}
}
