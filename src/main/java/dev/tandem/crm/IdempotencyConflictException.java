package dev.tandem.crm;

/**
 * An {@code Idempotency-Key} reused with a different request body; answered 422.
 */
public class IdempotencyConflictException extends RuntimeException {

	private final String key;

	public IdempotencyConflictException(String key) {
		super("Idempotency-Key " + key + " was used before with another request");
		this.key = key;
	}

	public String key() {
		return key;
	}
}
