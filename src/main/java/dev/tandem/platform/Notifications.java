package dev.tandem.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification centre: notices for one person about what happened that they would want to know, made by the
 * module that knows (a goal reached, ...), read in the bell of the top bar, on {@code /notifications} and through
 * {@code GET /api/v1/notifications}.
 * <p>
 * A notice is made at most once per {@link Notice#key() key} and recipient, so a listener that runs again for an
 * event it already handled (redelivered after a crash, retried after a failure) adds nothing: once in effect. Its
 * text is written in the recipient's language when it is made. Every change announces itself on the live channel
 * (kind {@code notification}), so an open page can show a new notice at once.
 * <p>
 * Each person chooses which {@link NotificationKind kinds} they get; a notice of a kind they turned off is not made.
 */
@Component
public class Notifications {

	private static final Pattern LINK = Pattern.compile("/[A-Za-z0-9][A-Za-z0-9/_\\-?=&.%#]*");

	private final JdbcClient jdbc;
	private final Clock clock;
	private final LiveUpdates live;
	private final ObjectProvider<NotificationKind> kinds;

	Notifications(JdbcClient jdbc, Clock clock, LiveUpdates live, ObjectProvider<NotificationKind> kinds) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.live = live;
		this.kinds = kinds;
	}

	/** Every kind the modules declared, in their order. */
	public List<NotificationKind> kinds() {
		return kinds.stream().sorted(Comparator.comparingInt(NotificationKind::position).thenComparing(NotificationKind::key)).toList();
	}

	/** Whether the person gets notices of this kind: their choice, else the kind's default (on for an undeclared kind). */
	public boolean wants(UUID orgId, UUID recipientId, String kind) {
		return jdbc.sql("select enabled from platform_notification_setting where org_id = :org and user_id = :user and kind = :kind")
			.param("org", orgId).param("user", recipientId).param("kind", kind).query(Boolean.class).optional()
			.orElseGet(() -> kinds().stream().filter(k -> k.key().equals(kind)).findFirst().map(NotificationKind::enabledByDefault)
				.orElse(true));
	}

	/** Each declared kind with whether the person gets it. */
	public List<Choice> choices(UUID orgId, UUID userId) {
		Map<String, Boolean> chosen = new HashMap<>();
		jdbc.sql("select kind, enabled from platform_notification_setting where org_id = :org and user_id = :user")
			.param("org", orgId).param("user", userId)
			.query((rs, n) -> chosen.put(rs.getString("kind"), rs.getBoolean("enabled"))).list();
		return kinds().stream().map(k -> new Choice(k, chosen.getOrDefault(k.key(), k.enabledByDefault()))).toList();
	}

	/** Sets which declared kinds the person gets: those in {@code enabled}, none of the others. */
	@Transactional
	public void choose(UUID orgId, UUID userId, Collection<String> enabled) {
		for (NotificationKind kind : kinds()) {
			jdbc.sql("""
					insert into platform_notification_setting (org_id, user_id, kind, enabled) values (:org, :user, :kind, :on)
					on conflict (org_id, user_id, kind) do update set enabled = excluded.enabled
					""")
				.param("org", orgId).param("user", userId).param("kind", kind.key()).param("on", enabled.contains(kind.key())).update();
		}
	}

	/** Makes the notice unless the recipient already has one with its key; answers whether it was made. */
	@Transactional
	public boolean notify(UUID orgId, UUID recipientId, Notice notice) {
		if (notice.link() != null && !LINK.matcher(notice.link()).matches()) {
			throw new IllegalArgumentException("a notice links to a path inside Tandem: " + notice.link());
		}
		if (!wants(orgId, recipientId, notice.kind())) {
			return false;
		}
		int made = jdbc.sql("""
				insert into platform_notification (org_id, id, user_id, kind, notice_key, title, body, link, created_at)
				values (:org, :id, :recipient, :kind, :key, :title, :body, :link, :at)
				on conflict (org_id, user_id, notice_key) do nothing
				""")
			.param("org", orgId).param("id", Ids.next()).param("recipient", recipientId).param("kind", notice.kind())
			.param("key", notice.key()).param("title", notice.title()).param("body", notice.body()).param("link", notice.link())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		if (made > 0) {
			live.changed(orgId, "notification", List.of(recipientId), List.of());
		}
		return made > 0;
	}

	/** A page of the person's notices, newest first. */
	public Listing<Entry> list(UUID orgId, UUID recipientId, boolean unreadOnly, ListRequest request) {
		String filter = " where org_id = :org and user_id = :recipient and (not :unread or read_at is null)";
		List<Entry> rows = jdbc.sql("select * from platform_notification" + filter
				+ " and (cast(:after as uuid) is null or id < :after) order by id desc limit :limit")
			.param("org", orgId).param("recipient", recipientId).param("unread", unreadOnly).param("after", request.after())
			.param("limit", request.fetchSize())
			.query(Notifications::map).list();
		long total = jdbc.sql("select count(*) from platform_notification" + filter)
			.param("org", orgId).param("recipient", recipientId).param("unread", unreadOnly).query(Long.class).single();
		return Listing.of(rows, total, request, Entry::id);
	}

	/** How many notices the person has not read yet. */
	public long unread(UUID orgId, UUID recipientId) {
		return jdbc.sql("select count(*) from platform_notification where org_id = :org and user_id = :recipient and read_at is null")
			.param("org", orgId).param("recipient", recipientId).query(Long.class).single();
	}

	/** Marks one of the person's notices read; answers it, or nothing if they have no such notice. */
	@Transactional
	public Optional<Entry> read(UUID orgId, UUID recipientId, UUID id) {
		Optional<Entry> entry = jdbc.sql("""
				update platform_notification set read_at = coalesce(read_at, :at)
				 where org_id = :org and user_id = :recipient and id = :id
				returning *
				""")
			.param("org", orgId).param("recipient", recipientId).param("id", id).param("at", Timestamp.from(clock.instant()))
			.query(Notifications::map).optional();
		entry.ifPresent(e -> live.changed(orgId, "notification", List.of(recipientId), List.of()));
		return entry;
	}

	/** Marks all of the person's notices read; answers how many were unread. */
	@Transactional
	public int readAll(UUID orgId, UUID recipientId) {
		int read = jdbc.sql("""
				update platform_notification set read_at = :at
				 where org_id = :org and user_id = :recipient and read_at is null
				""")
			.param("org", orgId).param("recipient", recipientId).param("at", Timestamp.from(clock.instant())).update();
		if (read > 0) {
			live.changed(orgId, "notification", List.of(recipientId), List.of());
		}
		return read;
	}

	private static Entry map(ResultSet rs, int n) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new Entry(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
				rs.getString("link"), rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
	}

	/**
	 * What to tell someone: {@code kind} says what it is about (e.g. {@code goal-reached}), {@code key} makes it once
	 * per recipient (e.g. {@code goal-reached:<goal id>}), {@code link} is a path inside Tandem or null.
	 */
	public record Notice(String kind, String key, String title, @Nullable String body, @Nullable String link) {
	}

	/** A kind of notice and whether one person gets it. */
	public record Choice(NotificationKind kind, boolean enabled) {
	}

	/** A notice as its recipient sees it. */
	public record Entry(UUID id, String kind, String title, @Nullable String body, @Nullable String link, Instant createdAt,
			@Nullable Instant readAt) {

		public boolean isRead() {
			return readAt != null;
		}
	}
}
