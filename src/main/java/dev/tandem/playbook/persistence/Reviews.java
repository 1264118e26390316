package dev.tandem.playbook.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When an admin last confirmed the organisation's playbook. */
@Repository
public class Reviews {

	private final JdbcClient jdbc;

	Reviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(UUID orgId, UUID userId, Instant at) {
		jdbc.sql("""
				insert into playbook_review (org_id, reviewed_at, reviewed_by) values (:org, :at, :user)
				on conflict (org_id) do update set reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by
				""")
			.param("org", orgId).param("at", Timestamp.from(at)).param("user", userId).update();
	}

	public boolean reviewed(UUID orgId) {
		return jdbc.sql("select exists (select 1 from playbook_review where org_id = :org)").param("org", orgId)
			.query(Boolean.class).single();
	}
}
