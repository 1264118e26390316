package dev.tandem.people.persistence;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationSummary;
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

	/** Across organisations: whether the installation holds a demo organisation, whose logins the sign-in page may tell. */
	public boolean anyDemo() {
		return Tenancy.asSystem(() -> jdbc.sql("select exists (select 1 from people_organisation where demo)").query(Boolean.class).single());
	}

	/**
	 * Takes the installation's one setup, in the caller's transaction: false when it is taken already. A second caller at
	 * the same moment waits on the row's key until the first commits (then false) or rolls back (then true).
	 */
	public boolean claimSetup() {
		return jdbc.sql("insert into people_setup (done) values (true) on conflict do nothing").update() == 1;
	}

	/** Across organisations: every organisation with when it was opened and its number of users, by name. */
	public List<OrganisationSummary> summaries() {
		return Tenancy.asSystem(() -> jdbc.sql("""
				select o.org_id, o.name, o.created_at, (select count(*) from people_user u where u.org_id = o.org_id) as users
				from people_organisation o
				order by lower(o.name), o.org_id
				""")
			.query((rs, n) -> new OrganisationSummary(rs.getObject("org_id", UUID.class), rs.getString("name"),
					rs.getTimestamp("created_at").toInstant(), rs.getInt("users")))
			.list());
	}

	public void insert(Organisation org, boolean demo) {
		jdbc.sql("""
				insert into people_organisation (org_id, name, time_zone, currency, locale, fiscal_year_start_month, demo)
				values (:org, :name, :zone, :currency, :locale, :fiscal, :demo)
				""")
			.param("org", org.id()).param("demo", demo).param("name", org.name()).param("zone", org.timeZone().getId())
			.param("currency", org.currency()).param("locale", org.locale()).param("fiscal", org.fiscalYearStartMonth())
			.update();
	}
}
