package dev.tandem.people.persistence;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.people.Organisation;
import dev.tandem.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tenants of this installation.
 */
@Repository
public class Organisations {

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Organisation> find(UUID orgId) {
		return jdbc.sql("select org_id, name, time_zone, currency, locale, fiscal_year_start_month from people_organisation where org_id = :org")
			.param("org", orgId)
			.query((rs, n) -> new Organisation(rs.getObject("org_id", UUID.class), rs.getString("name"),
					ZoneId.of(rs.getString("time_zone")), rs.getString("currency"), rs.getString("locale"),
					rs.getInt("fiscal_year_start_month")))
			.optional();
	}

	/** Across organisations: whether the installation has any. */
	public boolean any() {
		return Tenancy.asSystem(() -> jdbc.sql("select exists (select 1 from people_organisation)").query(Boolean.class).single());
	}

	/** Across organisations: an organisation's name is unique in the installation. */
	public boolean nameTaken(String name) {
		return Tenancy.asSystem(() -> jdbc.sql("select exists (select 1 from people_organisation where lower(name) = lower(:name))")
			.param("name", name).query(Boolean.class).single());
	}

	public boolean gettingStartedDismissed(UUID orgId) {
		return jdbc.sql("select getting_started_dismissed_at is not null from people_organisation where org_id = :org")
			.param("org", orgId).query(Boolean.class).optional().orElse(true);
	}

	public void dismissGettingStarted(UUID orgId) {
		jdbc.sql("update people_organisation set getting_started_dismissed_at = coalesce(getting_started_dismissed_at, now()) where org_id = :org")
			.param("org", orgId).update();
	}

	/** Whether anyone besides the organisation's first user belongs to it. */
	public boolean hasOthersThanItsFirstUser(UUID orgId) {
		return jdbc.sql("select count(*) > 1 from people_user where org_id = :org").param("org", orgId).query(Boolean.class).single();
	}

	/** Whether a team of the organisation has a member whose membership has not ended. */
	public boolean hasTeamWithMembers(UUID orgId) {
		return jdbc.sql("select exists (select 1 from people_membership where org_id = :org and valid_to is null)")
			.param("org", orgId).query(Boolean.class).single();
	}

	public void insert(Organisation org) {
		jdbc.sql("""
				insert into people_organisation (org_id, name, time_zone, currency, locale, fiscal_year_start_month)
				values (:org, :name, :zone, :currency, :locale, :fiscal)
				""")
			.param("org", org.id()).param("name", org.name()).param("zone", org.timeZone().getId())
			.param("currency", org.currency()).param("locale", org.locale()).param("fiscal", org.fiscalYearStartMonth())
			.update();
	}
}
