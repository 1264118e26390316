package dev.tandem.insight.persistence;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How far an organisation's history goes back, from the monthly counts the CRM publishes: a trend has nothing to show
 * before it.
 */
@Repository
public class HistoryQueries {

	private final JdbcClient jdbc;

	HistoryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The first month with a deal created or closed or an activity, or {@code null} for an organisation without any. */
	public @Nullable LocalDate firstMonth(UUID orgId) {
		return jdbc.sql("""
				select least((select min(month) from crm_deal_month_v where org_id = :org),
				             (select min(month) from crm_activity_month_v where org_id = :org))
				""").param("org", orgId).query(LocalDate.class).optional().orElse(null);
	}
}
