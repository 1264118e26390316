package dev.tandem.coaching.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For the demo organisation's history: moves the dates of a review that went through the real flow into the past,
 * as if its cycle started at {@code started} and each step was taken when the demo says.
 */
@Component
public class ReviewLoad {

	private final JdbcClient jdbc;

	ReviewLoad(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The dates of a review's steps; a step not taken yet stays empty whatever is given. */
	public void backdate(UUID orgId, UUID reviewId, Instant started, Instant selfAt, Instant assessedAt, Instant acknowledgedAt) {
		jdbc.sql("""
				update coaching_review set created_at = cast(:started as timestamptz), self_at = case when self_at is null then null else cast(:self as timestamptz) end,
				       assessed_at = case when assessed_at is null then null else cast(:assessed as timestamptz) end,
				       acknowledged_at = case when acknowledged_at is null then null else cast(:acknowledged as timestamptz) end,
				       snapshot = case when snapshot is null then null
				                  else jsonb_set(snapshot, '{takenAt}', to_jsonb(cast(:acknowledgedText as text))) end,
				       updated_at = greatest(cast(:started as timestamptz), coalesce(case when acknowledged_at is null then null else cast(:acknowledged as timestamptz) end,
				                  case when assessed_at is null then null else cast(:assessed as timestamptz) end, case when self_at is null then null else cast(:self as timestamptz) end))
				 where org_id = :org and id = :id
				""").param("org", orgId).param("id", reviewId).param("started", Timestamp.from(started)).param("self", Timestamp.from(selfAt))
			.param("assessed", Timestamp.from(assessedAt)).param("acknowledged", Timestamp.from(acknowledgedAt))
			.param("acknowledgedText", acknowledgedAt.toString()).update();
		jdbc.sql("""
				update coaching_review_cycle c set created_at = least(c.created_at, :started)
				  from coaching_review r where r.org_id = c.org_id and r.cycle_id = c.id and r.org_id = :org and r.id = :id
				""").param("org", orgId).param("id", reviewId).param("started", Timestamp.from(started)).update();
	}
}
