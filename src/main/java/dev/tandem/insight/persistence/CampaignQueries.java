package dev.tandem.insight.persistence;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.tandem.crm.DealSource;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What became of the whole organisation's leads that came in during a period, per source and campaign: counts
 * only, no lead or person, which is what a marketing department may see of sales' work.
 */
@Repository
public class CampaignQueries {

	private final JdbcClient jdbc;

	CampaignQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One row per source and campaign; a lead without a campaign has none. {@code converted} counts the leads that
	 * became a deal (a conversion into only an account and contact is no deal for marketing to count on).
	 */
	public record Row(DealSource source, @Nullable String campaign, long received, long qualified, long converted,
			long disqualified, long won) {
	}

	public List<Row> outcomes(UUID orgId, Period period, ZoneId zone) {
		return jdbc.sql("""
				select l.source, nullif(btrim(l.campaign), '') as campaign, count(*) as received,
				       count(*) filter (where l.qualified_at is not null) as qualified,
				       count(*) filter (where l.deal_id is not null) as converted,
				       count(*) filter (where l.status = 'DISQUALIFIED') as disqualified,
				       count(*) filter (where d.status = 'WON') as won
				  from crm_lead_v l
				  left join crm_deal_v d on d.org_id = l.org_id and d.id = l.deal_id
				 where l.org_id = :org and l.created_at >= :from and l.created_at < :to
				 group by l.source, nullif(btrim(l.campaign), '')
				 order by l.source, campaign nulls last
				""")
			.param("org", orgId).param("from", Timestamp.from(period.startAt(zone))).param("to", Timestamp.from(period.endAt(zone)))
			.query((rs, n) -> new Row(DealSource.valueOf(rs.getString("source")), rs.getString("campaign"), rs.getLong("received"),
					rs.getLong("qualified"), rs.getLong("converted"), rs.getLong("disqualified"), rs.getLong("won")))
			.list();
	}
}
