package dev.tandem.people;

import dev.tandem.platform.AuditAction;
import dev.tandem.platform.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.people.persistence.ApiTokens;
import dev.tandem.people.persistence.Users;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.platform.Tenancy;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: shown once when created, stored only as a hash, revocable at any time, and lasting until
 * revoked or until the expiry chosen when created.
 */
@Service
public class ApiTokenManagement {

	static final String PREFIX = "tdm_";
	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
	private static final Duration LONGEST_EXPIRY = Duration.ofDays(3650);

	private final ApiTokens tokens;
	private final Users users;
	private final Clock clock;
	private final AuditLog audit;

	ApiTokenManagement(ApiTokens tokens, Users users, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.tokens = tokens;
		this.users = users;
		this.clock = clock;
	}

	/** A new token of the user; it expires at {@code expiresAt}, within ten years, or without it lasts until revoked. */
	@Transactional
	public CreatedToken create(CurrentUser user, String name, @Nullable Instant expiresAt) {
		List<FieldProblem> problems = new ArrayList<>();
		if (name.isBlank() || name.length() > 100) {
			problems.add(new FieldProblem("name", "validation.token.name"));
		}
		Instant now = clock.instant();
		if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST_EXPIRY)))) {
			problems.add(new FieldProblem("expiresAt", "validation.token.expiry"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String secret = Secrets.generate(PREFIX);
		UUID id = Ids.next();
		tokens.insert(user.orgId(), id, user.id(), name.trim(), Secrets.hash(secret), secret.substring(0, PREFIX.length() + 4),
				now, expiresAt);
		audit.record(user.orgId(), user.id(), user.displayName(), AuditAction.TOKEN_CREATED, "token", id, name.trim());
		return new CreatedToken(id, secret);
	}

	/** The user's tokens, newest first, revoked ones last. */
	public List<ApiToken> list(CurrentUser user) {
		return tokens.ofUser(user.orgId(), user.id());
	}

	@Transactional
	public void revoke(CurrentUser user, UUID id) {
		if (!tokens.revoke(user.orgId(), user.id(), id, clock.instant())) {
			throw new RecordNotFoundException("token", id);
		}
		audit.record(user.orgId(), user.id(), user.displayName(), AuditAction.TOKEN_REVOKED, "token", id, null);
	}

	/** The user a bearer token stands for, if it is neither revoked nor expired and its user is active. */
	@Transactional
	public Optional<CurrentUser> authenticate(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		// Across organisations: whose token it is is known only once it is found; then as its organisation.
		return Tenancy.asSystem(() -> tokens.findActive(Secrets.hash(secret), now)).flatMap(owner -> Tenancy.runAs(owner.orgId(), () -> {
			// Recording every use would turn each API read into a write; once a minute is enough to see activity.
			if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
				tokens.touch(owner.orgId(), owner.tokenId(), now);
			}
			return users.find(owner.orgId(), owner.userId()).map(CurrentUser::of);
		}));
	}

	/** A new token; {@code token} is the secret, shown to its owner this once. */
	public record CreatedToken(UUID id, String token) {
	}
}
