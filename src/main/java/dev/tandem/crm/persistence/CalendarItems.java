package dev.tandem.crm.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.crm.CalendarItem;
import dev.tandem.crm.CalendarItem.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A person's own calendar: their tasks, the meetings and demos they own or take part in, and the expected close
 * dates of their open deals. Only what is theirs, not what they may see of others.
 */
@Repository
public class CalendarItems {

	private final JdbcClient jdbc;

	CalendarItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Open tasks whenever due, done tasks, meetings and demos since {@code since}, and every open deal's close date. */
	public List<CalendarItem> of(UUID orgId, UUID userId, Instant since) {
		List<CalendarItem> items = new java.util.ArrayList<>(jdbc.sql("""
				select x.id, x.type, x.subject, coalesce(x.occurred_at, x.due_at) as start_at, x.duration_minutes, x.done,
				       x.notes, x.created_at, x.version, d.title as deal_title, coalesce(a.name, da.name) as account_name
				  from crm_activity x
				  left join crm_deal d on d.org_id = x.org_id and d.id = x.deal_id
				  left join crm_account a on a.org_id = x.org_id and a.id = x.account_id
				  left join crm_account da on da.org_id = d.org_id and da.id = d.account_id
				 where x.org_id = :org and x.deleted_at is null
				   and ((x.type = 'TASK' and x.owner_id = :user and x.due_at is not null and (not x.done or x.due_at >= :since))
				     or (x.type in ('MEETING', 'DEMO') and coalesce(x.occurred_at, x.due_at) >= :since
				         and (x.owner_id = :user or exists (select 1 from crm_activity_participant p
				              where p.org_id = x.org_id and p.activity_id = x.id and p.user_id = :user))))
				 order by start_at, x.id
				""")
			.param("org", orgId).param("user", userId).param("since", Timestamp.from(since))
			.query((rs, n) -> {
				boolean task = "TASK".equals(rs.getString("type"));
				int minutes = rs.getInt("duration_minutes");
				return new CalendarItem(task ? Kind.TASK : Kind.MEETING, rs.getObject("id", UUID.class), rs.getString("subject"),
						rs.getTimestamp("start_at").toInstant(), null, task ? 15 : minutes == 0 ? 60 : minutes, rs.getBoolean("done"),
						rs.getString("deal_title"), rs.getString("account_name"), rs.getString("notes"),
						rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
			})
			.list());
		items.addAll(jdbc.sql("""
				select d.id, d.title, d.close_date, d.updated_at, d.version, a.name as account_name
				  from crm_deal d
				  left join crm_account a on a.org_id = d.org_id and a.id = d.account_id
				 where d.org_id = :org and d.owner_id = :user and d.status = 'OPEN' and d.deleted_at is null
				   and d.close_date is not null
				 order by d.close_date, d.id
				""")
			.param("org", orgId).param("user", userId)
			.query((rs, n) -> new CalendarItem(Kind.CLOSE_DATE, rs.getObject("id", UUID.class), rs.getString("title"), null,
					rs.getObject("close_date", java.time.LocalDate.class), 0, false, rs.getString("title"),
					rs.getString("account_name"), null, rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")))
			.list());
		return items;
	}
}
