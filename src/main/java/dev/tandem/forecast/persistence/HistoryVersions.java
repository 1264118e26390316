package dev.tandem.forecast.persistence;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A fingerprint of the history a backtest is computed from: the deals, their stage and field changes and the forecast
 * submissions and adjustments of an organisation. It changes with any write, deletion or restore there, on whichever node
 * made it, so a result kept beside it is valid while the fingerprint is the same.
 */
@Repository
public class HistoryVersions {

	private final JdbcClient jdbc;

	HistoryVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String of(UUID orgId) {
		return jdbc.sql("""
				select concat_ws('/',
				  (select count(*) || ':' || coalesce(max(updated_at)::text, '') from crm_deal_v where org_id = :org),
				  (select count(*) || ':' || coalesce(max(changed_at)::text, '') from crm_deal_stage_change_v where org_id = :org),
				  (select count(*) || ':' || coalesce(max(changed_at)::text, '') from crm_deal_field_change_v where org_id = :org),
				  (select count(*) || ':' || coalesce(max(submitted_at)::text, '') from forecast_submission where org_id = :org),
				  (select count(*) || ':' || coalesce(max(adjusted_at)::text, '') from forecast_adjustment where org_id = :org))
				""").param("org", orgId).query(String.class).single();
	}
}
