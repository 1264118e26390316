package dev.tandem.coaching.mentoring;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Help a person gave colleagues: activities they logged on deals someone else owns, from the CRM's published views. */
@Repository
class HelpGiven {

	private final JdbcClient jdbc;

	HelpGiven(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Activities done by the person on colleagues' deals in {@code [from, to)}, and how many of them were joint. */
	long[] onColleaguesDeals(UUID orgId, UUID personId, Instant from, Instant to) {
		return jdbc.sql("""
				select count(*) as help, count(*) filter (where a.joint) as joint
				  from crm_activity_v a join crm_deal_v d on d.org_id = a.org_id and d.id = a.deal_id
				 where a.org_id = :org and a.logged_by = :person and d.owner_id <> :person and a.done
				   and a.occurred_at >= :from and a.occurred_at < :to
				""").param("org", orgId).param("person", personId).param("from", java.sql.Timestamp.from(from))
			.param("to", java.sql.Timestamp.from(to)).query((rs, row) -> new long[] { rs.getLong("help"), rs.getLong("joint") }).single();
	}
}
