package dev.tandem.crm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

import dev.tandem.crm.persistence.IdempotencyKeys;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes a creating command safe to repeat: the same key with the same request answers the first
 * result without creating again; the same key with another request is refused. Keys are scoped per
 * organisation and user. Runs inside the command's transaction, so a failed creation frees the key. Other modules
 * (coaching, ...) use it for their creating POSTs too.
 */
@Component
public class Idempotency {

	private final IdempotencyKeys keys;

	Idempotency(IdempotencyKeys keys) {
		this.keys = keys;
	}

	public <T> Outcome<T> once(CurrentUser user, @Nullable String key, Object request, String type, Function<UUID, T> create,
			Function<UUID, T> load) {
		UUID id = Ids.next();
		if (key == null || key.isBlank()) {
			return new Outcome<>(create.apply(id), false);
		}
		String hash = hash(type + ":" + request);
		if (keys.claim(user.orgId(), user.id(), key, hash, type, id)) {
			return new Outcome<>(create.apply(id), false);
		}
		IdempotencyKeys.Claimed claimed = keys.find(user.orgId(), user.id(), key)
			.orElseThrow(() -> new IllegalStateException("Idempotency key vanished: " + key));
		if (!claimed.requestHash().equals(hash) || !claimed.resourceType().equals(type)) {
			throw new IdempotencyConflictException(key);
		}
		return new Outcome<>(load.apply(claimed.resourceId()), true);
	}

	/** Forgets keys after two days (they are promised for one), every hour. */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void purgeOldKeys() {
		keys.purge();
	}

	private static String hash(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The result, and whether it was created earlier under the same key. */
	public record Outcome<T>(T value, boolean replayed) {
	}
}
