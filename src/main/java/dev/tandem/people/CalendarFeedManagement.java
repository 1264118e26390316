package dev.tandem.people;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.tandem.people.persistence.CalendarFeeds;
import dev.tandem.people.persistence.Users;
import dev.tandem.platform.AuditAction;
import dev.tandem.platform.AuditLog;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.platform.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's personal calendar feed address: a secret shown once when made, stored only as a hash, replaced when made
 * again and gone when revoked. The secret is the only credential of the feed, so whoever has the address reads the
 * calendar until it is revoked.
 */
@Service
public class CalendarFeedManagement {

	static final String PREFIX = "cal_";

	private final CalendarFeeds feeds;
	private final Users users;
	private final Clock clock;
	private final AuditLog audit;

	CalendarFeedManagement(CalendarFeeds feeds, Users users, Clock clock, AuditLog audit) {
		this.feeds = feeds;
		this.users = users;
		this.clock = clock;
		this.audit = audit;
	}

	/** A new secret for the user's feed; the address made before stops working. */
	@Transactional
	public String create(CurrentUser user) {
		String secret = Secrets.generate(PREFIX);
		feeds.replace(user.orgId(), user.id(), Secrets.hash(secret), clock.instant());
		audit.record(user.orgId(), user.id(), user.displayName(), AuditAction.TOKEN_CREATED, "calendar-feed", user.id(), null);
		return secret;
	}

	@Transactional
	public void revoke(CurrentUser user) {
		if (!feeds.delete(user.orgId(), user.id())) {
			throw new RecordNotFoundException("calendar-feed", user.id());
		}
		audit.record(user.orgId(), user.id(), user.displayName(), AuditAction.TOKEN_REVOKED, "calendar-feed", user.id(), null);
	}

	/** When the user's current feed address was made, if they have one. */
	public Optional<Instant> createdAt(CurrentUser user) {
		return feeds.createdAt(user.orgId(), user.id());
	}

	/** The active user whose feed this secret opens. */
	@Transactional
	public Optional<CurrentUser> authenticate(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		// Whose feed it is is known only once it is found; from then on, as its organisation.
		return Tenancy.asSystem(() -> feeds.findActive(Secrets.hash(secret)))
			.flatMap(owner -> Tenancy.runAs(owner.orgId(), () -> users.find(owner.orgId(), owner.userId()).map(CurrentUser::of)));
	}
}
