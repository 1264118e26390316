package dev.tandem.insight.persistence;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.tandem.crm.DealSource;
import dev.tandem.goals.Scope;
import dev.tandem.goals.ScopeSql;
import dev.tandem.platform.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What became of the leads that came in during a period, per owner and source: qualified, converted,
 * disqualified, and won (the lead's deal was won, at any time).
 */
@Repository
public class LeadQueries {

	private final JdbcClient jdbc;

	LeadQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Row(UUID ownerId, DealSource source, long received, long qualified, long converted, long disqualified, long won) {
	}

	public List<Row> outcomes(UUID orgId, Scope scope, Period period, ZoneId zone) {
		return ScopeSql.bind(jdbc.sql(ScopeSql.MEMBERS + """
				select l.owner_id, l.source, count(*) as received,
				       count(*) filter (where l.qualified_at is not null) as qualified,
				       count(*) filter (where l.converted_at is not null) as converted,
				       count(*) filter (where l.status = 'DISQUALIFIED') as disqualified,
				       count(*) filter (where d.status = 'WON') as won
				  from crm_lead_v l
				  left join crm_deal_v d on d.org_id = l.org_id and d.id = l.deal_id
				 where l.org_id = :org and l.owner_id is not null and l.created_at >= :from and l.created_at < :to
				   and """ + ScopeSql.owners("l.owner_id") + """
				   and """ + ScopeSql.memberOn("l.owner_id", "cast(l.created_at at time zone :zone as date)") + """
				 group by l.owner_id, l.source
				"""), orgId, scope)
			.param("from", Timestamp.from(period.startAt(zone))).param("to", Timestamp.from(period.endAt(zone)))
			.param("zone", zone.getId())
			.query((rs, n) -> new Row(rs.getObject("owner_id", UUID.class), DealSource.valueOf(rs.getString("source")),
					rs.getLong("received"), rs.getLong("qualified"), rs.getLong("converted"), rs.getLong("disqualified"), rs.getLong("won")))
			.list();
	}
}
