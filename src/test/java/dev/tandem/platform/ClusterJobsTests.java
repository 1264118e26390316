package dev.tandem.platform;

import java.util.UUID;

import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.NewAccount;
import dev.tandem.crm.RecycleBin;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled job runs on one node of the cluster at a time: while another node holds the job's lock in the database,
 * this node's run of the recycle bin's hourly purge does nothing; once the lock is free, the same call purges, and
 * the lock shows this node ran it. The lock's times are the database's clock in UTC, whatever the zone of the node or
 * of its database session (the suite also runs in other zones, see {@code .ci/any-date}).
 */
@TandemIntegrationTest
class ClusterJobsTests {

	@Autowired RecycleBin bin;
	@Autowired AccountManagement accounts;
	@Autowired OrganisationManagement organisations;
	@Autowired JdbcClient jdbc;

	@Test
	void whileAnotherNodeHoldsThePurgeThisNodeSkipsItAndRunsItOnceItIsFree() {
		CurrentUser admin = organisations.open(new NewOrganisation("Jobs " + UUID.randomUUID(), "Europe/Amsterdam", "EUR", "en", 1),
				"admin@jobs-" + UUID.randomUUID().toString().substring(0, 8) + ".test", "Admin", "jobs-passw0rd-11");
		Account account = accounts.create(admin, new NewAccount("Expired Co", null, null, null, null, null));
		accounts.delete(admin, account.id());
		// In the bin for 31 days already: past the 30 days' retention.
		jdbc.sql("update crm_recycle_bin set deleted_at = deleted_at - interval '31 days' where org_id = :org")
			.param("org", admin.orgId()).update();
		assertThat(inBin(admin)).isEqualTo(1);

		jdbc.sql("""
				insert into platform_job_lock (name, lock_until, locked_at, locked_by)
				values ('recycle-bin-purge', timezone('utc', now()) + interval '10 minutes', timezone('utc', now()), 'the other node')
				on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
				                                 locked_by = excluded.locked_by
				""").update();
		bin.purgeExpired();
		assertThat(inBin(admin)).as("the other node holds the purge").isEqualTo(1);

		jdbc.sql("update platform_job_lock set lock_until = timezone('utc', now()) where name = 'recycle-bin-purge'").update();
		bin.purgeExpired();
		assertThat(inBin(admin)).isZero();
		assertThat(jdbc.sql("select locked_by from platform_job_lock where name = 'recycle-bin-purge'").query(String.class).single())
			.isNotEqualTo("the other node");
	}

	@AfterEach
	void freeTheLock() {
		jdbc.sql("update platform_job_lock set lock_until = timezone('utc', now()) where name = 'recycle-bin-purge'").update();
	}

	private long inBin(CurrentUser admin) {
		return jdbc.sql("select count(*) from crm_recycle_bin where org_id = :org").param("org", admin.orgId()).query(Long.class).single();
	}
}
