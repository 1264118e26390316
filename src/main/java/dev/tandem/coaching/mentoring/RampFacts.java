package dev.tandem.coaching.mentoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The firsts of a ramp, from the views the CRM publishes: a person's first meeting held and first deal won. */
@Repository
class RampFacts {

	private final JdbcClient jdbc;

	RampFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The day of the person's first meeting or demo done, in the organisation's zone. */
	Optional<LocalDate> firstMeeting(UUID orgId, UUID personId, ZoneId zone) {
		return jdbc.sql("""
				select min(occurred_at) from crm_activity_v
				 where org_id = :org and owner_id = :person and type in ('MEETING', 'DEMO') and done and occurred_at is not null
				""").param("org", orgId).param("person", personId).query(java.sql.Timestamp.class).list().stream().filter(java.util.Objects::nonNull).findFirst()
			.map(t -> t.toInstant().atZone(zone).toLocalDate());
	}

	/** The day the person won their first deal, in the organisation's zone. */
	Optional<LocalDate> firstWon(UUID orgId, UUID personId, ZoneId zone) {
		return jdbc.sql("""
				select min(closed_at) from crm_deal_v where org_id = :org and owner_id = :person and status = 'WON'
				""").param("org", orgId).param("person", personId).query(java.sql.Timestamp.class).list().stream().filter(java.util.Objects::nonNull).findFirst()
			.map(t -> t.toInstant().atZone(zone).toLocalDate());
	}
}
