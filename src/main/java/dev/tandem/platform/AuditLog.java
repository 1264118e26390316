package dev.tandem.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only record of what was done to an organisation and by whom: sign-ins, denials, role and active
 * changes, API tokens, exports, imports, changes to deals, and what goes into the recycle bin, comes back from it or
 * is purged from it. An entry is written in the transaction of what it records, so an action that is rolled back
 * leaves no entry; sign-ins and denials have no transaction of their own.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records that {@code actor} did {@code action} to the target; {@code orgId} is null for an unknown account. */
	public void record(@Nullable UUID orgId, @Nullable UUID actorId, String actor, AuditAction action, @Nullable String targetType,
			@Nullable Object targetId, @Nullable String detail) {
		jdbc.sql("""
				insert into platform_audit_event (id, org_id, occurred_at, actor_id, actor, action, target_type, target_id, detail, client_address)
				values (:id, :org, :at, :actorId, :actor, :action, :targetType, :targetId, :detail, :address)
				""")
			.param("id", Ids.next()).param("org", orgId).param("at", Timestamp.from(clock.instant())).param("actorId", actorId)
			.param("actor", actor).param("action", action.name()).param("targetType", targetType)
			.param("targetId", targetId == null ? null : targetId.toString()).param("detail", detail).param("address", clientAddress())
			.update();
	}

	/** A page of an organisation's entries, newest first, of one action or all. */
	public Listing<Entry> list(UUID orgId, @Nullable AuditAction action, ListRequest request) {
		String filter = " where org_id = :org and (cast(:action as text) is null or action = :action)";
		List<Entry> rows = jdbc.sql("select * from platform_audit_event" + filter
				+ " and (cast(:after as uuid) is null or id < :after) order by id desc limit :limit")
			.param("org", orgId).param("action", action == null ? null : action.name()).param("after", request.after())
			.param("limit", request.fetchSize())
			.query(AuditLog::map).list();
		long total = jdbc.sql("select count(*) from platform_audit_event" + filter)
			.param("org", orgId).param("action", action == null ? null : action.name()).query(Long.class).single();
		return Listing.of(rows, total, request, Entry::id);
	}

	private static @Nullable String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static Entry map(ResultSet rs, int n) throws SQLException {
		return new Entry(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(), rs.getObject("actor_id", UUID.class),
				rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("target_type"), rs.getString("target_id"),
				rs.getString("detail"), rs.getString("client_address"));
	}

	/** One entry of the audit log; {@code at} is UTC. */
	public record Entry(UUID id, Instant at, @Nullable UUID actorId, String actor, AuditAction action, @Nullable String targetType,
			@Nullable String targetId, @Nullable String detail, @Nullable String clientAddress) {
	}
}
