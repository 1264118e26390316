package dev.tandem.coaching.help;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.tandem.coaching.TakeoverFigures.Takeover;
import dev.tandem.coaching.help.TakeoverRatio.DealRow;
import dev.tandem.coaching.help.TakeoverRatio.Month;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The takeover ratio in SQL, on the views the CRM and people publish: the done activities on deals whose owner was,
 * on the activity's day (in the organisation's zone), a member of a team the manager leads or of a team below it.
 * Those the manager logged without anyone taking part count as taken over; joint ones (someone took part alongside)
 * do not; the rest are the reps' own.
 */
@Repository
class TakeoverQueries {

	private static final String ACTIVITIES = """
			with members as (
			  select m.user_id, m.valid_from, m.valid_to from people_team_member_v m
			    join people_team_v t on t.org_id = m.org_id and t.id = m.team_id
			   where m.org_id = :org and t.leader_id = :manager
			), acts as (
			  select a.id, a.deal_id, a.owner_id, a.logged_by, a.joint, a.occurred_at,
			         (a.logged_by = :manager and not a.joint) as taken, a.joint as shared
			    from crm_activity_v a
			   where a.org_id = :org and a.done and a.deal_id is not null and a.owner_id <> :manager
			     and a.occurred_at >= :from and a.occurred_at < :to
			     and exists (select 1 from members m where m.user_id = a.owner_id
			                  and m.valid_from <= (a.occurred_at at time zone :zone)::date
			                  and (m.valid_to is null or m.valid_to > (a.occurred_at at time zone :zone)::date))
			)
			""";

	private final JdbcClient jdbc;

	TakeoverQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Takeover takeover(UUID orgId, UUID managerId, Instant from, Instant to, ZoneId zone) {
		return jdbc.sql(ACTIVITIES + """
				select count(*) filter (where taken), count(*) filter (where shared), count(*) filter (where not taken and not shared)
				  from acts
				""")
			.param("org", orgId).param("manager", managerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.param("zone", zone.getId())
			.query((rs, n) -> new Takeover(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
	}

	/** Per month (in the zone) of the range: the month's first day and its figures. */
	List<Month> months(UUID orgId, UUID managerId, Instant from, Instant to, ZoneId zone) {
		return jdbc.sql(ACTIVITIES + """
				select date_trunc('month', occurred_at at time zone :zone)::date as month,
				       count(*) filter (where taken), count(*) filter (where shared), count(*) filter (where not taken and not shared)
				  from acts group by 1 order by 1
				""")
			.param("org", orgId).param("manager", managerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.param("zone", zone.getId())
			.query((rs, n) -> new Month(rs.getDate(1).toLocalDate(), new Takeover(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
			.list();
	}

	/** The deals the manager worked on themselves (alone or joint), those with the most taken-over activities first. */
	List<DealRow> deals(UUID orgId, UUID managerId, Instant from, Instant to, ZoneId zone, int limit) {
		return jdbc.sql(ACTIVITIES + """
				select acts.deal_id, d.title, d.owner_id, u.display_name, d.amount, d.status,
				       count(*) filter (where taken), count(*) filter (where shared), count(*) filter (where not taken and not shared)
				  from acts
				  join crm_deal_v d on d.org_id = :org and d.id = acts.deal_id
				  join people_user_v u on u.org_id = :org and u.id = d.owner_id
				 group by acts.deal_id, d.title, d.owner_id, u.display_name, d.amount, d.status
				having count(*) filter (where taken or shared) > 0
				 order by count(*) filter (where taken) desc, count(*) desc, d.title
				 limit :limit
				""")
			.param("org", orgId).param("manager", managerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.param("zone", zone.getId()).param("limit", limit)
			.query((rs, n) -> new DealRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
					rs.getBigDecimal(5), rs.getString(6), new Takeover(rs.getLong(7), rs.getLong(8), rs.getLong(9))))
			.list();
	}
}
