package dev.tandem.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A write based on a version of a record that someone else has changed since; answered with 409 and
 * who changed it, so the user can reload and decide.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConcurrentEditException extends RuntimeException {

	private final @Nullable String changedBy;
	private final @Nullable Instant changedAt;

	public ConcurrentEditException(String what, @Nullable String changedBy, @Nullable Instant changedAt) {
		super(what + " was changed by " + changedBy + " at " + changedAt);
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	public @Nullable String changedBy() {
		return changedBy;
	}

	public @Nullable Instant changedAt() {
		return changedAt;
	}
}
